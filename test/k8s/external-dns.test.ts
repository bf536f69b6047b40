import { Duration, Testing } from 'cdk8s';
import { chart, objectsOf, only } from './helpers';
import {
  checkObjects, DualProtocolEndpoint, DualProtocolEndpointProps, ExternalDnsPrefix, externalDnsPrefixes, KubernetesVersion,
  LoadBalancerProvider, OBJECT_RULES, ServiceType, UdpRules, UdpService, UdpServiceProps,
} from '../../src';

const ANNOTATIONS = 'https://github.com/kubernetes-sigs/external-dns/blob/master/docs/annotations/annotations.md';
const RFC1035 = 'https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4';
const RFC2782 = 'https://www.rfc-editor.org/rfc/rfc2782';
const DNS_NAME = 'a DNS name such as dns.example.com: at most 253 characters, labels of 1..63 [A-Za-z0-9-]';
const ALPHA = 'external-dns.alpha.kubernetes.io/';
const STABLE = 'external-dns.kubernetes.io/';

/** The synthesized annotations of one UdpService built from `props`. */
function annotations(props: UdpServiceProps): Record<string, string> | undefined {
  const c = chart();
  new UdpService(c, 'svc', { metadata: { name: 'svc' }, type: ServiceType.LOAD_BALANCER, ports: [{ port: 53 }], ...props });
  return only(c, 'Service').metadata.annotations;
}

/** The annotations a UdpService built from `props` emits when its DNS errors are silenced (what is left out). */
function emitted(props: UdpServiceProps): Record<string, string> | undefined {
  const c = chart();
  UdpRules.silence(c, 'UDP401', 'UDP402', 'UDP407');
  new UdpService(c, 'svc', { metadata: { name: 'svc' }, type: ServiceType.LOAD_BALANCER, ports: [{ port: 53 }], ...props });
  return only(c, 'Service').metadata.annotations;
}

/** The messages synthesis would report for one UdpService built from `props`. */
function messages(props: UdpServiceProps): string[] {
  const c = chart();
  new UdpService(c, 'svc', { metadata: { name: 'svc' }, type: ServiceType.LOAD_BALANCER, ports: [{ port: 53 }], ...props });
  return UdpRules.messages(c);
}

describe('hostname and ttl on a UdpService', () => {
  test('seed 003: one hostname and TTL 160, under both prefixes by default', () => {
    expect(annotations({ hostname: 'test.example.com', ttl: 160 })).toEqual({
      'external-dns.alpha.kubernetes.io/hostname': 'test.example.com',
      'external-dns.alpha.kubernetes.io/ttl': '160',
      'external-dns.kubernetes.io/hostname': 'test.example.com',
      'external-dns.kubernetes.io/ttl': '160',
    });
    expect(messages({ hostname: 'test.example.com', ttl: 160 })).toEqual([]);
  });

  test('several hostnames, comma-separated, without trailing dots or duplicates; a Duration TTL in seconds', () => {
    expect(annotations({
      hostname: ['dns.example.com', 'ns1.example.org.', 'dns.example.com', '*.dns.example.net'],
      ttl: Duration.minutes(5),
      externalDnsPrefix: ExternalDnsPrefix.STABLE,
    })).toEqual({
      'external-dns.kubernetes.io/hostname': 'dns.example.com,ns1.example.org,*.dns.example.net',
      'external-dns.kubernetes.io/ttl': '300',
    });
  });

  test('the alpha prefix only, for ExternalDNS up to v0.21', () => {
    expect(annotations({ hostname: 'dns.example.com', externalDnsPrefix: ExternalDnsPrefix.ALPHA })).toEqual({
      'external-dns.alpha.kubernetes.io/hostname': 'dns.example.com',
    });
  });

  test('a TTL alone (names from --fqdn-template), and the TTL bounds', () => {
    expect(annotations({ ttl: 1, externalDnsPrefix: ExternalDnsPrefix.ALPHA })).toEqual({ [`${ALPHA}ttl`]: '1' });
    expect(annotations({ ttl: 2147483647, externalDnsPrefix: ExternalDnsPrefix.STABLE })).toEqual({ [`${STABLE}ttl`]: '2147483647' });
    expect(annotations({ ttl: Duration.seconds(90), externalDnsPrefix: ExternalDnsPrefix.STABLE })).toEqual({ [`${STABLE}ttl`]: '90' });
  });

  test('no hostname and no ttl: no annotation; an empty list: none either', () => {
    expect(annotations({})).toBeUndefined();
    expect(annotations({ hostname: [] })).toBeUndefined();
  });

  test('other annotations stay, and the prop list is exposed', () => {
    const c = chart();
    const svc = new UdpService(c, 'svc', {
      metadata: { name: 'svc', annotations: { team: 'dns' } },
      ports: [{ port: 53 }],
      hostname: 'dns.example.com',
      ttl: 60,
    });
    svc.externalDns.addHostname('resolver.example.com.');
    expect(svc.externalDns.hostnames).toEqual(['dns.example.com', 'resolver.example.com']);
    expect(svc.externalDns.ttlSeconds).toBe(60);
    expect(only(c, 'Service').metadata.annotations).toEqual({
      'team': 'dns',
      'external-dns.alpha.kubernetes.io/hostname': 'dns.example.com,resolver.example.com',
      'external-dns.alpha.kubernetes.io/ttl': '60',
      'external-dns.kubernetes.io/hostname': 'dns.example.com,resolver.example.com',
      'external-dns.kubernetes.io/ttl': '60',
    });
  });

  test('the linter finds nothing wrong in what a UdpService emits', () => {
    const c = chart();
    new UdpService(c, 'svc', { metadata: { name: 'svc' }, ports: [{ port: 53 }], hostname: ['a.example.com', 'b.example.com'], ttl: 30 });
    expect(checkObjects(Testing.synth(c), OBJECT_RULES)).toEqual([]);
  });

  test('externalDnsPrefixes', () => {
    expect(externalDnsPrefixes()).toEqual([ALPHA, STABLE]);
    expect(externalDnsPrefixes(ExternalDnsPrefix.ALPHA)).toEqual([ALPHA]);
    expect(externalDnsPrefixes(ExternalDnsPrefix.STABLE)).toEqual([STABLE]);
  });
});

describe('hostname and ttl bad input: each reported with its exact message, and nothing invalid emitted', () => {
  const long63 = 'a'.repeat(63);
  test('a hostname over 253 characters', () => {
    const name = `${long63}.${long63}.${long63}.${'b'.repeat(61)}.com`; // 257 characters
    expect(name.length).toBe(257);
    expect(messages({ hostname: name })).toEqual([
      `[UDP401] test/svc: hostname "${name.slice(0, 116)}...: must be no more than 253 characters (has 257) (${DNS_NAME}; ${RFC1035})`,
    ]);
    expect(emitted({ hostname: name })).toBeUndefined();
  });

  test('a label over 63 characters, in a list', () => {
    const name = `${'a'.repeat(64)}.example.com`;
    expect(messages({ hostname: ['ok.example.com', name] })).toEqual([
      `[UDP401] test/svc: hostname[1] "${name}": label "aaaaaaaaaaaaaaaaaaaa..." must be no more than 63 characters (has 64) (${DNS_NAME}; ${RFC1035})`,
    ]);
    expect(emitted({ hostname: ['ok.example.com', name], externalDnsPrefix: ExternalDnsPrefix.STABLE })).toEqual({
      'external-dns.kubernetes.io/hostname': 'ok.example.com',
    });
  });

  test.each([
    ['dns_server.example.com', 'label "dns_server" must consist of letters, digits and \'-\', and must start and end with a letter or digit'],
    ['a.example.com,b.example.com', 'label "com,b" must consist of letters, digits and \'-\', and must start and end with a letter or digit'],
    ['-dns.example.com', 'label "-dns" must consist of letters, digits and \'-\', and must start and end with a letter or digit'],
    ['dns..example.com', 'must not have an empty label (two dots in a row, or a leading dot)'],
    ['', 'must be a non-empty string'],
  ])('bad characters: %p', (name, problem) => {
    expect(messages({ hostname: name })).toEqual([
      `[UDP401] test/svc: hostname ${JSON.stringify(name)}: ${problem} (${DNS_NAME}; ${RFC1035})`,
    ]);
  });

  test.each([
    [0, '0', ''],
    [-5, '-5', ''],
    [2147483648, '2147483648', ''],
    [1.5, '1.5', ''],
    [Duration.millis(1500), '1.5', ' (a Duration of 1.5 s)'],
    [Duration.days(24856), '2147558400', ' (a Duration of 2147558400 s)'],
  ])('TTL out of range: %p', (ttl, shown, suffix) => {
    expect(messages({ ttl })).toEqual([
      `[UDP402] test/svc: ttl ${shown}: must be a whole number of seconds between 1 and 2147483647${suffix} (1..2147483647 seconds; ${ANNOTATIONS})`,
    ]);
    expect(emitted({ ttl })).toBeUndefined();
  });

  test('an unknown prefix (untyped code)', () => {
    expect(messages({ hostname: 'dns.example.com', externalDnsPrefix: 'beta' as ExternalDnsPrefix })).toEqual([
      `[UDP408] test/svc: externalDnsPrefix "beta": is not an ExternalDnsPrefix (ExternalDnsPrefix.BOTH ("both"), ALPHA ("alpha", ${ALPHA}) or STABLE ("stable", ${STABLE}); ${ANNOTATIONS})`,
    ]);
  });

  test('a hostname or ttl given both as a prop and as an annotation: the annotation wins, UDP407 says so', () => {
    const props: UdpServiceProps = {
      metadata: { name: 'svc', annotations: { [`${ALPHA}hostname`]: 'old.example.com', [`${STABLE}ttl`]: '30' } },
      hostname: 'new.example.com',
      ttl: 60,
    };
    expect(messages(props)).toEqual([
      `[UDP407] test/svc: hostname "new.example.com": is also set by the annotation "${ALPHA}hostname" in metadata.annotations, which wins (the prop or the annotation, not both (the prop writes hostname under ${ALPHA} and ${STABLE}); ${ANNOTATIONS})`,
      `[UDP407] test/svc: ttl 60: is also set by the annotation "${STABLE}ttl" in metadata.annotations, which wins (the prop or the annotation, not both (the prop writes ttl under ${ALPHA} and ${STABLE}); ${ANNOTATIONS})`,
    ]);
    expect(emitted(props)).toEqual({
      [`${ALPHA}hostname`]: 'old.example.com',
      [`${ALPHA}ttl`]: '60',
      [`${STABLE}hostname`]: 'new.example.com',
      [`${STABLE}ttl`]: '30',
    });
  });

  test('a hostname on a ClusterIP Service: a warning (UDP411), not on headless, NodePort or LoadBalancer', () => {
    const source = 'https://github.com/kubernetes-sigs/external-dns/blob/master/source/service.go';
    const message = (shown: string) => `[UDP411] test/svc: hostname ${shown}: is on a ClusterIP Service: ExternalDNS publishes it only when run with `
      + '--publish-internal-services, and then to the cluster IP, reachable only inside the cluster (type LOAD_BALANCER or NODE_PORT '
      + `(HEADLESS publishes the pod IPs), or ExternalDNS with --publish-internal-services; ${source})`;
    expect(messages({ type: ServiceType.CLUSTER_IP, hostname: 'dns.example.com' })).toEqual([message('"dns.example.com"')]);
    expect(messages({ type: ServiceType.CLUSTER_IP, hostname: ['a.example.com', 'b.example.com'] })).toEqual([message('["a.example.com","b.example.com"]')]);
    const c = chart();
    new UdpService(c, 'svc', { ports: [{ port: 53 }], hostname: 'dns.example.com' });
    expect(UdpRules.findings(c).map((f) => `${f.severity} ${f.ruleId}`)).toEqual(['warning UDP411']);
    expect(() => Testing.synth(c)).not.toThrow();
    expect(messages({ type: ServiceType.CLUSTER_IP, ttl: 60 })).toEqual([]);
    for (const type of [ServiceType.HEADLESS, ServiceType.NODE_PORT, ServiceType.LOAD_BALANCER]) {
      expect(messages({ type, hostname: 'dns.example.com' })).toEqual([]);
    }
  });

  test('errors fail synthesis, all together', () => {
    const c = chart();
    new UdpService(c, 'svc', { metadata: { name: 'svc' }, ports: [{ port: 53 }], hostname: 'x_y.example.com', ttl: 0 });
    expect(() => Testing.synth(c)).toThrow(/\[test\/svc\] \[UDP401\] hostname "x_y.example.com"[\s\S]*\[test\/svc\] \[UDP402\] ttl 0/);
  });

  test('a rule id can be silenced', () => {
    const c = chart();
    UdpRules.silence(c, 'UDP402');
    new UdpService(c, 'svc', { metadata: { name: 'svc' }, ports: [{ port: 53 }], ttl: 0 });
    expect(UdpRules.messages(c)).toEqual([]);
  });
});

describe('hostname and ttl on a DualProtocolEndpoint', () => {
  const base: DualProtocolEndpointProps = {
    metadata: { name: 'dns' },
    type: ServiceType.LOAD_BALANCER,
    ports: [{ name: 'dns', port: 53 }],
    hostname: 'dns.example.com',
    ttl: 120,
    externalDnsPrefix: ExternalDnsPrefix.STABLE,
  };
  const expected = { [`${STABLE}hostname`]: 'dns.example.com', [`${STABLE}ttl`]: '120' };

  test('one Service: the annotations on it', () => {
    const c = chart();
    new DualProtocolEndpoint(c, 'dns', { ...base, provider: LoadBalancerProvider.generic({ mixedProtocol: true }) });
    const service = only(c, 'Service');
    expect(service.metadata.annotations).toEqual(expected);
    expect(UdpRules.messages(c)).toEqual([]);
  });

  test('split on one shared address (MetalLB): both Services publish the name', () => {
    const c = chart();
    const endpoint = new DualProtocolEndpoint(c, 'dns', {
      ...base,
      kubernetesVersion: KubernetesVersion.of('1.22'),
      provider: LoadBalancerProvider.metalLb(),
    });
    expect(endpoint.split).toBe(true);
    expect(endpoint.sharedAddress).toBeDefined();
    const services = objectsOf(c, 'Service');
    expect(services.map((s) => s.metadata.name)).toEqual(['dns-tcp', 'dns-udp']);
    for (const service of services) expect(service.metadata.annotations).toMatchObject(expected);
    expect(UdpRules.messages(c)).toEqual([]);
  });

  test('split on two addresses (AWS in-tree): UDP409, one name cannot point at both', () => {
    const c = chart();
    new DualProtocolEndpoint(c, 'dns', { ...base, provider: LoadBalancerProvider.awsInTree() });
    expect(UdpRules.messages(c)).toEqual([
      '[UDP409] test/dns: hostname "dns.example.com": would be published by both Services of a split endpoint, which get two addresses '
      + '(the in-tree AWS cloud provider never supports mixed protocols ("mixed protocol is not supported for LoadBalancer")): one name cannot point at both '
      + `(dns: { service, hostname }, which publishes tcp.<hostname> and udp.<hostname> and SRV records for each, or a provider that shares one address; ${RFC2782})`,
    ]);
  });

  test('bad hostname and TTL reported once for the endpoint, not once per Service', () => {
    const c = chart();
    new DualProtocolEndpoint(c, 'dns', {
      ...base,
      kubernetesVersion: KubernetesVersion.of('1.22'),
      provider: LoadBalancerProvider.metalLb(),
      hostname: 'dns_1.example.com',
      ttl: 0,
    });
    expect(UdpRules.messages(c)).toEqual([
      `[UDP401] test/dns: hostname "dns_1.example.com": label "dns_1" must consist of letters, digits and '-', and must start and end with a letter or digit (${DNS_NAME}; ${RFC1035})`,
      `[UDP402] test/dns: ttl 0: must be a whole number of seconds between 1 and 2147483647 (1..2147483647 seconds; ${ANNOTATIONS})`,
    ]);
  });
});
