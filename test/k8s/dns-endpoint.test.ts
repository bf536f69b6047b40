import { Duration, Testing } from 'cdk8s';
import { expectValidDnsEndpoints } from './dns-endpoint-schema';
import { chart, objectsOf } from './helpers';
import {
  checkObjects, DualProtocolEndpoint, DualProtocolEndpointProps, ExternalDnsPrefix, KubernetesVersion, LoadBalancerProvider,
  OBJECT_RULES, Protocol, ServiceType, UdpRules,
} from '../../src';

const RFC1035 = 'https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4';
const RFC2782 = 'https://www.rfc-editor.org/rfc/rfc2782';
const RFC6335 = 'https://www.rfc-editor.org/rfc/rfc6335#section-5.1';
const ENDPOINT = 'https://github.com/kubernetes-sigs/external-dns/blob/master/endpoint/endpoint.go';
const ANNOTATIONS = 'https://github.com/kubernetes-sigs/external-dns/blob/master/docs/annotations/annotations.md';
const DNS_NAME = 'a DNS name such as dns.example.com: at most 253 characters, labels of 1..63 [A-Za-z0-9-]';
const IN_TREE = 'the in-tree AWS cloud provider never supports mixed protocols ("mixed protocol is not supported for LoadBalancer")';

/** Kerberos on 88, TCP and UDP, behind a LoadBalancer on the AWS in-tree provider: split on two addresses. */
const KERBEROS: DualProtocolEndpointProps = {
  metadata: { name: 'kerberos', namespace: 'kdc' },
  type: ServiceType.LOAD_BALANCER,
  provider: LoadBalancerProvider.awsInTree(),
  ports: [{ name: 'kerberos', port: 88 }],
  dns: { service: 'kerberos', hostname: 'kdc.example.com', domain: 'example.com', ttl: 300 },
};

function srv(name: string, dnsName: string, target: string, ttl?: number): any {
  return {
    apiVersion: 'externaldns.k8s.io/v1alpha1',
    kind: 'DNSEndpoint',
    metadata: { name, namespace: 'kdc' },
    spec: { endpoints: [{ dnsName, recordType: 'SRV', targets: [target], ...(ttl !== undefined ? { recordTTL: ttl } : {}) }] },
  };
}

/** Synthesizes one endpoint; asserts no finding, every DNSEndpoint valid against the CRD, and no linter finding. */
function synth(props: DualProtocolEndpointProps): { endpoint: DualProtocolEndpoint; services: any[]; records: any[] } {
  const c = chart();
  const endpoint = new DualProtocolEndpoint(c, 'kerberos', props);
  expect(UdpRules.messages(c)).toEqual([]);
  const objects = Testing.synth(c);
  expect(checkObjects(objects, OBJECT_RULES)).toEqual([]);
  return { endpoint, services: objectsOf(c, 'Service'), records: expectValidDnsEndpoints(objects) };
}

/** The messages synthesis would report for one endpoint. */
function messages(props: DualProtocolEndpointProps): string[] {
  const c = chart();
  new DualProtocolEndpoint(c, 'kerberos', props);
  return UdpRules.messages(c);
}

describe('DualProtocolEndpoint dns', () => {
  test('split on two addresses (AWS in-tree): each SRV record points at its own per-protocol hostname, published on its Service', () => {
    const { endpoint, services, records } = synth(KERBEROS);
    expect(endpoint.split).toBe(true);
    expect(endpoint.sharedAddress).toBeUndefined();
    expect(endpoint.dns?.perProtocol).toBe(true);
    expect(endpoint.dns?.udpHostname).toBe('udp.kdc.example.com');
    expect(endpoint.dns?.tcpHostname).toBe('tcp.kdc.example.com');
    expect(services.map((s) => [s.metadata.name, s.metadata.annotations])).toEqual([
      ['kerberos-tcp', {
        'external-dns.alpha.kubernetes.io/hostname': 'tcp.kdc.example.com',
        'external-dns.alpha.kubernetes.io/ttl': '300',
        'external-dns.kubernetes.io/hostname': 'tcp.kdc.example.com',
        'external-dns.kubernetes.io/ttl': '300',
        'service.beta.kubernetes.io/aws-load-balancer-internal': 'true',
        'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
      }],
      ['kerberos-udp', {
        'external-dns.alpha.kubernetes.io/hostname': 'udp.kdc.example.com',
        'external-dns.alpha.kubernetes.io/ttl': '300',
        'external-dns.kubernetes.io/hostname': 'udp.kdc.example.com',
        'external-dns.kubernetes.io/ttl': '300',
        'service.beta.kubernetes.io/aws-load-balancer-internal': 'true',
        'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
      }],
    ]);
    expect(records).toEqual([
      srv('kerberos-srv-udp', '_kerberos._udp.example.com', '10 100 88 udp.kdc.example.com.', 300),
      srv('kerberos-srv-tcp', '_kerberos._tcp.example.com', '10 100 88 tcp.kdc.example.com.', 300),
    ]);
    expect(endpoint.dns?.udpRecord.recordName).toBe('_kerberos._udp.example.com');
    expect(endpoint.dns?.tcpRecord.recordName).toBe('_kerberos._tcp.example.com');
  });

  test('explicit per-protocol hostnames, priority, weight, a Duration TTL, the endpoint\'s own TTL and prefix', () => {
    const { endpoint, services, records } = synth({
      ...KERBEROS,
      ttl: 60,
      externalDnsPrefix: ExternalDnsPrefix.STABLE,
      dns: {
        service: '_kerberos',
        tcpHostname: 'kdc-tcp.example.com',
        udpHostname: 'kdc-udp.example.com.',
        domain: 'example.com',
        ttl: Duration.minutes(10),
        priority: 0,
        weight: 50,
      },
    });
    expect(services.map((s) => [s.metadata.name, s.metadata.annotations['external-dns.kubernetes.io/hostname'], s.metadata.annotations['external-dns.kubernetes.io/ttl']])).toEqual([
      ['kerberos-tcp', 'kdc-tcp.example.com', '60'],
      ['kerberos-udp', 'kdc-udp.example.com', '60'],
    ]);
    expect(services[0].metadata.annotations['external-dns.alpha.kubernetes.io/hostname']).toBeUndefined();
    expect(endpoint.dns?.udpHostname).toBe('kdc-udp.example.com');
    expect(records).toEqual([
      srv('kerberos-srv-udp', '_kerberos._udp.example.com', '0 50 88 kdc-udp.example.com.', 600),
      srv('kerberos-srv-tcp', '_kerberos._tcp.example.com', '0 50 88 kdc-tcp.example.com.', 600),
    ]);
  });

  test('one Service (AWS Load Balancer Controller 2.13 on 1.28): both SRV records point at the one hostname, published once', () => {
    const { endpoint, services, records } = synth({
      ...KERBEROS,
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
      dns: { service: 'kerberos', hostname: 'kdc.example.com', domain: 'example.com' },
    });
    expect(endpoint.split).toBe(false);
    expect(endpoint.dns?.perProtocol).toBe(false);
    expect(services).toHaveLength(1);
    expect(services[0].metadata.annotations['external-dns.alpha.kubernetes.io/hostname']).toBe('kdc.example.com');
    expect(services[0].metadata.annotations['external-dns.kubernetes.io/hostname']).toBe('kdc.example.com');
    expect(services[0].metadata.annotations['external-dns.kubernetes.io/ttl']).toBeUndefined();
    expect(records).toEqual([
      srv('kerberos-srv-udp', '_kerberos._udp.example.com', '10 100 88 kdc.example.com.'),
      srv('kerberos-srv-tcp', '_kerberos._tcp.example.com', '10 100 88 kdc.example.com.'),
    ]);
  });

  test('split on one shared address (MetalLB, Kubernetes 1.22): both records point at the one hostname, on both Services', () => {
    const { endpoint, services, records } = synth({
      ...KERBEROS,
      kubernetesVersion: KubernetesVersion.of('1.22'),
      provider: LoadBalancerProvider.metalLb({ sharingKey: 'kerberos' }),
      ports: [{ name: 'kerberos', port: 88, nodePort: 30088, tcpNodePort: 30089 }],
    });
    expect(endpoint.split).toBe(true);
    expect(endpoint.sharedAddress).toBeDefined();
    expect(services.map((s) => [s.metadata.name, s.metadata.annotations['external-dns.kubernetes.io/hostname']])).toEqual([
      ['kerberos-tcp', 'kdc.example.com'],
      ['kerberos-udp', 'kdc.example.com'],
    ]);
    expect(records.map((r) => r.spec.endpoints[0].targets)).toEqual([['10 100 88 kdc.example.com.'], ['10 100 88 kdc.example.com.']]);
  });

  test('the domain defaults to the hostname; dns.port picks a port of several (kpasswd 464 beside 88)', () => {
    const { records } = synth({
      ...KERBEROS,
      ports: [{ name: 'kerberos', port: 88 }, { name: 'kpasswd', port: 464 }],
      dns: { service: 'kpasswd', hostname: 'kdc.example.com', port: 464 },
    });
    expect(records.map((r) => [r.spec.endpoints[0].dnsName, r.spec.endpoints[0].targets])).toEqual([
      ['_kpasswd._udp.kdc.example.com', ['10 100 464 udp.kdc.example.com.']],
      ['_kpasswd._tcp.kdc.example.com', ['10 100 464 tcp.kdc.example.com.']],
    ]);
  });

  test('ports added later with addPort(): the first one is named; records without a metadata name get generated names', () => {
    const c = chart();
    const endpoint = new DualProtocolEndpoint(c, 'kdc', {
      type: ServiceType.LOAD_BALANCER,
      provider: LoadBalancerProvider.awsInTree(),
      dns: { service: 'kerberos', hostname: 'kdc.example.com', domain: 'example.com' },
    });
    endpoint.addPort({ name: 'kerberos', port: 88 });
    endpoint.addPort({ name: 'kpasswd', port: 464 });
    expect(UdpRules.messages(c)).toEqual([]);
    const records = expectValidDnsEndpoints(Testing.synth(c));
    expect(records.map((r) => [r.metadata.name, r.spec.endpoints[0].targets])).toEqual([
      [expect.stringMatching(/^test-kdc-srv-udp-c8[0-9a-f]{6}$/), ['10 100 88 udp.kdc.example.com.']],
      [expect.stringMatching(/^test-kdc-srv-tcp-c8[0-9a-f]{6}$/), ['10 100 88 tcp.kdc.example.com.']],
    ]);
    expect(endpoint.serviceFor(Protocol.UDP).externalDns.hostnames).toEqual(['udp.kdc.example.com']);
    expect(endpoint.serviceFor(Protocol.TCP).externalDns.hostnames).toEqual(['tcp.kdc.example.com']);
  });
});

test('a ClusterIP endpoint: one Service, both records at the hostname, and the UDP411 warning about --publish-internal-services', () => {
  const c = chart();
  const endpoint = new DualProtocolEndpoint(c, 'kerberos', { ...KERBEROS, type: ServiceType.CLUSTER_IP, provider: undefined });
  expect(endpoint.split).toBe(false);
  expect(UdpRules.findings(c).map((f) => `${f.severity} ${f.ruleId} ${f.field} ${JSON.stringify(f.value)}`)).toEqual([
    'warning UDP411 hostname "kdc.example.com"',
  ]);
  const records = expectValidDnsEndpoints(Testing.synth(c));
  expect(records.map((r) => r.spec.endpoints[0].targets)).toEqual([['10 100 88 kdc.example.com.'], ['10 100 88 kdc.example.com.']]);
});

describe('DualProtocolEndpoint dns bad input: each reported with its exact message', () => {
  test('SRV records on a split endpoint with no hostname to point at', () => {
    expect(messages({ ...KERBEROS, dns: { service: 'kerberos', domain: 'example.com' } })).toEqual([
      `[UDP406] test/kerberos: dns.hostname (unset): is needed: the endpoint is split into two Services on two addresses (${IN_TREE}), `
      + 'so _kerberos._udp and _kerberos._tcp must point at a hostname of each protocol\'s Service, and there is none '
      + `(dns.hostname (the Services publish tcp.<hostname> and udp.<hostname>), or dns.tcpHostname and dns.udpHostname; ${RFC2782})`,
    ]);
  });

  test('a split endpoint with only one per-protocol hostname', () => {
    expect(messages({ ...KERBEROS, dns: { service: 'kerberos', domain: 'example.com', udpHostname: 'kdc.example.com' } })).toEqual([
      `[UDP406] test/kerberos: dns.hostname (unset): is needed: the endpoint is split into two Services on two addresses (${IN_TREE}), `
      + 'so _kerberos._tcp must point at a hostname of its protocol\'s Service, and there is none '
      + `(dns.hostname (the Services publish tcp.<hostname> and udp.<hostname>), or dns.tcpHostname and dns.udpHostname; ${RFC2782})`,
    ]);
  });

  test('one Service with no hostname to point at', () => {
    expect(messages({
      ...KERBEROS,
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
      dns: { service: 'kerberos', domain: 'example.com' },
    })).toEqual([
      `[UDP406] test/kerberos: dns.hostname (unset): is needed: _kerberos._udp and _kerberos._tcp must point at the endpoint's hostname, and there is none (dns.hostname, or dns.tcpHostname and dns.udpHostname; ${RFC2782})`,
    ]);
  });

  test('no hostname and no domain', () => {
    expect(messages({ ...KERBEROS, dns: { service: 'kerberos', tcpHostname: 'a.example.com', udpHostname: 'b.example.com' } })).toEqual([
      `[UDP401] test/kerberos: dns.domain (unset): is needed when dns.hostname is unset: the SRV records live under it (a DNS name such as example.com (for _service._udp.example.com); ${RFC1035})`,
    ]);
  });

  test.each([
    ['kerberos_v5', "must consist of letters, digits and single '-', and start and end with a letter or digit"],
    ['kerberos-master-kdc', 'must be no more than 15 characters (has 19)'],
  ])('service %p does not make _name', (service, problem) => {
    expect(messages({ ...KERBEROS, dns: { service, hostname: 'kdc.example.com', domain: 'example.com' } })).toEqual([
      `[UDP403] test/kerberos: dns.service ${JSON.stringify(service)}: ${problem}, to make the _service label of _service._proto.domain (a service name such as kerberos, ldap or sip; ${RFC6335})`,
    ]);
  });

  test('hostnames and domain that are not DNS names; a hostname that makes too long a per-protocol name', () => {
    expect(messages({ ...KERBEROS, dns: { service: 'kerberos', hostname: '*.example.com', domain: 'example com' } })).toEqual([
      `[UDP401] test/kerberos: dns.hostname "*.example.com": label "*" must consist of letters, digits and '-', and must start and end with a letter or digit (${DNS_NAME}; ${RFC1035})`,
      `[UDP401] test/kerberos: dns.domain "example com": label "example com" must consist of letters, digits and '-', and must start and end with a letter or digit (${DNS_NAME}; ${RFC1035})`,
    ]);
    const hostname = `${'h'.repeat(63)}.${'h'.repeat(63)}.${'h'.repeat(63)}.${'h'.repeat(54)}.com`; // 250 characters
    expect(hostname.length).toBe(250);
    expect(messages({ ...KERBEROS, dns: { service: 'kerberos', hostname, domain: 'example.com' } })).toEqual([
      `[UDP401] test/kerberos: dns.hostname "${hostname.slice(0, 116)}...: makes the UDP Service's hostname udp.${hostname}, which must be no more than 253 characters (has 254) (a shorter hostname, or an explicit dns.udpHostname; ${RFC1035})`,
      `[UDP401] test/kerberos: dns.hostname "${hostname.slice(0, 116)}...: makes the TCP Service's hostname tcp.${hostname}, which must be no more than 253 characters (has 254) (a shorter hostname, or an explicit dns.tcpHostname; ${RFC1035})`,
    ]);
    expect(messages({ ...KERBEROS, dns: { service: 'kerberos', tcpHostname: 'tcp_kdc.example.com', udpHostname: 'udp.kdc.example.com', domain: 'example.com' } })).toEqual([
      `[UDP401] test/kerberos: dns.tcpHostname "tcp_kdc.example.com": label "tcp_kdc" must consist of letters, digits and '-', and must start and end with a letter or digit (${DNS_NAME}; ${RFC1035})`,
    ]);
  });

  test('a domain that makes the SRV record name longer than 253 characters', () => {
    const domain = `${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(44)}.com`; // 240 characters
    expect(messages({ ...KERBEROS, dns: { service: 'kerberos', hostname: 'kdc.example.com', domain } })).toEqual([
      `[UDP401] test/kerberos: dns.domain "${domain.slice(0, 116)}...: makes the record name _kerberos._udp.${domain}, of 255 characters: must be no more than 253 characters (has 255) (a shorter domain: _service._proto.domain is at most 253 characters; ${RFC1035})`,
    ]);
  });

  test.each([
    ['priority', -1],
    ['priority', 65536],
    ['weight', 100000],
    ['weight', 2.5],
  ])('dns.%s %p outside 0..65535', (field, value) => {
    expect(messages({ ...KERBEROS, dns: { service: 'kerberos', hostname: 'kdc.example.com', domain: 'example.com', [field]: value } })).toEqual([
      `[UDP405] test/kerberos: dns.${field} ${value}: must be a whole number between 0 and 65535 (0..65535; ${ENDPOINT})`,
    ]);
  });

  test.each([
    [0, '0', ''],
    [2147483648, '2147483648', ''],
    [Duration.millis(100), '0.1', ' (a Duration of 0.1 s)'],
  ])('dns.ttl %p out of range', (ttl, shown, suffix) => {
    expect(messages({ ...KERBEROS, dns: { service: 'kerberos', hostname: 'kdc.example.com', domain: 'example.com', ttl } })).toEqual([
      `[UDP402] test/kerberos: dns.ttl ${shown}: must be a whole number of seconds between 1 and 2147483647${suffix} (1..2147483647 seconds; ${ANNOTATIONS})`,
    ]);
  });

  test('dns.port that is not a port of the endpoint; an endpoint without ports', () => {
    expect(messages({ ...KERBEROS, dns: { service: 'kerberos', hostname: 'kdc.example.com', domain: 'example.com', port: 750 } })).toEqual([
      `[UDP410] test/kerberos: dns.port 750: is not a port of the endpoint (one of the endpoint's ports: 88; ${RFC2782})`,
    ]);
    const c = chart();
    new DualProtocolEndpoint(c, 'kerberos', { ...KERBEROS, ports: undefined });
    expect(UdpRules.messages(c)).toEqual([
      `[UDP410] test/kerberos: ports []: is empty: the SRV records of dns need a port to name (a port added with ports or addPort(); ${RFC2782})`,
      '[UDP117] test/kerberos/tcp: spec.ports []: must have at least one port (one or more ports; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)',
      '[UDP117] test/kerberos/udp: spec.ports []: must have at least one port (one or more ports; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)',
    ]);
  });

  test('bad dns input is reported once, on the endpoint, not again by its SRV records; synthesis fails', () => {
    const c = chart();
    new DualProtocolEndpoint(c, 'kerberos', { ...KERBEROS, dns: { service: '', hostname: 'kdc.example.com', domain: 'example.com', priority: -1 } });
    expect(UdpRules.findings(c).map((f) => `${f.ruleId} ${f.field}`)).toEqual(['UDP403 dns.service', 'UDP405 dns.priority']);
    expect(() => Testing.synth(c)).toThrow(/\[test\/kerberos\] \[UDP403\] dns.service ""/);
  });
});
