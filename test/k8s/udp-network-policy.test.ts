import * as kplus from 'cdk8s-plus-28';
import { chart, only } from './helpers';
import {
  DualProtocolEndpoint, LoadBalancerProvider, NetworkPolicyPeer, NlbProtocol, NlbTargetType, NlbUdpLoadBalancer,
  ServiceType, TrafficPolicy, UdpNetworkPolicy, UdpRules, UdpService,
} from '../../src';
import { Sources } from '../../src/core/sources';

const DNS = { app: 'dns' };
const VPC = '10.0.0.0/16';
const CLIENTS = '203.0.113.0/24';
const NODE_CIDRS = { 'k8s-udp-constructs.io/node-cidrs': VPC };
const NAMESPACE_CLIENTS = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'clients' } } };

function policy(name: string, ingress: unknown[], podSelector: Record<string, string> = DNS, annotations?: Record<string, string>) {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: annotations ? { annotations, name } : { name },
    spec: { ingress, podSelector: { matchLabels: podSelector }, policyTypes: ['Ingress'] },
  };
}

function coredns(c: ReturnType<typeof chart>): kplus.Deployment {
  return new kplus.Deployment(c, 'coredns', { replicas: 2, containers: [{ image: 'coredns/coredns:1.11.1', portNumber: 53 }] });
}

describe('UdpService', () => {
  test('ClusterIP: every peer as given, the UDP port with its protocol', () => {
    const c = chart();
    new UdpService(c, 'dns', {
      metadata: { name: 'dns' },
      selector: DNS,
      ports: [{ port: 53, targetPort: 1053 }],
      networkPolicy: { from: [NetworkPolicyPeer.cidr('10.20.0.0/16', ['10.20.1.0/24']), NetworkPolicyPeer.namespace('clients'), NetworkPolicyPeer.podsInNamespaces({ team: 'a' }, { role: 'client' })] },
    });
    expect(only(c, 'NetworkPolicy')).toEqual(policy('dns-ingress', [{
      from: [
        { ipBlock: { cidr: '10.20.0.0/16', except: ['10.20.1.0/24'] } },
        NAMESPACE_CLIENTS,
        { namespaceSelector: { matchLabels: { team: 'a' } }, podSelector: { matchLabels: { role: 'client' } } },
      ],
      ports: [{ port: 1053, protocol: 'UDP' }],
    }]));
    expect(UdpRules.findings(c)).toEqual([]);
  });

  test('NodePort with Local: client CIDRs kept, the health NodePort\'s target from the node CIDRs', () => {
    const c = chart();
    new UdpService(c, 'dns', {
      metadata: { name: 'dns' },
      selector: DNS,
      type: ServiceType.NODE_PORT,
      externalTrafficPolicy: TrafficPolicy.LOCAL,
      ports: [{ port: 53 }],
      healthNodePort: { targetPort: 8080 },
      networkPolicy: { from: [NetworkPolicyPeer.cidr(CLIENTS)], nodeCidrs: [VPC] },
    });
    expect(only(c, 'NetworkPolicy')).toEqual(policy('dns-ingress', [
      { from: [{ ipBlock: { cidr: CLIENTS } }], ports: [{ port: 53, protocol: 'UDP' }] },
      { from: [{ ipBlock: { cidr: VPC } }], ports: [{ port: 8080, protocol: 'TCP' }] },
    ], DNS, NODE_CIDRS));
    expect(UdpRules.findings(c)).toEqual([]);
  });

  test('NodePort with Cluster: the nodes admitted on the UDP port, a client CIDR refused with why', () => {
    const c = chart();
    new UdpService(c, 'dns', {
      metadata: { name: 'dns' },
      selector: DNS,
      type: ServiceType.NODE_PORT,
      ports: [{ port: 53 }],
      networkPolicy: { from: [NetworkPolicyPeer.namespace('clients'), NetworkPolicyPeer.cidr(CLIENTS)], nodeCidrs: [VPC] },
    });
    expect(UdpRules.messages(c)).toEqual([
      `[UDP811] test/dns/network-policy: networkPolicy.from[1] "${CLIENTS}": names clients by address, but the pods never see ${CLIENTS}, so it is not written: externalTrafficPolicy is Cluster: kube-proxy replaces the client's address with a node's (source NAT) before the pod sees it (externalTrafficPolicy: TrafficPolicy.LOCAL (or NLB ip targets) with client CIDRs; or client CIDRs in loadBalancerSourceRanges and the nodes in nodeCidrs; ${Sources.SOURCE_IP})`,
    ]);
    const c2 = chart();
    new UdpService(c2, 'dns', {
      metadata: { name: 'dns' },
      selector: DNS,
      type: ServiceType.NODE_PORT,
      ports: [{ port: 53 }],
      networkPolicy: { from: [NetworkPolicyPeer.namespace('clients')], nodeCidrs: [VPC] },
    });
    expect(only(c2, 'NetworkPolicy')).toEqual(policy('dns-ingress', [
      { from: [NAMESPACE_CLIENTS, { ipBlock: { cidr: VPC } }], ports: [{ port: 53, protocol: 'UDP' }] },
    ], DNS, NODE_CIDRS));
    expect(UdpRules.findings(c2)).toEqual([]);
  });

  test('no from: the ports from any source, and the pods of a workload selected by their labels', () => {
    const c = chart();
    const dns = new UdpService(c, 'dns', { metadata: { name: 'dns', namespace: 'dns' }, selector: coredns(c), ports: [{ port: 53 }], networkPolicy: {} });
    const json = only(c, 'NetworkPolicy');
    expect(json.metadata).toEqual({ name: 'dns-ingress', namespace: 'dns' });
    expect(json.spec).toEqual({ ingress: [{ ports: [{ port: 53, protocol: 'UDP' }] }], podSelector: { matchLabels: { 'cdk8s.io/metadata.addr': 'test-coredns-c87485f3' } }, policyTypes: ['Ingress'] });
    expect(dns.networkPolicy?.apiObject.kind).toBe('NetworkPolicy');
  });

  test('a Cluster-policy NodePort with only in-cluster peers and no node CIDRs: a warning', () => {
    const c = chart();
    new UdpService(c, 'dns', { selector: DNS, type: ServiceType.NODE_PORT, ports: [{ port: 53 }], networkPolicy: { from: [NetworkPolicyPeer.pods({ role: 'client' })] } });
    expect(UdpRules.messages(c)).toEqual([
      `[UDP813] test/dns/network-policy: networkPolicy.from [{"podSelector":{"matchLabels":{"role":"client"}}}]: admits no client from outside the cluster while nodeCidrs is unset: externalTrafficPolicy is Cluster: kube-proxy replaces the client's address with a node's (source NAT) before the pod sees it (nodeCidrs with the nodes' CIDRs, or externalTrafficPolicy: TrafficPolicy.LOCAL; ${Sources.SOURCE_IP})`,
    ]);
  });

  test('wrong input: a CIDR that is none, a peer that is none, node CIDRs that are none, a Service without selector', () => {
    const c = chart();
    new UdpService(c, 'dns', {
      ports: [{ port: 53 }],
      networkPolicy: { from: [NetworkPolicyPeer.cidr('10.0.0.0'), 'clients' as never], nodeCidrs: ['10.0.0.0/33'] },
    });
    const api = Sources.NETWORK_POLICY_API;
    expect(UdpRules.messages(c)).toEqual([
      `[UDP814] test/dns/network-policy: networkPolicy.nodeCidrs[0] "10.0.0.0/33": is not a CIDR (an IPv4 or IPv6 CIDR such as 10.0.0.0/16; ${api})`,
      `[UDP814] test/dns/network-policy: networkPolicy.from[0] {"ipBlock":{"cidr":"10.0.0.0"}}: "10.0.0.0" is not a CIDR (an IPv4 or IPv6 CIDR such as 203.0.113.0/24; ${api})`,
      `[UDP814] test/dns/network-policy: networkPolicy.from[1] "clients": is not a NetworkPolicyPeer (NetworkPolicyPeer.cidr(...), .namespace(...), .namespaces(...), .pods(...) or .podsInNamespaces(...); ${api})`,
      `[UDP814] test/dns/network-policy: networkPolicy (unset): needs pods to select, but Service test-dns-c88e98fb has no selector (a Service with a selector (labels or a workload); ${api})`,
    ]);
    const c2 = chart();
    new UdpService(c2, 'dns', { selector: DNS, ports: [{ port: 53 }], networkPolicy: 'allow' as never });
    expect(c2.node.findAll().filter((x) => x instanceof UdpNetworkPolicy)).toEqual([]);
    expect(UdpRules.findings(c2).map((f) => `${f.ruleId} ${f.field}`)).toEqual(['UDP146 networkPolicy']);
  });
});

describe('DualProtocolEndpoint', () => {
  test('one Service: TCP and UDP with explicit protocols', () => {
    const c = chart();
    new DualProtocolEndpoint(c, 'dns', {
      metadata: { name: 'dns' }, selector: DNS, ports: [{ name: 'dns', port: 53 }], networkPolicy: { from: [NetworkPolicyPeer.namespace('clients')] },
    });
    expect(only(c, 'NetworkPolicy')).toEqual(policy('dns-ingress', [
      { from: [NAMESPACE_CLIENTS], ports: [{ port: 53, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] },
    ]));
  });

  test('split on the in-tree AWS provider with Local: one policy, a rule per Service, the health NodePort target from the VPC', () => {
    const c = chart();
    const endpoint = new DualProtocolEndpoint(c, 'dns', {
      metadata: { name: 'dns' },
      selector: DNS,
      type: ServiceType.LOAD_BALANCER,
      externalTrafficPolicy: TrafficPolicy.LOCAL,
      provider: LoadBalancerProvider.awsInTree(),
      ports: [{ name: 'dns', port: 53 }],
      healthNodePort: {},
      networkPolicy: { from: [NetworkPolicyPeer.cidr(CLIENTS)], nodeCidrs: [VPC] },
    });
    expect(endpoint.split).toBe(true);
    expect(only(c, 'NetworkPolicy')).toEqual(policy('dns-ingress', [
      { from: [{ ipBlock: { cidr: CLIENTS } }], ports: [{ port: 53, protocol: 'TCP' }] },
      { from: [{ ipBlock: { cidr: CLIENTS } }], ports: [{ port: 53, protocol: 'UDP' }] },
      { from: [{ ipBlock: { cidr: VPC } }], ports: [{ port: 'udp-health', protocol: 'TCP' }] },
    ], DNS, NODE_CIDRS));
    expect(UdpRules.findings(c).filter((f) => f.ruleId.startsWith('UDP8'))).toEqual([]);
  });
});

describe('NlbUdpLoadBalancer', () => {
  function nlb(props: Partial<ConstructorParameters<typeof NlbUdpLoadBalancer>[2]>) {
    const c = chart();
    const lb = new NlbUdpLoadBalancer(c, 'nlb', { metadata: { name: 'game' }, selector: coredns(c), ports: [{ port: 53 }], ...props });
    return { c, lb };
  }
  const POD = { 'cdk8s.io/metadata.addr': 'test-coredns-c87485f3' };

  test('ip targets: client CIDRs kept whatever the traffic policy (UDP keeps the client\'s address), the sidecar\'s port from the VPC', () => {
    for (const externalTrafficPolicy of [TrafficPolicy.LOCAL, TrafficPolicy.CLUSTER]) {
      const { c, lb } = nlb({ externalTrafficPolicy, networkPolicy: { from: [NetworkPolicyPeer.cidr(CLIENTS)], nodeCidrs: [VPC] } });
      expect(only(c, 'NetworkPolicy')).toEqual(policy('game-ingress', [
        { from: [{ ipBlock: { cidr: CLIENTS } }], ports: [{ port: 53, protocol: 'UDP' }] },
        { from: [{ ipBlock: { cidr: VPC } }], ports: [{ port: 10080, protocol: 'TCP' }] },
      ], POD, NODE_CIDRS));
      expect(lb.networkPolicy).toBeInstanceOf(UdpNetworkPolicy);
      expect(UdpRules.findings(c).filter((f) => f.ruleId.startsWith('UDP8'))).toEqual([]);
    }
  });

  test('TCP_UDP without the sidecar: the NLB checks the TCP traffic port, admitted from the VPC', () => {
    const { c } = nlb({
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
      ports: [{ name: 'dns', port: 53, targetPort: 1053, protocol: NlbProtocol.TCP_UDP }],
      networkPolicy: { from: [NetworkPolicyPeer.cidr(CLIENTS)], nodeCidrs: [VPC] },
    });
    expect(only(c, 'NetworkPolicy').spec.ingress).toEqual([
      { from: [{ ipBlock: { cidr: CLIENTS } }], ports: [{ port: 1053, protocol: 'TCP' }, { port: 1053, protocol: 'UDP' }] },
      { from: [{ ipBlock: { cidr: VPC } }], ports: [{ port: 1053, protocol: 'TCP' }] },
    ]);
  });

  test('instance targets with Local: the NLB checks kube-proxy on the node, nothing on the pods', () => {
    const { c } = nlb({
      provider: LoadBalancerProvider.awsInTree(),
      targetType: NlbTargetType.INSTANCE,
      networkPolicy: { from: [NetworkPolicyPeer.cidr(CLIENTS)], nodeCidrs: [VPC] },
    });
    expect(only(c, 'NetworkPolicy').spec.ingress).toEqual([{ from: [{ ipBlock: { cidr: CLIENTS } }], ports: [{ port: 53, protocol: 'UDP' }] }]);
  });

  test('instance targets with Cluster: a client CIDR is refused, the nodes are admitted', () => {
    const { c } = nlb({
      targetType: NlbTargetType.INSTANCE,
      externalTrafficPolicy: TrafficPolicy.CLUSTER,
      networkPolicy: { from: [NetworkPolicyPeer.cidr(CLIENTS)], nodeCidrs: [VPC] },
    });
    const found = UdpRules.findings(c).filter((f) => f.ruleId.startsWith('UDP8'));
    expect(found.map((f) => `${f.ruleId} ${f.field}`)).toEqual(['UDP811 networkPolicy.from[0]']);
  });

  test('no node CIDRs: the health-check port admitted from any source, with a warning', () => {
    const { c } = nlb({ networkPolicy: {} });
    expect(only(c, 'NetworkPolicy').spec.ingress).toEqual([
      { ports: [{ port: 53, protocol: 'UDP' }] },
      { ports: [{ port: 10080, protocol: 'TCP' }] },
    ]);
    expect(UdpRules.messages(c).filter((m) => m.includes('UDP8'))).toEqual([
      `[UDP812] test/nlb/network-policy: networkPolicy.nodeCidrs (unset): is unset, so the load balancer's health-check port 10080 (TCP) is admitted from any source (the CIDRs of the nodes and the load balancer, on AWS the VPC's CIDR, such as ['10.0.0.0/16']; ${Sources.NLB_TARGET_SECURITY})`,
    ]);
  });
});

test('UdpNetworkPolicy on its own: a name of its own, and the findings named as its props', () => {
  const c = chart();
  const dns = new UdpService(c, 'dns', { metadata: { name: 'dns' }, selector: DNS, type: ServiceType.NODE_PORT, externalTrafficPolicy: TrafficPolicy.LOCAL, ports: [{ port: 53 }] });
  new UdpNetworkPolicy(c, 'policy', { services: [dns], metadata: { name: 'allow-dns' }, from: [NetworkPolicyPeer.cidr(CLIENTS)] });
  expect(only(c, 'NetworkPolicy')).toEqual(policy('allow-dns', [{ from: [{ ipBlock: { cidr: CLIENTS } }], ports: [{ port: 53, protocol: 'UDP' }] }]));

  const c2 = chart();
  const cluster = new UdpService(c2, 'dns', { metadata: { name: 'dns' }, selector: DNS, type: ServiceType.NODE_PORT, ports: [{ port: 53 }] });
  new UdpNetworkPolicy(c2, 'policy', { services: [cluster], from: [NetworkPolicyPeer.cidr(CLIENTS)] });
  // the client CIDR is not written, so the policy admits nothing: the Service says what that means
  expect(UdpRules.findings(c2).map((f) => `${f.ruleId} ${f.field}`)).toEqual(['UDP804 spec.ports[0]', 'UDP811 from[0]']);
});
