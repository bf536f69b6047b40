import { checkObjects, formatFinding, KubeObject, OBJECT_RULES } from '../../src';
import { Sources } from '../../src/core/sources';
import { NODE_CIDRS_ANNOTATION } from '../../src/rules';

const LBC = 'service.beta.kubernetes.io/';
const DNS = { app: 'dns' };

function service(spec: Record<string, unknown>, annotations?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'dns', annotations }, spec: { selector: DNS, ...spec } };
}

function policy(spec: Record<string, unknown>, name = 'dns-ingress', annotations?: Record<string, string>): KubeObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, annotations }, spec: { podSelector: { matchLabels: DNS }, ...spec } };
}

const DEPLOYMENT: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'dns' },
  spec: {
    selector: { matchLabels: DNS },
    template: {
      metadata: { labels: { ...DNS, tier: 'edge' } },
      spec: { containers: [{ name: 'coredns', image: 'coredns/coredns:1.11.1', ports: [{ name: 'dns', containerPort: 1053, protocol: 'UDP' }] }] },
    },
  },
};

const UDP_53 = { name: 'dns', port: 53, protocol: 'UDP' };
const DENY_ALL = policy({ podSelector: {}, policyTypes: ['Ingress'] }, 'default-deny');

/** The network-policy findings (UDP8xx) of a set of objects, as the linter prints them. */
const run = (objects: KubeObject[]) => checkObjects(objects, OBJECT_RULES)
  .filter((f) => f.ruleId.startsWith('UDP8'))
  .map((f) => formatFinding(f, `${f.object!.kind}/${f.object!.name}`));

describe('UDP801: a NetworkPolicy port without protocol', () => {
  test('on a port a UDP Service targets, resolved through a named targetPort', () => {
    const objects = [service({ ports: [{ ...UDP_53, targetPort: 'dns' }] }), DEPLOYMENT, policy({ ingress: [{ ports: [{ port: 1053 }] }] })];
    expect(run(objects)).toEqual([
      `[UDP804] Service/dns: spec.ports[0] "UDP 53 (pod port 1053)": is admitted by no NetworkPolicy, while dns-ingress isolates its pods: every packet is dropped (an ingress rule for these pods with the pod port and protocol: UDP; ${Sources.NETWORK_POLICIES})`,
      `[UDP801] NetworkPolicy/dns-ingress: spec.ingress[0].ports[0].protocol (unset): of port 1053 is unset, which means TCP: UDP Service dns on UDP 53 (pod port 1053) gets no UDP through this ingress rule (protocol: UDP (and a second entry with protocol: TCP where TCP is meant too); ${Sources.NETWORK_POLICY_API})`,
    ]);
  });

  test('on 53 in an egress rule', () => {
    const egress = policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53 }, { port: 53, protocol: 'TCP' }] }] }, 'allow-dns');
    expect(run([egress])).toEqual([
      `[UDP801] NetworkPolicy/allow-dns: spec.egress[0].ports[0].protocol (unset): of port 53 is unset, which means TCP: DNS on port 53 gets no UDP through this egress rule (protocol: UDP (and a second entry with protocol: TCP where TCP is meant too); ${Sources.NETWORK_POLICY_API})`,
      `[UDP802] NetworkPolicy/allow-dns: spec.egress[0].ports [{"port":53},{"port":53,"protocol":"TCP"}]: allow DNS on TCP 53 only: every ordinary DNS query, over UDP, is dropped (port 53 with protocol: UDP and with protocol: TCP; ${Sources.RFC7766})`,
    ]);
  });

  test('not on a port no UDP Service targets, nor with a protocol', () => {
    expect(run([service({ ports: [UDP_53] }), policy({ ingress: [{ ports: [{ port: 8080 }, { port: 53, protocol: 'UDP' }] }] })])).toEqual([]);
  });
});

describe('UDP802: egress DNS on one protocol', () => {
  test('UDP only', () => {
    const egress = policy({ policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }, 'allow-dns');
    expect(run([egress])).toEqual([
      `[UDP802] NetworkPolicy/allow-dns: spec.egress[0].ports [{"port":53,"protocol":"UDP"}]: allow DNS on UDP 53 only: answers too large for UDP are retried over TCP and fail (port 53 with protocol: UDP and with protocol: TCP; ${Sources.RFC7766})`,
    ]);
  });

  test('policies add up: policies for the same pods, or for every pod, complete each other', () => {
    const udp = policy({ policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }, 'allow-dns-udp');
    const tcp = policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }] }, 'allow-dns-tcp');
    // the pods of app=dns get both; the namespace's other pods get TCP only
    expect(run([udp, tcp]).map((m) => m.slice(0, 45))).toEqual(['[UDP802] NetworkPolicy/allow-dns-tcp: spec.eg']);
    const wideUdp = policy({ podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }, 'allow-dns-udp');
    expect(run([wideUdp, tcp])).toEqual([]);
  });

  test('an egress rule without ports allows both', () => {
    const all = policy({ policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }, { to: [{ ipBlock: { cidr: '10.0.0.10/32' } }] }] }, 'allow-dns');
    expect(run([all])).toEqual([]);
  });
});

describe('UDP803: client CIDRs in front of a Cluster-policy UDP Service', () => {
  const cidrs = policy({ ingress: [{ from: [{ ipBlock: { cidr: '203.0.113.0/24' } }, { ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ port: 53, protocol: 'UDP' }] }] }, 'dns-ingress', { [NODE_CIDRS_ANNOTATION]: '10.0.0.0/16' });

  test('a NodePort Service with the default policy: every ipBlock but the declared node CIDRs', () => {
    expect(run([service({ type: 'NodePort', ports: [UDP_53] }), cidrs])).toEqual([
      `[UDP803] NetworkPolicy/dns-ingress: spec.ingress[0].from[0].ipBlock.cidr "203.0.113.0/24": admits clients to UDP 53 of Service dns, but externalTrafficPolicy is Cluster: kube-proxy replaces the client's address with a node's (source NAT) before the pod sees it: the CIDR matches the nodes, not the clients (externalTrafficPolicy: Local on the Service; or the nodes' CIDRs, named in the ${NODE_CIDRS_ANNOTATION} annotation, with clients filtered by loadBalancerSourceRanges; ${Sources.SOURCE_IP})`,
    ]);
  });

  test('not with Local, nor behind an NLB with ip targets, nor for a ClusterIP Service', () => {
    expect(run([service({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [UDP_53] }), cidrs])).toEqual([]);
    const nlb = service({ type: 'LoadBalancer', ports: [UDP_53] }, { [`${LBC}aws-load-balancer-type`]: 'external', [`${LBC}aws-load-balancer-nlb-target-type`]: 'ip' });
    expect(run([nlb, cidrs])).toEqual([]);
    expect(run([service({ ports: [UDP_53] }), cidrs])).toEqual([]);
  });
});

describe('UDP804: a UDP port no policy admits while the pods are isolated', () => {
  test('a default-deny namespace', () => {
    expect(run([service({ ports: [UDP_53] }), DENY_ALL])).toEqual([
      `[UDP804] Service/dns: spec.ports[0] "UDP 53": is admitted by no NetworkPolicy, while default-deny isolates its pods: every packet is dropped (an ingress rule for these pods with the pod port and protocol: UDP; ${Sources.NETWORK_POLICIES})`,
    ]);
  });

  test('admitted by a policy that selects the pods by a label of their template, by a named port', () => {
    const allow = policy({ podSelector: { matchLabels: { tier: 'edge' } }, ingress: [{ ports: [{ port: 'dns', protocol: 'UDP' }] }] });
    expect(run([service({ ports: [{ ...UDP_53, targetPort: 1053 }] }), DEPLOYMENT, DENY_ALL, allow])).toEqual([]);
  });

  test('a policy for other pods does not admit them; a port range does', () => {
    const other = policy({ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] }, ingress: [{}] }, 'web');
    expect(run([service({ ports: [UDP_53] }), DENY_ALL, other]).map((m) => m.slice(0, 8))).toEqual(['[UDP804]']);
    const range = policy({ ingress: [{ ports: [{ port: 50, endPort: 60, protocol: 'UDP' }] }] });
    expect(run([service({ ports: [UDP_53] }), DENY_ALL, range])).toEqual([]);
  });

  test('no policy selects the pods: nothing to say', () => {
    expect(run([service({ ports: [UDP_53] })])).toEqual([]);
  });
});

describe('UDP805: the NLB health-check port no policy admits', () => {
  const nlb = service({ type: 'LoadBalancer', ports: [UDP_53] }, {
    [`${LBC}aws-load-balancer-type`]: 'external',
    [`${LBC}aws-load-balancer-nlb-target-type`]: 'ip',
    [`${LBC}aws-load-balancer-healthcheck-port`]: '10080',
  });
  const udpOnly = policy({ ingress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] });

  test('ip targets, the pods isolated, the health port not admitted', () => {
    expect(run([nlb, udpOnly])).toEqual([
      `[UDP805] Service/dns: metadata.annotations["${LBC}aws-load-balancer-healthcheck-port"] "10080": is checked by the NLB over TCP on pod port 10080 from its addresses in the VPC, but no NetworkPolicy that isolates the pods (dns-ingress) admits TCP 10080: every target fails its health check (an ingress rule for these pods with port 10080, protocol TCP, from the VPC's CIDR; ${Sources.NLB_TARGET_SECURITY})`,
    ]);
  });

  test('admitted from the VPC, or the pods not isolated', () => {
    const health = policy({ ingress: [{ ports: [{ port: 53, protocol: 'UDP' }] }, { from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ port: 10080, protocol: 'TCP' }] }] });
    expect(run([nlb, health])).toEqual([]);
    expect(run([nlb])).toEqual([]);
  });

  test('the TCP traffic port of a TCP_UDP Service, the controller\'s default', () => {
    const dual = service({ type: 'LoadBalancer', ports: [{ ...UDP_53, targetPort: 1053 }, { name: 'dns-tcp', port: 53, targetPort: 1053, protocol: 'TCP' }] }, {
      [`${LBC}aws-load-balancer-type`]: 'external',
      [`${LBC}aws-load-balancer-nlb-target-type`]: 'ip',
    });
    const udp = policy({ ingress: [{ ports: [{ port: 1053, protocol: 'UDP' }] }] });
    expect(run([dual, udp])).toEqual([
      `[UDP805] Service/dns: metadata.annotations["${LBC}aws-load-balancer-healthcheck-port"] "traffic-port": is checked by the NLB over TCP on pod port 1053 from its addresses in the VPC, but no NetworkPolicy that isolates the pods (dns-ingress) admits TCP 1053: every target fails its health check (an ingress rule for these pods with port 1053, protocol TCP, from the VPC's CIDR; ${Sources.NLB_TARGET_SECURITY})`,
    ]);
  });
});
