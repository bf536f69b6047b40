/*
 * Untyped input (JavaScript callers, wrappers driven by YAML): a value of the wrong type is a finding with its rule id,
 * never a TypeError, and never read as something else.
 */
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { DualProtocolEndpoint, LoadBalancerProvider, NlbProtocol, NlbUdpLoadBalancer, ServiceType, UdpRules, UdpService } from '../../src';

UdpRules.onWarning(() => undefined);

const KEP = 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/1435-mixed-protocol-lb';

function server(c: any): kplus.Deployment {
  return new kplus.Deployment(c, 'server', { replicas: 2, containers: [{ name: 'server', image: 'example/dns:1', portNumber: 53 }] });
}

function messagesOf(build: (c: any) => void): string[] {
  const c = Testing.chart();
  build(c);
  return UdpRules.messages(c);
}

test('provider given as a name is UDP143 with the way to read a name, not "provider.settings is not a function"', () => {
  const expected = `[UDP143] test/s: provider "aws": is not a LoadBalancerProvider (LoadBalancerProvider.awsLoadBalancerController(), .awsInTree(), .gke(), .aks(), .metalLb(), .cilium(), .kubeVip() or .generic(); ${KEP}) Fix: a provider written as text is read with LoadBalancerProvider.parse(), for example "aws-lbc:2.13" or "aws-in-tree"`;
  expect(messagesOf((c) => new UdpService(c, 's', {
    selector: { app: 'dns' }, type: ServiceType.LOAD_BALANCER, provider: 'aws' as any, ports: [{ port: 53 }],
  }))).toEqual([expected]);
  expect(messagesOf((c) => new DualProtocolEndpoint(c, 's', {
    selector: { app: 'dns' }, type: ServiceType.LOAD_BALANCER, provider: 'aws' as any, ports: [{ name: 'dns', port: 53 }],
  }))).toEqual([expected]);
});

test('kubernetesVersion given as a string is UDP310 naming the string and the fix', () => {
  expect(messagesOf((c) => new DualProtocolEndpoint(c, 's', {
    selector: { app: 'dns' }, kubernetesVersion: '1.22' as any, ports: [{ name: 'dns', port: 53 }],
  }))).toEqual([
    `[UDP310] test/s: kubernetesVersion "1.22": is a string, not a KubernetesVersion (KubernetesVersion.of("1.22"); ${KEP})`,
  ]);
  expect(messagesOf((c) => new NlbUdpLoadBalancer(c, 's', {
    selector: server(c), kubernetesVersion: 1.22 as any, ports: [{ port: 53 }],
  }))).toEqual([
    `[UDP310] test/s: kubernetesVersion 1.22: is a number, not a KubernetesVersion (KubernetesVersion.of("1.22"); ${KEP})`,
  ]);
});

test('a string kubernetesVersion still decides: "1.22" splits a TCP+UDP LoadBalancer endpoint', () => {
  const c = Testing.chart();
  const endpoint = new DualProtocolEndpoint(c, 's', {
    selector: { app: 'dns' }, type: ServiceType.LOAD_BALANCER, kubernetesVersion: '1.22' as any, ports: [{ name: 'dns', port: 53 }],
  });
  expect(endpoint.split).toBe(true);
});

describe('NlbUdpLoadBalancer', () => {
  test('healthCheck that is no object is UDP501, not read as an empty health check', () => {
    expect(messagesOf((c) => new NlbUdpLoadBalancer(c, 's', { selector: server(c), ports: [{ port: 53 }], healthCheck: 5 as any }))).toEqual([
      '[UDP501] test/s: healthCheck 5: is not a health check (a health check such as { protocol: \'HTTP\', port: 30080, path: \'/healthz\' }, or none for AWS\'s defaults; https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html)',
    ]);
  });

  test('a numeric healthCheck.interval or timeout is UDP504/UDP505, not a TypeError', () => {
    const cdk = 'https://github.com/aws/aws-cdk/blob/main/packages/aws-cdk-lib/aws-elasticloadbalancingv2/lib/nlb/network-target-group.ts';
    expect(messagesOf((c) => new NlbUdpLoadBalancer(c, 's', {
      selector: server(c), ports: [{ port: 53 }], healthCheck: { interval: 5, timeout: '3s' } as any,
    }))).toEqual([
      `[UDP504] test/s: healthCheck.interval 5: is not a Duration (a Duration, for example Duration.seconds(5); ${cdk})`,
      `[UDP505] test/s: healthCheck.timeout "3s": is not a Duration (a Duration, for example Duration.seconds(10); ${cdk})`,
    ]);
  });

  test('healthSidecar that is neither props nor false is UDP577, not spread character by character', () => {
    const c = Testing.chart();
    const nlb = new NlbUdpLoadBalancer(c, 's', { selector: server(c), ports: [{ port: 53 }], healthSidecar: 'x' as any });
    expect(UdpRules.messages(c)).toEqual([
      '[UDP577] test/s: healthSidecar "x": is neither the sidecar\'s props nor false (an object such as { probes: [UdpProbe.exchange(53, ...)] } or {}, or false for no sidecar; https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/docs/guide/service/annotations.md)',
    ]);
    // the default sidecar is still built, so that the rest of the app is checked as it will be once this is fixed
    expect(nlb.healthSidecar?.httpPort).toBe(10080);
  });

  test('eips given as a number is UDP523, not read as a count', () => {
    expect(messagesOf((c) => new NlbUdpLoadBalancer(c, 's', { selector: server(c), ports: [{ port: 53 }], eips: 2 as any }))).toEqual([
      '[UDP523] test/s: eips 2: is not a list of Elastic IP allocation ids (a list such as [\'eipalloc-0123456789abcdef0\'], one per subnet; https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SubnetMapping.html)',
    ]);
  });

  test('healthSidecar given with TCP_UDP ports only: the sidecar probes their UDP side and the NLB checks it', () => {
    const c = Testing.chart();
    const nlb = new NlbUdpLoadBalancer(c, 'dns', {
      selector: server(c),
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
      ports: [{ name: 'dns', port: 53, protocol: NlbProtocol.TCP_UDP }],
      healthSidecar: {},
    });
    expect(nlb.healthSidecar?.probes.map((p) => p.toScriptLine())).toEqual(['bound 53']);
    expect(nlb.annotations).toMatchObject({
      'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': 'http',
      'service.beta.kubernetes.io/aws-load-balancer-healthcheck-port': '10080',
      'service.beta.kubernetes.io/aws-load-balancer-healthcheck-path': '/healthz',
    });
    const deployment = Testing.synth(c).find((o) => o.kind === 'Deployment');
    expect(deployment.spec.template.spec.containers.map((x: any) => x.name)).toEqual(['server', 'udp-health']);
    expect(UdpRules.messages(c)).toEqual([]);
  });

  test('without healthSidecar, TCP_UDP ports only keep the TCP check on the traffic port (no sidecar)', () => {
    const c = Testing.chart();
    const nlb = new NlbUdpLoadBalancer(c, 'dns', {
      selector: server(c),
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
      ports: [{ name: 'dns', port: 53, protocol: NlbProtocol.TCP_UDP }],
    });
    expect(nlb.healthSidecar).toBeUndefined();
    expect(Object.keys(nlb.annotations).filter((k) => k.includes('healthcheck'))).toEqual([]);
  });
});

describe('messages show the fix as code and the construct path once', () => {
  test('UDP570 with no controller version says how to state it', () => {
    const c = Testing.chart();
    new NlbUdpLoadBalancer(c, 'dns', { selector: server(c), ports: [{ name: 'dns', port: 53, protocol: NlbProtocol.TCP_UDP }] });
    const [message] = UdpRules.messages(c);
    expect(message.startsWith('[UDP570] test/dns: ports[0].protocol "TCP_UDP": cannot be one TCP_UDP listener: ')).toBe(true);
    expect(message.endsWith(' Fix: say which controller runs: provider: LoadBalancerProvider.awsLoadBalancerController({ version: \'2.13\' }) (or the version you run, 2.13 or later)')).toBe(true);
  });

  test('a finding about the NLB\'s healthSidecar names the prop the user wrote, on the NLB', () => {
    const c = Testing.chart();
    new NlbUdpLoadBalancer(c, 'nlb', { selector: server(c), ports: [{ port: 53 }], healthSidecar: { httpPort: 80 } });
    expect(UdpRules.messages(c)).toEqual([
      '[UDP615] test/nlb: healthSidecar.httpPort 80: is below 1024, which a non-root container without NET_BIND_SERVICE may not bind (1024..65535; https://www.kernel.org/doc/Documentation/networking/ip-sysctl.txt)',
    ]);
  });

  test('a synthesis error names the construct path once', () => {
    const c = Testing.chart();
    new UdpService(c, 'svc', { selector: { app: 'dns' }, ports: [{ port: 0 }] });
    expect(() => Testing.synth(c)).toThrow(/\n {2}\[test\/svc\] \[UDP101\] spec\.ports\[0\]\.port 0: must be between 1 and 65535/);
  });
});

describe('NlbUdpLoadBalancer allocateLoadBalancerNodePorts', () => {
  test('false with ip targets: no NodePorts allocated', () => {
    const c = Testing.chart();
    new NlbUdpLoadBalancer(c, 'game', { metadata: { name: 'game' }, selector: server(c), ports: [{ port: 53 }], allocateLoadBalancerNodePorts: false });
    expect(Testing.synth(c).find((o) => o.kind === 'Service').spec.allocateLoadBalancerNodePorts).toBe(false);
  });

  test('false with instance targets is UDP578', () => {
    const c = Testing.chart();
    new NlbUdpLoadBalancer(c, 'game', {
      selector: { app: 'game' }, ports: [{ port: 53 }], targetType: 'instance' as any, allocateLoadBalancerNodePorts: false,
    });
    expect(UdpRules.messages(c).filter((m) => m.startsWith('[UDP578]'))).toEqual([
      '[UDP578] test/game: allocateLoadBalancerNodePorts false: leaves instance targets without the NodePorts they receive the traffic on (true or unset with instance targets; false with targetType NlbTargetType.IP; https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/docs/guide/service/annotations.md)',
    ]);
  });
});
