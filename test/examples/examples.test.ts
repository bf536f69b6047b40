import * as fs from 'node:fs';
import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import { CorednsDual } from '../../examples/coredns-dual/main';
import { DnsClusterIp } from '../../examples/dns-clusterip/main';
import { DnsNodePort } from '../../examples/dns-nodeport/main';
import { EchoSplit } from '../../examples/echo-split/main';
import { GameCilium } from '../../examples/game-cilium/main';
import { Http3Nlb } from '../../examples/http3-nlb/main';
import { KerberosGke } from '../../examples/kerberos-gke/main';
import { KerberosMetalLb } from '../../examples/kerberos-metallb/main';
import { NlbDnsDual } from '../../examples/nlb-dns-dual/main';
import { NlbInstanceLocal } from '../../examples/nlb-instance-local/main';
import { NlbUdpEks } from '../../examples/nlb-udp-eks/main';
import { Statsd } from '../../examples/statsd/main';
import { checkObjects, OBJECT_RULES, Protocol, Severity, UdpRules } from '../../src';

UdpRules.onWarning(() => undefined);

/** apiVersion/kind pairs served by a Kubernetes 1.28 API server (the list cdk8s-plus-28 was generated with). */
const API_RESOURCES = ((): Set<string> => {
  const [header, ...rows] = fs.readFileSync(path.join(require.resolve('cdk8s-plus-28/package.json'), '..', 'api-resources.txt'), 'utf8')
    .split('\n').filter((line) => line.trim().length > 0);
  const column = (row: string, name: string) => row.slice(header.indexOf(name)).trim().split(/\s+/)[0];
  return new Set(rows.map((row) => `${column(row, 'APIVERSION')} ${column(row, 'KIND')}`));
})();

const EXAMPLES: Record<string, (app: ReturnType<typeof Testing.app>) => Chart> = {
  'dns-clusterip': (app) => new DnsClusterIp(app, 'dns-clusterip'),
  'dns-nodeport': (app) => new DnsNodePort(app, 'dns-nodeport'),
  'statsd': (app) => new Statsd(app, 'statsd'),
  'echo-split': (app) => new EchoSplit(app, 'echo-split'),
  'coredns-dual': (app) => new CorednsDual(app, 'coredns-dual'),
  'kerberos-metallb': (app) => new KerberosMetalLb(app, 'kerberos-metallb'),
  'kerberos-gke': (app) => new KerberosGke(app, 'kerberos-gke'),
  'game-cilium': (app) => new GameCilium(app, 'game-cilium'),
  'nlb-udp-eks': (app) => new NlbUdpEks(app, 'nlb-udp-eks'),
  'nlb-instance-local': (app) => new NlbInstanceLocal(app, 'nlb-instance-local'),
  'nlb-dns-dual': (app) => new NlbDnsDual(app, 'nlb-dns-dual'),
  'http3-nlb': (app) => new Http3Nlb(app, 'http3-nlb'),
};
/** A namespace that denies all ingress unless a policy admits it. */
const DEFAULT_DENY = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } };
const UDP_ONLY = ['dns-clusterip', 'dns-nodeport', 'statsd', 'nlb-udp-eks', 'nlb-instance-local'];

describe.each(Object.entries(EXAMPLES))('example %s', (_name, build) => {
  const chart = build(Testing.app());
  const objects = Testing.synth(chart);

  test('every object is of a kind a 1.28 API server serves', () => {
    for (const object of objects) expect(API_RESOURCES).toContain(`${object.apiVersion} ${object.kind}`);
  });

  test('the rule engine finds no error in what it synthesizes, and the construct reports none', () => {
    expect(checkObjects(objects, OBJECT_RULES).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
    expect(UdpRules.findings(chart)).toEqual([]);
  });

  test('every Service port is declared by the pods with its protocol, and the pods have a readiness probe', () => {
    const workload = objects.find((o) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(o.kind));
    const container = workload.spec.template.spec.containers[0];
    const services = objects.filter((o) => o.kind === 'Service');
    for (const port of services.flatMap((s) => s.spec.ports)) {
      const number = port.targetPort ?? port.port;
      // (a port's protocol defaults to TCP; names are the example's own)
      const declared = container.ports.map((c: any) => ({ containerPort: c.containerPort, protocol: c.protocol ?? 'TCP' }));
      expect(declared).toContainEqual({ containerPort: number, protocol: port.protocol ?? 'TCP' });
    }
    const containers = workload.spec.template.spec.containers;
    expect(containers.some((c: any) => c.readinessProbe !== undefined)).toBe(true);
    if (UDP_ONLY.includes(_name)) expect(container.startupProbe).toBeUndefined();
  });

  test('its NetworkPolicy admits what the Services expose: the NetworkPolicy rules are clean, even in a default-deny namespace', () => {
    expect(objects.filter((o) => o.kind === 'NetworkPolicy')).toHaveLength(1);
    const withDenyAll = [...objects, DEFAULT_DENY];
    expect(checkObjects(withDenyAll, OBJECT_RULES).filter((f) => f.ruleId.startsWith('UDP8'))).toEqual([]);
  });
});

test('nlb-dns-dual: the NetworkPolicy admits TCP and UDP 1053 from the clients, the NLB\'s TCP check from the VPC', () => {
  const policy = Testing.synth(EXAMPLES['nlb-dns-dual'](Testing.app())).find((o) => o.kind === 'NetworkPolicy');
  expect(policy).toEqual({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'dns-ingress', annotations: { 'k8s-udp-constructs.io/node-cidrs': '10.0.0.0/16' } },
    spec: {
      podSelector: { matchLabels: { 'cdk8s.io/metadata.addr': 'nlb-dns-dual-coredns-c878a163' } },
      policyTypes: ['Ingress'],
      ingress: [
        { from: [{ ipBlock: { cidr: '172.16.0.0/12' } }], ports: [{ port: 1053, protocol: 'TCP' }, { port: 1053, protocol: 'UDP' }] },
        { from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ port: 1053, protocol: 'TCP' }] },
      ],
    },
  });
});

test('coredns-dual: the private clients on TCP and UDP 1053, the NLB\'s TCP check of the traffic port from the VPC', () => {
  const policy = Testing.synth(EXAMPLES['coredns-dual'](Testing.app())).find((o) => o.kind === 'NetworkPolicy');
  expect(policy.metadata.name).toBe('coredns-ingress');
  expect(policy.spec.ingress).toEqual([
    { from: [{ ipBlock: { cidr: '172.16.0.0/12' } }], ports: [{ port: 1053, protocol: 'TCP' }, { port: 1053, protocol: 'UDP' }] },
    { from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ port: 1053, protocol: 'TCP' }] },
  ]);
});

test('nlb-udp-eks: UDP 1234 from anywhere, the sidecar\'s health port 10080 from the VPC', () => {
  const policy = Testing.synth(EXAMPLES['nlb-udp-eks'](Testing.app())).find((o) => o.kind === 'NetworkPolicy');
  expect(policy.spec.ingress).toEqual([
    { ports: [{ port: 1234, protocol: 'UDP' }] },
    { from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ port: 10080, protocol: 'TCP' }] },
  ]);
});

test('echo-split: seed 002 on the AWS in-tree provider is two Services on two addresses', () => {
  const chart = EXAMPLES['echo-split'](Testing.app()) as EchoSplit;
  const services = Testing.synth(chart).filter((o) => o.kind === 'Service');
  expect(chart.endpoint.split).toBe(true);
  expect(chart.endpoint.sharedAddress).toBeUndefined();
  expect(services.map((s) => [s.metadata.name, s.spec.ports.map((p: any) => `${p.port}/${p.protocol}`)])).toEqual([
    ['echo-tcp', ['12345/TCP']],
    ['echo-udp', ['12345/UDP']],
  ]);
  expect(services[0].metadata.annotations).toEqual({
    'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
    'service.beta.kubernetes.io/aws-load-balancer-internal': 'true',
  });
});

test('coredns-dual: one Service with the TCP_UDP listener opt-in on the AWS Load Balancer Controller 2.13', () => {
  const chart = EXAMPLES['coredns-dual'](Testing.app()) as CorednsDual;
  const service = Testing.synth(chart).find((o) => o.kind === 'Service');
  expect(chart.endpoint.split).toBe(false);
  expect(service.metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-enable-tcp-udp-listener']).toBe('true');
  expect(service.spec.ports).toEqual([
    { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 1053 },
    { name: 'dns-udp', port: 53, protocol: 'UDP', targetPort: 1053 },
  ]);
});

test('http3-nlb: one TCP_QUIC listener on 443, no NLB security group, the pods asking for a QUIC server id', () => {
  const objects = Testing.synth(EXAMPLES['http3-nlb'](Testing.app()));
  const service = objects.find((o) => o.kind === 'Service');
  const a = service.metadata.annotations;
  const LBC = 'service.beta.kubernetes.io/aws-load-balancer-';
  expect([a[`${LBC}enable-tcp-udp-listener`], a[`${LBC}quic-enabled-ports`], a[`${LBC}disable-nlb-sg`], a[`${LBC}nlb-target-type`]])
    .toEqual(['true', '443', 'true', 'ip']);
  expect(service.spec.ports).toEqual([
    { name: 'https-tcp', port: 443, protocol: 'TCP', targetPort: 8443 },
    { name: 'https-udp', port: 443, protocol: 'UDP', targetPort: 8443 },
  ]);
  const template = objects.find((o) => o.kind === 'Deployment').spec.template;
  expect(template.metadata.annotations).toEqual({ [`${LBC}quic-enabled-containers`]: 'envoy' });
  expect(checkObjects(objects, OBJECT_RULES)).toEqual([]);
});

test('kerberos-metallb: split on 1.22, both Services on one MetalLB address, distinct nodePorts', () => {
  const chart = EXAMPLES['kerberos-metallb'](Testing.app()) as KerberosMetalLb;
  expect(chart.endpoint.split).toBe(true);
  expect(chart.endpoint.reason).toBe('Kubernetes 1.22 rejects TCP and UDP in one LoadBalancer Service (MixedProtocolLBService is alpha and off by default before 1.24)');
  expect(chart.endpoint.sharedAddress).toBe('the MetalLB sharing key "kerberos"');
  expect(chart.endpoint.serviceFor(Protocol.TCP).nodePortOf(88)).toBe(30089);
  expect(chart.endpoint.serviceFor(Protocol.UDP).nodePortOf(88)).toBe(30088);
});

test('dns-clusterip: seed 000 ClusterIP Service, 53/UDP to CoreDNS on 1053', () => {
  const service = Testing.synth(EXAMPLES['dns-clusterip'](Testing.app())).find((o) => o.kind === 'Service');
  expect(service.metadata).toEqual({ name: 'dns-service' });
  expect(service.spec.type).toBe('ClusterIP');
  expect(service.spec.ports).toEqual([{ port: 53, protocol: 'UDP', targetPort: 1053 }]);
});

test('dns-nodeport: seed 000 NodePort 30053', () => {
  const service = Testing.synth(EXAMPLES['dns-nodeport'](Testing.app())).find((o) => o.kind === 'Service');
  expect(service.spec.type).toBe('NodePort');
  expect(service.spec.ports).toEqual([{ port: 53, protocol: 'UDP', targetPort: 1053, nodePort: 30053 }]);
});

test('statsd: seed 004, one replica on purpose (UDP205 silenced by annotation), readiness from the TCP admin port', () => {
  const objects = Testing.synth(EXAMPLES.statsd(Testing.app()));
  const deployment = objects.find((o) => o.kind === 'Deployment');
  expect(deployment.spec.replicas).toBe(1);
  expect(deployment.spec.template.spec.containers[0].readinessProbe).toEqual({ failureThreshold: 3, tcpSocket: { port: 8126 } });
  expect(deployment.metadata.annotations).toEqual({ 'k8s-udp-constructs.io/disable-rules': 'UDP205' });
  expect(checkObjects(objects, OBJECT_RULES)).toEqual([]);
});

const LB = 'service.beta.kubernetes.io/';

test('nlb-udp-eks: seed 003 exactly, with the health sidecar', () => {
  const chart = EXAMPLES['nlb-udp-eks'](Testing.app()) as NlbUdpEks;
  const objects = Testing.synth(chart);
  const service = objects.find((o) => o.kind === 'Service');
  expect(service.metadata.name).toBe('my-service');
  expect(service.spec).toMatchObject({
    type: 'LoadBalancer',
    externalTrafficPolicy: 'Local',
    ports: [{ name: 'example', port: 1234, protocol: 'UDP', targetPort: 1234 }],
  });
  expect(service.metadata.annotations).toMatchObject({
    [`${LB}aws-load-balancer-type`]: 'external',
    [`${LB}aws-load-balancer-nlb-target-type`]: 'ip',
    [`${LB}aws-load-balancer-scheme`]: 'internet-facing',
    [`${LB}aws-load-balancer-attributes`]: 'load_balancing.cross_zone.enabled=true',
    [`${LB}aws-load-balancer-eip-allocations`]: 'eipalloc-0a1b2c3d4e5f60001,eipalloc-0a1b2c3d4e5f60002,eipalloc-0a1b2c3d4e5f60003',
    [`${LB}aws-load-balancer-subnets`]: 'subnet-0a1b2c3d4e5f60001,subnet-0a1b2c3d4e5f60002,subnet-0a1b2c3d4e5f60003',
    [`${LB}aws-load-balancer-healthcheck-protocol`]: 'http',
    [`${LB}aws-load-balancer-healthcheck-port`]: '10080',
    [`${LB}aws-load-balancer-healthcheck-path`]: '/healthz',
    'external-dns.alpha.kubernetes.io/hostname': 'test.example.com',
    'external-dns.alpha.kubernetes.io/ttl': '160',
    'external-dns.kubernetes.io/hostname': 'test.example.com',
    'external-dns.kubernetes.io/ttl': '160',
  });
  const containers = objects.find((o) => o.kind === 'Deployment').spec.template.spec.containers;
  expect(containers.map((c: any) => c.name)).toEqual(['example', 'udp-health']);
  expect(chart.nlb.healthSidecar?.httpPort).toBe(10080);
});

test('nlb-instance-local: instance targets, kube-proxy health check, sidecar readiness on the DaemonSet', () => {
  const objects = Testing.synth(EXAMPLES['nlb-instance-local'](Testing.app()));
  const service = objects.find((o) => o.kind === 'Service');
  expect(service.metadata.annotations[`${LB}aws-load-balancer-nlb-target-type`]).toBe('instance');
  expect(service.metadata.annotations[`${LB}aws-load-balancer-healthcheck-port`]).toBeUndefined();
  expect(service.metadata.annotations[`${LB}aws-load-balancer-healthcheck-path`]).toBe('/healthz');
  expect(service.spec.ports).toEqual([{ name: 'syslog', port: 514, protocol: 'UDP', targetPort: 514, nodePort: 30514 }]);
});

test('nlb-dns-dual: one TCP_UDP listener for 53', () => {
  const service = Testing.synth(EXAMPLES['nlb-dns-dual'](Testing.app())).find((o) => o.kind === 'Service');
  expect(service.metadata.annotations[`${LB}aws-load-balancer-enable-tcp-udp-listener`]).toBe('true');
  expect(service.spec.ports.map((p: any) => `${p.name} ${p.port}/${p.protocol} -> ${p.targetPort}`)).toEqual([
    'dns-tcp 53/TCP -> 1053',
    'dns-udp 53/UDP -> 1053',
  ]);
});

test('kerberos-gke: one internal Service with TCP and UDP on 88, selected by GKE\'s internal class', () => {
  const chart = EXAMPLES['kerberos-gke'](Testing.app()) as KerberosGke;
  const services = Testing.synth(chart).filter((o) => o.kind === 'Service' && o.spec.type === 'LoadBalancer');
  expect(chart.endpoint.split).toBe(false);
  expect(chart.endpoint.reason).toBe('GKE 1.36.2-gke.1498000 carries TCP and UDP in one internal LoadBalancer Service (1.36.2-gke.1498000 or later)');
  expect(services.map((s) => [s.metadata.name, s.metadata.annotations, s.spec.loadBalancerClass, s.spec.ports.map((p: any) => `${p.name} ${p.port}/${p.protocol}`)])).toEqual([
    ['kerberos', undefined, 'networking.gke.io/l4-regional-internal', ['kerberos-tcp 88/TCP', 'kerberos-udp 88/UDP']],
  ]);
});

test('game-cilium: two Services, one Cilium sharing key and one requested address, announced by the L2 announcer', () => {
  const chart = EXAMPLES['game-cilium'](Testing.app()) as GameCilium;
  const services = Testing.synth(chart).filter((o) => o.kind === 'Service' && o.spec.type === 'LoadBalancer');
  expect(chart.endpoint.split).toBe(true);
  expect(chart.endpoint.sharedAddress).toBe('the Cilium LB IPAM sharing key "game"');
  expect(services.map((s) => [s.metadata.name, s.metadata.annotations, s.spec.loadBalancerClass, s.spec.ports.map((p: any) => `${p.port}/${p.protocol}`)])).toEqual([
    ['game-tcp', { 'lbipam.cilium.io/sharing-key': 'game', 'lbipam.cilium.io/ips': '192.0.2.27' }, 'io.cilium/l2-announcer', ['27015/TCP']],
    ['game-udp', { 'lbipam.cilium.io/sharing-key': 'game', 'lbipam.cilium.io/ips': '192.0.2.27' }, 'io.cilium/l2-announcer', ['27015/UDP']],
  ]);
});
