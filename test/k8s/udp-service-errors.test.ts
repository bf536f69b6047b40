import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Chart, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { ALLOC, chart, NAMES, SVC } from './helpers';
import { PortRange, ServiceType, SessionAffinity, TrafficPolicy, UdpRules, UdpService, UdpServiceProps } from '../../src';

/** The messages synthesis would report for one UdpService built from `props`. */
function messages(props: UdpServiceProps): string[] {
  const c = chart();
  new UdpService(c, 'svc', { metadata: { name: 'svc' }, ...props });
  return UdpRules.messages(c);
}

describe('UdpService bad input: each reported with rule id, path, field, value, rule and source', () => {
  test.each([
    [0, '0'],
    [65536, '65536'],
  ])('port %p', (port, shown) => {
    expect(messages({ ports: [{ port }] })).toEqual([
      `[UDP101] test/svc: spec.ports[0].port ${shown}: must be between 1 and 65535 inclusive (a whole number 1..65535; ${SVC})`,
    ]);
  });

  test('nodePort outside the default range', () => {
    expect(messages({ type: ServiceType.NODE_PORT, ports: [{ port: 53, nodePort: 29999 }] })).toEqual([
      `[UDP102] test/svc: spec.ports[0].nodePort 29999: is not in the valid NodePort range (30000-32767, the cluster's --service-node-port-range: set nodePortRange if yours differs; ${ALLOC})`,
    ]);
  });

  test('nodePort checked against a configured range', () => {
    const range = PortRange.parse('20000-22767');
    expect(messages({ type: ServiceType.NODE_PORT, nodePortRange: range, ports: [{ port: 53, nodePort: 20053 }] })).toEqual([]);
    expect(messages({ type: ServiceType.NODE_PORT, nodePortRange: range, ports: [{ port: 53, nodePort: 30053 }] })).toEqual([
      `[UDP102] test/svc: spec.ports[0].nodePort 30053: is not in the valid NodePort range (20000-22767, the cluster's --service-node-port-range: set nodePortRange if yours differs; ${ALLOC})`,
    ]);
  });

  test('nodePort on ClusterIP', () => {
    expect(messages({ ports: [{ port: 53, nodePort: 30053 }] })).toEqual([
      `[UDP103] test/svc: spec.ports[0].nodePort 30053: may not be used when type is 'ClusterIP' (type NodePort or LoadBalancer; ${SVC})`,
    ]);
  });

  test('nodePort on a headless Service', () => {
    expect(messages({ type: ServiceType.HEADLESS, ports: [{ port: 53, nodePort: 30053 }] })).toEqual([
      `[UDP103] test/svc: spec.ports[0].nodePort 30053: may not be used when type is 'ClusterIP' (headless) (type NodePort or LoadBalancer; ${SVC})`,
    ]);
  });

  test('two different ports asking for the same nodePort', () => {
    expect(messages({
      type: ServiceType.NODE_PORT,
      ports: [{ name: 'a', port: 53, nodePort: 30053 }, { name: 'b', port: 54, nodePort: 30053 }],
    })).toEqual([
      `[UDP104] test/svc: spec.ports[1].nodePort 30053: is already requested by spec.ports[0] (port 53); entries with different ports cannot share a nodePort (a distinct nodePort per port number; only TCP and UDP of the same port may share one; ${ALLOC})`,
    ]);
  });

  test('two ports without names', () => {
    expect(messages({ ports: [{ port: 53 }, { port: 54 }] })).toEqual([
      `[UDP105] test/svc: spec.ports[0].name (unset): is required when a Service has more than one port (this one has 2) (a unique DNS-1123 label such as "dns-udp"; ${SVC})`,
      `[UDP105] test/svc: spec.ports[1].name (unset): is required when a Service has more than one port (this one has 2) (a unique DNS-1123 label such as "dns-udp"; ${SVC})`,
    ]);
  });

  test('duplicate names', () => {
    expect(messages({ ports: [{ name: 'dns', port: 53 }, { name: 'dns', port: 5353 }] })).toEqual([
      `[UDP107] test/svc: spec.ports[1].name "dns": duplicates the name of spec.ports[0] (a name used once per Service; ${SVC})`,
    ]);
  });

  test('duplicate (port, protocol)', () => {
    expect(messages({ ports: [{ name: 'a', port: 53 }, { name: 'b', port: 53, targetPort: 5353 }] })).toEqual([
      `[UDP108] test/svc: spec.ports[1].port 53: duplicates spec.ports[0]: port 53 with protocol UDP is declared twice (each (port, protocol) once; ${SVC})`,
    ]);
  });

  test('a port name that is not a DNS-1123 label', () => {
    expect(messages({ ports: [{ name: 'DNS_udp', port: 53 }] })).toEqual([
      `[UDP106] test/svc: spec.ports[0].name "DNS_udp": must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (a DNS-1123 label: [a-z0-9]([-a-z0-9]*[a-z0-9])?, at most 63 characters; ${NAMES})`,
    ]);
  });

  test.each([
    ['dns-over-udp-port', 'must be no more than 15 characters (has 17)'],
    ['5353', 'must contain at least one letter (a-z)'],
    ['dns--udp', "must not contain consecutive hyphens ('--')"],
    ['-dns', "must not begin or end with a hyphen ('-')"],
    ['Dns', "must contain only lower case alphanumeric characters (a-z, 0-9) and '-'"],
  ])('a named targetPort %p that is not an IANA_SVC_NAME', (targetPort, problem) => {
    expect(messages({ ports: [{ port: 53, targetPort }] })).toEqual([
      `[UDP109] test/svc: spec.ports[0].targetPort ${JSON.stringify(targetPort)}: is not a valid named port: ${problem} (an IANA_SVC_NAME: at most 15 characters of a-z, 0-9 and "-", with a letter, no "--", no "-" at either end; ${SVC})`,
    ]);
  });

  test('a numeric targetPort out of range', () => {
    expect(messages({ ports: [{ port: 53, targetPort: 70000 }] })).toEqual([
      `[UDP109] test/svc: spec.ports[0].targetPort 70000: must be between 1 and 65535 inclusive (a whole number 1..65535 or a named container port; ${SVC})`,
    ]);
  });

  test('a Service name over 63 characters', () => {
    const name = 'a'.repeat(64);
    expect(messages({ metadata: { name }, ports: [{ port: 53 }] })).toEqual([
      `[UDP111] test/svc: metadata.name "${name}": must be no more than 63 characters (has 64) (a DNS-1035 label: [a-z]([-a-z0-9]*[a-z0-9])?, at most 63 characters; ${NAMES})`,
    ]);
  });

  test('a Service name that is not a DNS-1035 label', () => {
    expect(messages({ metadata: { name: '1dns' }, ports: [{ port: 53 }] })).toEqual([
      `[UDP111] test/svc: metadata.name "1dns": must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (a DNS-1035 label: [a-z]([-a-z0-9]*[a-z0-9])?, at most 63 characters; ${NAMES})`,
    ]);
  });

  test('externalTrafficPolicy on a ClusterIP Service', () => {
    expect(messages({ externalTrafficPolicy: TrafficPolicy.LOCAL, ports: [{ port: 53 }] })).toEqual([
      `[UDP112] test/svc: spec.externalTrafficPolicy "Local": may only be set on externally-accessible services (type is 'ClusterIP') (type NodePort or LoadBalancer, or (Kubernetes 1.29 and later) a ClusterIP Service with externalIPs; ${SVC})`,
    ]);
  });

  test('loadBalancerSourceRanges that are not CIDRs', () => {
    expect(messages({
      type: ServiceType.LOAD_BALANCER, loadBalancerSourceRanges: ['10.0.0.0/8', '10.0.0.1', '10.0.0.0/33'], ports: [{ port: 53 }],
    })).toEqual([
      `[UDP114] test/svc: spec.loadBalancerSourceRanges[1] "10.0.0.1": must be a CIDR (an IPv4 or IPv6 CIDR such as "10.0.0.0/8" or "2001:db8::/32"; ${SVC})`,
      `[UDP114] test/svc: spec.loadBalancerSourceRanges[2] "10.0.0.0/33": must be a CIDR (an IPv4 or IPv6 CIDR such as "10.0.0.0/8" or "2001:db8::/32"; ${SVC})`,
    ]);
  });

  test('loadBalancerSourceRanges on a non-LoadBalancer', () => {
    expect(messages({ type: ServiceType.NODE_PORT, loadBalancerSourceRanges: ['10.0.0.0/8'], ports: [{ port: 53 }] })).toEqual([
      `[UDP114] test/svc: spec.loadBalancerSourceRanges ["10.0.0.0/8"]: may only be used when type is 'LoadBalancer' (type is 'NodePort') (type LoadBalancer; ${SVC})`,
    ]);
  });

  test('loadBalancerClass and allocateLoadBalancerNodePorts on a non-LoadBalancer', () => {
    expect(messages({ loadBalancerClass: 'service.k8s.aws/nlb', allocateLoadBalancerNodePorts: false, ports: [{ port: 53 }] })).toEqual([
      `[UDP115] test/svc: spec.loadBalancerClass "service.k8s.aws/nlb": may only be used when type is 'LoadBalancer' (type is 'ClusterIP') (type LoadBalancer; ${SVC})`,
      `[UDP115] test/svc: spec.allocateLoadBalancerNodePorts false: may only be used when type is 'LoadBalancer' (type is 'ClusterIP') (type LoadBalancer; ${SVC})`,
    ]);
  });

  test.each([
    [Duration.days(2), '172800'],
    [Duration.millis(500), '0.5'],
  ])('ClientIP timeout outside 1..86400 (%p)', (timeout, shown) => {
    expect(messages({ sessionAffinity: SessionAffinity.clientIp(timeout), ports: [{ port: 53 }] })).toEqual([
      `[UDP116] test/svc: spec.sessionAffinityConfig.clientIP.timeoutSeconds ${shown}: must be between 1 and 86400 seconds inclusive (1..86400 (default 10800); ${SVC})`,
    ]);
  });

  test('invalid label keys and values (reported in the emitted order: keys sorted)', () => {
    expect(messages({
      metadata: { name: 'svc', labels: { 'example.com/ok': 'yes', 'bad key': 'x', 'app': '-leading' } },
      ports: [{ port: 53 }],
    })).toEqual([
      `[UDP130] test/svc: metadata.labels["app"] "-leading": must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (empty, or at most 63 characters of [A-Za-z0-9-_.], alphanumeric at both ends; ${NAMES})`,
      `[UDP130] test/svc: metadata.labels key "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (an optional DNS subdomain prefix and "/", then a name of at most 63 characters; ${NAMES})`,
    ]);
  });

  test('invalid selector labels', () => {
    expect(messages({ selector: { app: 'x'.repeat(64) }, ports: [{ port: 53 }] })).toEqual([
      `[UDP130] test/svc: spec.selector["app"] "${'x'.repeat(64)}": must be no more than 63 characters (has 64) (empty, or at most 63 characters of [A-Za-z0-9-_.], alphanumeric at both ends; ${NAMES})`,
    ]);
  });

  test('a selector with label expressions', () => {
    const c = chart();
    const pods = kplus.Pods.select(c, 'pods', { expressions: [kplus.LabelExpression.exists('app')] });
    new UdpService(c, 'svc', { metadata: { name: 'svc' }, selector: pods, ports: [{ port: 53 }] });
    expect(UdpRules.messages(c)).toEqual([
      `[UDP140] test/svc: selector "1 label expression(s)": uses label expressions, which a Service selector cannot express (a selector of labels only (select pods with Pods.select(..., { labels })); ${SVC})`,
    ]);
  });
});

describe('synthesis with errors', () => {
  test('reports every error of the app at once and writes nothing', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'udp-synth-'));
    const app = new App({ outdir });
    const first = new Chart(app, 'first');
    const second = new Chart(app, 'second');
    new UdpService(first, 'a', { metadata: { name: 'a' }, ports: [{ port: 0 }] });
    new UdpService(second, 'b', { metadata: { name: 'b' }, ports: [{ port: 53, nodePort: 30053 }] });
    expect(() => app.synth()).toThrow([
      'Validation failed with the following errors:',
      `  [first/a] [UDP101] spec.ports[0].port 0: must be between 1 and 65535 inclusive (a whole number 1..65535; ${SVC})`,
      `  [second/b] [UDP103] spec.ports[0].nodePort 30053: may not be used when type is 'ClusterIP' (type NodePort or LoadBalancer; ${SVC})`,
    ].join('\n'));
    expect(fs.readdirSync(outdir)).toEqual([]);
  });

  test('warnings never fail synthesis and go to the warning handler once', () => {
    const seen: string[] = [];
    UdpRules.onWarning((message) => seen.push(message));
    try {
      const c = chart();
      const deployment = new kplus.Deployment(c, 'statsd', { replicas: 1, containers: [{ image: 'statsd/statsd:v0.10.2', portNumber: 8125 }] });
      new UdpService(c, 'svc', { metadata: { name: 'statsd' }, selector: deployment, ports: [{ port: 8125 }] });
      Testing.synth(c);
      Testing.synth(c);
      expect(seen.map((m) => m.slice(0, 41))).toEqual([
        'warning: [UDP204] test/svc: spec.template',
        'warning: [UDP205] test/svc: spec.replicas',
      ]);
    } finally {
      UdpRules.onWarning(() => undefined);
    }
  });

  test('UdpRules.silence() silences a rule for a scope and everything below it', () => {
    const c = chart();
    const deployment = new kplus.Deployment(c, 'statsd', { replicas: 1, containers: [{ image: 'statsd/statsd:v0.10.2', portNumber: 8125 }] });
    new UdpService(c, 'svc', { metadata: { name: 'statsd' }, selector: deployment, ports: [{ port: 8125 }] });
    expect(UdpRules.findings(c).map((f) => f.ruleId)).toEqual(['UDP204', 'UDP205']);
    UdpRules.silence(c, 'udp205');
    expect(UdpRules.findings(c).map((f) => f.ruleId)).toEqual(['UDP204']);
  });
});

describe('one run of the rules per chart', () => {
  test('two Services of a chart asking for one nodePort: reported on the second in name order', () => {
    const c = chart();
    new UdpService(c, 'a', { metadata: { name: 'dns-a' }, type: ServiceType.NODE_PORT, ports: [{ port: 53, nodePort: 30053 }] });
    new UdpService(c, 'b', { metadata: { name: 'dns-b' }, type: ServiceType.NODE_PORT, ports: [{ port: 54, nodePort: 30053 }] });
    expect(UdpRules.messages(c)).toEqual([
      `[UDP141] test/b: spec.ports[0].nodePort 30053: is also requested by Service "dns-a": NodePorts are allocated cluster-wide across protocols (a nodePort used by one Service only; ${ALLOC})`,
    ]);
  });

  test('Services in different charts (clusters) may use the same nodePort', () => {
    const app = Testing.app();
    for (const id of ['east', 'west']) {
      new UdpService(new Chart(app, id), 'dns', { metadata: { name: 'dns' }, type: ServiceType.NODE_PORT, ports: [{ port: 53, nodePort: 30053 }] });
    }
    expect(UdpRules.messages(app)).toEqual([]);
    expect(() => app.synthYaml()).not.toThrow();
  });

  test('a workload selected by two Services is reported once, on the first', () => {
    const c = chart();
    const deployment = new kplus.Deployment(c, 'statsd', { replicas: 1, containers: [{ image: 'statsd/statsd:v0.10.2', portNumber: 8125 }] });
    new UdpService(c, 'first', { metadata: { name: 'statsd' }, selector: deployment, ports: [{ port: 8125 }] });
    new UdpService(c, 'second', { metadata: { name: 'statsd-2' }, selector: deployment, ports: [{ port: 8125 }] });
    expect(UdpRules.messages(c).map((m) => m.slice(0, 24))).toEqual(['[UDP204] test/first: spe', '[UDP205] test/first: spe']);
  });

  test('a change after a synthesis is seen by the next one (findings are reused only for the same objects)', () => {
    const app = Testing.app();
    const c = new Chart(app, 'test');
    const service = new UdpService(c, 'svc', { metadata: { name: 'dns' }, ports: [{ port: 53 }] });
    expect(() => app.synthYaml()).not.toThrow();
    service.addPort({ port: 0, name: 'bad' });
    expect(() => app.synthYaml()).toThrow(/\[test\/svc\] \[UDP101\] spec.ports\[1\].port 0/);
  });
});

describe('untyped (JavaScript) input', () => {
  test('a list prop given as a string is reported, not a TypeError', () => {
    const props = { type: ServiceType.LOAD_BALANCER, ports: [{ port: 53 }], loadBalancerSourceRanges: '10.0.0.0/8', ipFamilies: 'IPv4' };
    expect(messages(props as unknown as UdpServiceProps)).toEqual([
      `[UDP114] test/svc: loadBalancerSourceRanges "10.0.0.0/8": must be a list (an array of strings; ${SVC})`,
      `[UDP119] test/svc: ipFamilies "IPv4": must be a list (an array of strings; ${SVC})`,
    ]);
  });
});
