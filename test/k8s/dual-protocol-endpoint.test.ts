import * as kplus from 'cdk8s-plus-28';
import { chart, objectsOf, only, SVC } from './helpers';
import { AwsLoadBalancerControllerOptions, DualProtocolEndpoint, DualProtocolEndpointProps, GkeLoadBalancerMode, KubernetesVersion, LoadBalancerProvider, MixedProtocolMode, Protocol, ServiceType, UdpRules } from '../../src';
import { Sources } from '../../src/core/sources';

const LBC = 'service.beta.kubernetes.io/';

function endpoint(props: DualProtocolEndpointProps) {
  const c = chart();
  const e = new DualProtocolEndpoint(c, 'dns', { metadata: { name: 'dns' }, selector: { app: 'dns' }, ports: [{ name: 'dns', port: 53 }], ...props });
  return { c, e, get services() { return objectsOf(c, 'Service'); } };
}

describe('the decision table: Kubernetes version x provider -> what is emitted', () => {
  const lb = { type: ServiceType.LOAD_BALANCER };
  test.each([
    // [row, version, provider, split?, shared address]
    ['AWS LBC 2.13 on 1.28', '1.28', LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }), false, undefined],
    ['AWS LBC 2.13 on 1.23', '1.23', LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }), true, undefined],
    ['AWS LBC 2.12 on 1.28', '1.28', LoadBalancerProvider.awsLoadBalancerController({ version: '2.12' }), true, undefined],
    ['AWS LBC, version unknown, on 1.28', '1.28', LoadBalancerProvider.awsLoadBalancerController(), true, undefined],
    ['AWS in-tree on 1.28', '1.28', LoadBalancerProvider.awsInTree(), true, undefined],
    ['GKE target pool on 1.28', '1.28', LoadBalancerProvider.gke(), true, undefined],
    ['GKE target pool with a reserved address on 1.28', '1.28', LoadBalancerProvider.gke({ reservedAddressName: 'dns-ip' }), true, 'the reserved GKE address "dns-ip"'],
    ['GKE backend service on 1.28', '1.28', LoadBalancerProvider.gke({ mode: GkeLoadBalancerMode.BACKEND_SERVICE }), false, undefined],
    ['GKE backend service on 1.22', '1.22', LoadBalancerProvider.gke({ mode: GkeLoadBalancerMode.BACKEND_SERVICE }), true, undefined],
    ['AKS on 1.28', '1.28', LoadBalancerProvider.aks(), false, undefined],
    ['AKS with an IP on 1.23', '1.23', LoadBalancerProvider.aks({ ipv4Address: '10.0.0.53' }), true, 'the address 10.0.0.53'],
    ['MetalLB 0.14 on 1.28', '1.28', LoadBalancerProvider.metalLb({ version: '0.14' }), false, undefined],
    ['MetalLB 0.13.5 on 1.28', '1.28', LoadBalancerProvider.metalLb({ version: '0.13.5' }), true, 'the MetalLB sharing key "dns"'],
    ['MetalLB 0.14 on 1.22', '1.22', LoadBalancerProvider.metalLb({ version: '0.14' }), true, 'the MetalLB sharing key "dns"'],
    ['generic on 1.28', '1.28', LoadBalancerProvider.generic(), true, undefined],
    ['generic with mixed protocols on 1.28', '1.28', LoadBalancerProvider.generic({ mixedProtocol: true }), false, undefined],
  ])('%s', (_row, version, provider, split, shared) => {
    const { e, services } = endpoint({ ...lb, kubernetesVersion: KubernetesVersion.of(version), provider });
    expect(e.split).toBe(split);
    expect(services.map((s) => s.metadata.name)).toEqual(split ? ['dns-tcp', 'dns-udp'] : ['dns']);
    expect(e.sharedAddress).toBe(shared);
  });

  test.each([ServiceType.CLUSTER_IP, ServiceType.NODE_PORT, ServiceType.HEADLESS])('%s: always one Service, any version', (type) => {
    const { e, services } = endpoint({ type, kubernetesVersion: KubernetesVersion.of('1.19'), provider: LoadBalancerProvider.awsInTree() });
    expect(e.split).toBe(false);
    expect(e.reason).toBe(`a ${type} Service may carry TCP and UDP on one port in every Kubernetes version`);
    expect(services).toHaveLength(1);
  });

  test('LoadBalancer without a provider: split (a generic load balancer is not assumed to carry both)', () => {
    const { e } = endpoint({ type: ServiceType.LOAD_BALANCER });
    expect(e.split).toBe(true);
    expect(e.reason).toBe('the load balancer is not declared to support mixed protocols (generic({ mixedProtocol: true }))');
  });
});

describe('single Service', () => {
  test('AWS LBC 2.13: one Service, both protocols per port with the same targetPort and nodePort, the TCP_UDP opt-in', () => {
    const { e, c } = endpoint({
      type: ServiceType.LOAD_BALANCER,
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
      ports: [{ name: 'dns', port: 53, targetPort: 1053, nodePort: 30053 }],
    });
    expect(e.reason).toBe('the AWS Load Balancer Controller 2.13 supports a TCP_UDP listener (2.13 or later)');
    expect(only(c, 'Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'dns',
        annotations: {
          [`${LBC}aws-load-balancer-type`]: 'external',
          [`${LBC}aws-load-balancer-nlb-target-type`]: 'ip',
          [`${LBC}aws-load-balancer-scheme`]: 'internal',
          [`${LBC}aws-load-balancer-enable-tcp-udp-listener`]: 'true',
        },
      },
      spec: {
        type: 'LoadBalancer',
        selector: { app: 'dns' },
        ports: [
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 1053, nodePort: 30053 },
          { name: 'dns-udp', port: 53, protocol: 'UDP', targetPort: 1053, nodePort: 30053 },
        ],
      },
    });
    expect(e.services).toHaveLength(1);
    expect(e.serviceFor(Protocol.TCP)).toBe(e.serviceFor(Protocol.UDP));
    expect(UdpRules.findings(c)).toEqual([]);
  });

  test('unnamed ports get a name per protocol (a Service with two entries needs them)', () => {
    const { services } = endpoint({ ports: [{ port: 88 }] });
    expect(services[0].spec.ports.map((p: any) => p.name)).toEqual(['tcp-88', 'udp-88']);
  });

  test('the workload declares both container ports and keeps its TCP startup probe (TCP answers)', () => {
    const c = chart();
    const deployment = new kplus.Deployment(c, 'kdc', { containers: [{ image: 'kdc:1', portNumber: 88 }] });
    new DualProtocolEndpoint(c, 'kerberos', { selector: deployment, ports: [{ name: 'kerberos', port: 88 }] });
    const container = only(c, 'Deployment').spec.template.spec.containers[0];
    expect(container.ports).toEqual([{ containerPort: 88 }, { containerPort: 88, protocol: 'UDP' }]);
    expect(container.startupProbe).toEqual({ failureThreshold: 3, tcpSocket: { port: 88 } });
  });
});

describe('split Services', () => {
  test('AWS in-tree (seed 002): <name>-tcp and <name>-udp, one protocol each, same selector, in-tree annotations', () => {
    const { e, services } = endpoint({
      type: ServiceType.LOAD_BALANCER,
      provider: LoadBalancerProvider.awsInTree(),
      ports: [{ name: 'echo', port: 12345, nodePort: 31345, tcpNodePort: 31346 }],
    });
    expect(e.reason).toBe('the in-tree AWS cloud provider never supports mixed protocols ("mixed protocol is not supported for LoadBalancer")');
    const annotations = { [`${LBC}aws-load-balancer-type`]: 'nlb', [`${LBC}aws-load-balancer-internal`]: 'true' };
    expect(services).toEqual([
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'dns-tcp', annotations },
        spec: { type: 'LoadBalancer', selector: { app: 'dns' }, ports: [{ name: 'echo', port: 12345, protocol: 'TCP', targetPort: 12345, nodePort: 31346 }] },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'dns-udp', annotations },
        spec: { type: 'LoadBalancer', selector: { app: 'dns' }, ports: [{ name: 'echo', port: 12345, protocol: 'UDP', targetPort: 12345, nodePort: 31345 }] },
      },
    ]);
    expect(e.serviceFor(Protocol.TCP).name).toBe('dns-tcp');
    expect(e.serviceFor(Protocol.UDP).name).toBe('dns-udp');
    expect(e.endpoints.map((x) => `${x.protocol} ${x.service.name}`)).toEqual(['TCP dns-tcp', 'UDP dns-udp']);
    expect(e.sharedAddress).toBeUndefined();
  });

  test('MetalLB: both Services carry the sharing key (both annotation prefixes) and the requested address', () => {
    const { services } = endpoint({
      type: ServiceType.LOAD_BALANCER,
      kubernetesVersion: KubernetesVersion.of('1.22'),
      provider: LoadBalancerProvider.metalLb({ sharingKey: 'kerberos', loadBalancerIps: ['192.0.2.88'] }),
    });
    for (const service of services) {
      expect(service.metadata.annotations).toEqual({
        'metallb.io/allow-shared-ip': 'kerberos',
        'metallb.io/loadBalancerIPs': '192.0.2.88',
        'metallb.universe.tf/allow-shared-ip': 'kerberos',
        'metallb.universe.tf/loadBalancerIPs': '192.0.2.88',
      });
    }
  });

  test('GKE and AKS shared addresses are emitted on both Services', () => {
    const gke = endpoint({ type: ServiceType.LOAD_BALANCER, provider: LoadBalancerProvider.gke({ reservedAddressName: 'dns-ip' }) });
    expect(gke.services.map((s) => s.metadata.annotations)).toEqual([
      { 'networking.gke.io/load-balancer-ip-addresses': 'dns-ip' },
      { 'networking.gke.io/load-balancer-ip-addresses': 'dns-ip' },
    ]);
    const aks = endpoint({
      type: ServiceType.LOAD_BALANCER, kubernetesVersion: KubernetesVersion.of('1.23'), provider: LoadBalancerProvider.aks({ ipv4Address: '10.0.0.53' }),
    });
    expect(aks.services[0].metadata.annotations).toEqual({
      'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
      'service.beta.kubernetes.io/azure-load-balancer-ipv4': '10.0.0.53',
    });
  });

  test('SPLIT on a cluster that could carry both', () => {
    const { e, services } = endpoint({ type: ServiceType.NODE_PORT, mixedProtocol: MixedProtocolMode.SPLIT });
    expect(e.split).toBe(true);
    expect(e.reason).toBe('split as asked (MixedProtocolMode.SPLIT)');
    expect(services.map((s) => s.spec.ports.map((p: any) => p.protocol))).toEqual([['TCP'], ['UDP']]);
  });

  test('addPort() adds to both Services', () => {
    const { c, e } = endpoint({ mixedProtocol: MixedProtocolMode.SPLIT, ports: [] });
    e.addPort({ port: 88 });
    expect(objectsOf(c, 'Service').map((s) => s.spec.ports)).toEqual([
      [{ port: 88, protocol: 'TCP', targetPort: 88 }],
      [{ port: 88, protocol: 'UDP', targetPort: 88 }],
    ]);
    expect(e.ports).toEqual([{ port: 88 }]);
  });

  test('metadata with a namespace and no name: every object keeps the name cdk8s generates', () => {
    const { c } = endpoint({
      metadata: { namespace: 'dns' },
      mixedProtocol: MixedProtocolMode.SPLIT,
      type: ServiceType.LOAD_BALANCER,
      provider: LoadBalancerProvider.awsInTree(),
      dns: { hostname: 'ns1.example.com', service: 'domain', domain: 'example.com' },
    });
    const objects = [...objectsOf(c, 'Service'), ...objectsOf(c, 'DNSEndpoint')];
    expect(objects.map((o) => [o.kind, o.metadata.namespace, /^test-dns-[a-z-]+-c8[0-9a-f]{6}$/.test(o.metadata.name)])).toEqual([
      ['Service', 'dns', true], ['Service', 'dns', true], ['DNSEndpoint', 'dns', true], ['DNSEndpoint', 'dns', true],
    ]);
  });
});

describe('DualProtocolEndpoint bad input', () => {
  const messages = (props: DualProtocolEndpointProps) => UdpRules.messages(endpoint(props).c);

  test('SINGLE on a Kubernetes version that rejects it', () => {
    expect(messages({
      type: ServiceType.LOAD_BALANCER,
      kubernetesVersion: KubernetesVersion.of('1.22'),
      mixedProtocol: MixedProtocolMode.SINGLE,
      provider: LoadBalancerProvider.metalLb({ version: '0.14' }),
    })).toEqual([
      `[UDP311] test/dns: mixedProtocol "single": cannot be one Service: Kubernetes 1.22 rejects TCP and UDP in one LoadBalancer Service (MixedProtocolLBService is alpha and off by default before 1.24) (MixedProtocolMode.AUTO or SPLIT (two Services, <name>-tcp and <name>-udp), or a version and provider that support it; ${Sources.MIXED_PROTOCOL_LB})`,
      `[UDP301] test/dns/service: spec.ports ["TCP","UDP"]: mixes TCP and UDP: Kubernetes 1.22 rejects TCP and UDP in one LoadBalancer Service (MixedProtocolLBService is alpha and off by default before 1.24) (one protocol per LoadBalancer Service before 1.24; ${Sources.MIXED_PROTOCOL_LB}) Fix: split it into <name>-tcp and <name>-udp Services (DualProtocolEndpoint does it for you)`,
    ]);
  });

  test('SINGLE on a provider that cannot carry both', () => {
    const props = { type: ServiceType.LOAD_BALANCER, mixedProtocol: MixedProtocolMode.SINGLE, provider: LoadBalancerProvider.awsInTree() };
    expect(messages(props)).toEqual([
      `[UDP311] test/dns: mixedProtocol "single": cannot be one Service: the in-tree AWS cloud provider never supports mixed protocols ("mixed protocol is not supported for LoadBalancer") (MixedProtocolMode.AUTO or SPLIT (two Services, <name>-tcp and <name>-udp), or a version and provider that support it; ${Sources.MIXED_PROTOCOL_LB})`,
      `[UDP302] test/dns/service: spec.ports ["TCP","UDP"]: mixes TCP and UDP, but the in-tree AWS cloud provider never supports mixed protocols ("mixed protocol is not supported for LoadBalancer") (one protocol per LoadBalancer Service on the in-tree AWS cloud provider; ${Sources.AWS_IN_TREE}) Fix: split it into <name>-tcp and <name>-udp Services (DualProtocolEndpoint does it for you)`,
    ]);
  });

  test('a version that is not a Kubernetes version', () => {
    expect(messages({ kubernetesVersion: KubernetesVersion.of('2.0') })).toEqual([
      `[UDP310] test/dns: kubernetesVersion "2.0": is not a Kubernetes version (a version such as "1.28", "v1.28" or "1.28.3"; ${Sources.MIXED_PROTOCOL_LB})`,
    ]);
  });

  test('a provider option given to the wrong provider (a MetalLB sharing key on AWS)', () => {
    const options = { version: '2.13', sharingKey: 'dns' } as AwsLoadBalancerControllerOptions;
    expect(messages({ type: ServiceType.LOAD_BALANCER, provider: LoadBalancerProvider.awsLoadBalancerController(options) })).toEqual([
      `[UDP312] test/dns: provider.sharingKey "dns": is an option of metallb and cilium, not of aws-load-balancer-controller, which ignores it (aws-load-balancer-controller options: version, scheme, targetType, useLoadBalancerClass; ${Sources.LBC_ANNOTATIONS})`,
    ]);
  });

  test('a controller version that is not a release', () => {
    // (the split UDP Service is also told that its NLB would check TCP on a UDP-only port: UDP564)
    const found = messages({ type: ServiceType.LOAD_BALANCER, provider: LoadBalancerProvider.awsLoadBalancerController({ version: 'latest' }) });
    expect(found.filter((m) => m.startsWith('[UDP313]'))).toEqual([
      `[UDP313] test/dns: provider.version "latest": is not a release number (a version such as "2.13" or "v2.13.0"; ${Sources.LBC_ANNOTATIONS})`,
    ]);
  });

  test('tcpNodePort on a single Service', () => {
    expect(messages({ type: ServiceType.NODE_PORT, ports: [{ name: 'dns', port: 53, nodePort: 30053, tcpNodePort: 30054 }] })).toEqual([
      `[UDP314] test/dns: ports[0].tcpNodePort 30054: applies to a split endpoint only: this endpoint is one Service, whose TCP and UDP entries share nodePort (nodePort alone; ${Sources.NODEPORT_ALLOCATOR})`,
    ]);
  });

  test('split Services cannot share a nodePort (the allocator is cluster-wide across protocols)', () => {
    expect(messages({
      type: ServiceType.NODE_PORT, mixedProtocol: MixedProtocolMode.SPLIT, ports: [{ name: 'dns', port: 53, nodePort: 30053, tcpNodePort: 30053 }],
    })).toEqual([
      `[UDP141] test/dns/udp: spec.ports[0].nodePort 30053: is also requested by Service "dns-tcp": NodePorts are allocated cluster-wide across protocols (a nodePort used by one Service only; ${Sources.NODEPORT_ALLOCATOR})`,
    ]);
  });

  test('every bad input of UdpService is reported too, per Service', () => {
    expect(messages({ mixedProtocol: MixedProtocolMode.SPLIT, ports: [{ port: 0 }] })).toEqual([
      `[UDP101] test/dns/tcp: spec.ports[0].port 0: must be between 1 and 65535 inclusive (a whole number 1..65535; ${SVC})`,
      `[UDP101] test/dns/udp: spec.ports[0].port 0: must be between 1 and 65535 inclusive (a whole number 1..65535; ${SVC})`,
    ]);
  });
});

test('KubernetesVersion and provider parsing', () => {
  expect(KubernetesVersion.of('v1.28.3').toString()).toBe('1.28');
  expect(KubernetesVersion.of('1.9').isAtLeast('1.24')).toBe(false);
  expect(() => KubernetesVersion.parse('x')).toThrow('"x" is not a Kubernetes version (expected 1.<minor>, for example 1.28)');
  expect(LoadBalancerProvider.parse('aws-lbc:2.13').mixedProtocol().supported).toBe(true);
  expect(LoadBalancerProvider.parse('gke:backend-service').description).toBe('GKE (backend-service load balancer)');
  expect(LoadBalancerProvider.parse('metallb').description).toBe('MetalLB (version unknown)');
  expect(() => LoadBalancerProvider.parse('f5')).toThrow('"f5" is not a provider');
});
