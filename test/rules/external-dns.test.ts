import { formatFinding } from '../../src/core/finding';
import { checkObjects } from '../../src/rules/engine';
import { EXTERNAL_DNS_RULES, parseExternalDnsTtl } from '../../src/rules/external-dns';
import { KubeObject } from '../../src/rules/manifest';

const ENDPOINT = 'https://github.com/kubernetes-sigs/external-dns/blob/master/endpoint/endpoint.go';
const ANNOTATIONS = 'https://github.com/kubernetes-sigs/external-dns/blob/master/docs/annotations/annotations.md';
const RFC2782 = 'https://www.rfc-editor.org/rfc/rfc2782';
const RFC1035 = 'https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4';
const DNS_NAME = 'a DNS name such as dns.example.com: at most 253 characters, labels of 1..63 [A-Za-z0-9-]';

function dnsEndpoint(endpoints: Array<Record<string, unknown>>, apiVersion = 'externaldns.k8s.io/v1alpha1'): KubeObject {
  return { apiVersion, kind: 'DNSEndpoint', metadata: { name: 'kerberos' }, spec: { endpoints } };
}

function srv(targets: unknown[], dnsName = '_kerberos._udp.example.com'): Record<string, unknown> {
  return { dnsName, recordType: 'SRV', recordTTL: 300, targets };
}

function service(annotations: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'dns', annotations }, spec: { ports: [{ port: 53, protocol: 'UDP' }] } };
}

function lint(objects: KubeObject[]): string[] {
  return checkObjects(objects, EXTERNAL_DNS_RULES).map((x) => `${x.severity} ${formatFinding(x, 'obj')}`);
}

test('a good DNSEndpoint and good annotations pass', () => {
  const good = dnsEndpoint([
    srv(['0 10 88 kdc-a.example.com.', '0 10 88 kdc-b.example.com.']),
    srv(['0 10 88 kdc-a.example.com.'], '_kerberos._tcp.example.com.'),
    { dnsName: 'kdc-a.example.com', recordType: 'A', targets: ['10.0.0.1'] },
    { dnsName: '*.example.com', recordType: 'A', recordTTL: 0, targets: ['10.0.0.2'] },
  ]);
  const annotated = service({
    'external-dns.alpha.kubernetes.io/hostname': 'test.example.com, other.example.com',
    'external-dns.kubernetes.io/hostname': 'test.example.com',
    'external-dns.alpha.kubernetes.io/ttl': '160',
    'external-dns.kubernetes.io/ttl': '2m30s',
  });
  expect(lint([good, annotated])).toEqual([]);
});

test('objects of another group named DNSEndpoint and odd shapes are left alone without throwing', () => {
  expect(lint([dnsEndpoint([srv(['1 2 3 x'])], 'example.com/v1')])).toEqual([]);
  const odd = [
    { kind: 'DNSEndpoint', apiVersion: 'externaldns.k8s.io/v1alpha1', spec: { endpoints: 'x' } },
    { kind: 'DNSEndpoint', apiVersion: 'externaldns.k8s.io/v1alpha1', spec: { endpoints: [null, { recordType: 'SRV', targets: 'x' }] } },
    { kind: 'Service', metadata: { annotations: { 'external-dns.kubernetes.io/ttl': 5 } } },
  ] as unknown as KubeObject[];
  expect(() => checkObjects(odd, EXTERNAL_DNS_RULES)).not.toThrow();
});

describe('UDP430: SRV targets end with a dot', () => {
  test('a target without the dot, with the fix', () => {
    expect(lint([dnsEndpoint([srv(['0 10 88 kdc.example.com'])])])).toEqual([
      'error [UDP430] obj: spec.endpoints[0].targets[0] "0 10 88 kdc.example.com": does not end with a dot: ExternalDNS (v0.21.0 and later) '
      + 'drops the whole SRV endpoint, with only a warning ("priority weight port host." with the trailing dot (or, for ExternalDNS v0.20.0 and '
      + `earlier, say so: --external-dns-version); ${ENDPOINT}) Fix: write "0 10 88 kdc.example.com."`,
    ]);
  });

  test('for ExternalDNS v0.20.0 and earlier, the dot is the mistake; v0.21.x publishes neither form; v0.22 and later need the dot', () => {
    const objects = [dnsEndpoint([srv(['0 10 88 kdc.example.com.', '0 10 88 kdc2.example.com'])])];
    const at = (version: string) => checkObjects(objects, EXTERNAL_DNS_RULES, { externalDnsVersion: version }).map((f) => `${f.field} ${f.message}`);
    expect(at('0.20')).toEqual([
      'spec.endpoints[0].targets[0] ends with a dot, which ExternalDNS 0.20 skips as an illegal target format',
    ]);
    expect(at('v0.21.0')).toEqual([
      'spec.endpoints[0].targets[0] is never published: ExternalDNS v0.21.0 publishes no DNSEndpoint SRV record, with or without the dot',
      'spec.endpoints[0].targets[1] is never published: ExternalDNS v0.21.0 publishes no DNSEndpoint SRV record, with or without the dot',
    ]);
    expect(at('0.22.1')).toEqual([
      'spec.endpoints[0].targets[1] does not end with a dot: ExternalDNS (v0.21.0 and later) drops the whole SRV endpoint, with only a warning',
    ]);
  });

  test('A records need no trailing dot', () => {
    expect(lint([dnsEndpoint([{ dnsName: 'kdc.example.com', recordType: 'CNAME', targets: ['lb.example.com'] }])])).toEqual([]);
  });
});

describe('UDP431: SRV target fields', () => {
  test('three fields, a port over 65535, letters for numbers, a bad host, not a string', () => {
    const targets = ['0 10 kdc.example.com.', '0 10 70000 kdc.example.com.', 'a 1 88 bad_host.example.com.', 7];
    expect(lint([dnsEndpoint([srv(targets)])])).toEqual([
      'error [UDP431] obj: spec.endpoints[0].targets[0] "0 10 kdc.example.com.": has 3 fields, not 4 '
      + `("priority weight port host.", for example "0 10 88 kdc.example.com."; ${ENDPOINT})`,
      'error [UDP431] obj: spec.endpoints[0].targets[1] "0 10 70000 kdc.example.com.": port "70000" must be a whole number between 0 and 65535 '
      + `(port: 0..65535; ${ENDPOINT})`,
      'error [UDP431] obj: spec.endpoints[0].targets[2] "a 1 88 bad_host.example.com.": priority "a" must be a whole number between 0 and 65535 '
      + `(priority: 0..65535; ${ENDPOINT})`,
      'error [UDP431] obj: spec.endpoints[0].targets[2] "a 1 88 bad_host.example.com.": host "bad_host.example.com.": label "bad_host" must '
      + `consist of letters, digits and '-', and must start and end with a letter or digit (${DNS_NAME}; ${ENDPOINT})`,
      `error [UDP431] obj: spec.endpoints[0].targets[3] 7: must be a string ("priority weight port host."; ${ENDPOINT})`,
    ]);
  });
});

describe('UDP432: SRV names are _service._proto.domain', () => {
  const allowed = `_service._udp.domain or _service._tcp.domain, for example _kerberos._udp.example.com; ${RFC2782}`;

  test('no underscores, a protocol that is not udp or tcp, a service name over 15 characters, a bad domain', () => {
    const endpoints = [
      srv(['0 0 88 kdc.example.com.'], 'kerberos._udp.example.com'),
      srv(['0 0 88 kdc.example.com.'], '_kerberos._sctp.example.com'),
      srv(['0 0 88 kdc.example.com.'], '_averyveryverylongname._udp.example.com'),
      srv(['0 0 88 kdc.example.com.'], '_kerberos._udp.bad_domain'),
    ];
    expect(lint([dnsEndpoint(endpoints)])).toEqual([
      `error [UDP432] obj: spec.endpoints[0].dnsName "kerberos._udp.example.com": is not of the form _service._proto.domain (${allowed})`,
      `error [UDP432] obj: spec.endpoints[1].dnsName "_kerberos._sctp.example.com": protocol label "_sctp" must be _udp or _tcp (${allowed})`,
      'error [UDP432] obj: spec.endpoints[2].dnsName "_averyveryverylongname._udp.example.com": service label "_averyveryverylongname" '
      + `must be no more than 15 characters (has 21), to make the _service label of _service._proto.domain (${allowed})`,
      'error [UDP432] obj: spec.endpoints[3].dnsName "_kerberos._udp.bad_domain": domain "bad_domain": label "bad_domain" must consist of '
      + `letters, digits and '-', and must start and end with a letter or digit (${allowed})`,
    ]);
  });
});

describe('UDP433: DNSEndpoint names and TTLs', () => {
  test('an empty label and a negative TTL', () => {
    expect(lint([dnsEndpoint([{ dnsName: 'kdc..example.com', recordType: 'A', recordTTL: -1, targets: ['10.0.0.1'] }])])).toEqual([
      'error [UDP433] obj: spec.endpoints[0].dnsName "kdc..example.com": must not have an empty label (two dots in a row, or a leading dot) '
      + `(${DNS_NAME}; ${RFC1035})`,
      `error [UDP433] obj: spec.endpoints[0].recordTTL -1: must be a whole number of seconds between 1 and 2147483647 (1..2147483647 seconds; ${RFC1035})`,
    ]);
  });
});

describe('UDP434: hostname annotations', () => {
  test('both prefixes, one bad name of several, internal-hostname', () => {
    const bad = "label \"bad_name\" must consist of letters, digits and '-', and must start and end with a letter or digit";
    expect(lint([service({
      'external-dns.alpha.kubernetes.io/hostname': 'ok.example.com, bad_name.example.com',
      'external-dns.kubernetes.io/hostname': 'bad_name.example.com',
      'external-dns.kubernetes.io/internal-hostname': 'x'.repeat(64) + '.example.com',
    })])).toEqual([
      `error [UDP434] obj: metadata.annotations["external-dns.alpha.kubernetes.io/hostname"] "ok.example.com, bad_name.example.com": "bad_name.example.com": ${bad} (${DNS_NAME}; ${ANNOTATIONS})`,
      `error [UDP434] obj: metadata.annotations["external-dns.kubernetes.io/hostname"] "bad_name.example.com": ${bad} (${DNS_NAME}; ${ANNOTATIONS})`,
      `error [UDP434] obj: metadata.annotations["external-dns.kubernetes.io/internal-hostname"] "${'x'.repeat(64)}.example.com": label "xxxxxxxxxxxxxxxxxxxx..." `
      + `must be no more than 63 characters (has 64) (${DNS_NAME}; ${ANNOTATIONS})`,
    ]);
  });

  test('other annotations of ExternalDNS and of others are not hostnames', () => {
    expect(lint([service({ 'external-dns.kubernetes.io/target': 'not a name', 'example.com/hostname': 'bad_name' })])).toEqual([]);
  });
});

describe('UDP435: ttl annotations', () => {
  test('seconds or Go durations, truncated to whole seconds, as ExternalDNS reads them', () => {
    expect(parseExternalDnsTtl('160')).toBe(160);
    expect(parseExternalDnsTtl(' 90s ')).toBe(90);
    expect(parseExternalDnsTtl('1h30m')).toBe(5400);
    expect(parseExternalDnsTtl('1.5m')).toBe(90);
    expect(parseExternalDnsTtl('1500ms')).toBe(1);
    expect(parseExternalDnsTtl('-5')).toBe(-5);
    expect(parseExternalDnsTtl('soon')).toBeUndefined();
    expect(parseExternalDnsTtl('5 m')).toBeUndefined();
  });

  test('zero, a word, over 2147483647', () => {
    expect(lint([service({
      'external-dns.kubernetes.io/ttl': '0s',
      'external-dns.alpha.kubernetes.io/ttl': 'soon',
    }), service({ 'external-dns.alpha.kubernetes.io/ttl': '3000000000' })])).toEqual([
      'error [UDP435] obj: metadata.annotations["external-dns.kubernetes.io/ttl"] "0s": must be a whole number of seconds between 1 and '
      + `2147483647 (0 seconds): ExternalDNS ignores it (1..2147483647 seconds; ${ANNOTATIONS})`,
      'error [UDP435] obj: metadata.annotations["external-dns.alpha.kubernetes.io/ttl"] "soon": is neither whole seconds nor a duration: '
      + `ExternalDNS ignores it (whole seconds such as "160", or a duration such as "60s" or "5m"; ${ANNOTATIONS})`,
      'error [UDP435] obj: metadata.annotations["external-dns.alpha.kubernetes.io/ttl"] "3000000000": must be a whole number of seconds '
      + `between 1 and 2147483647: ExternalDNS ignores it (1..2147483647 seconds; ${ANNOTATIONS})`,
    ]);
  });
});

test('ids UDP430..UDP435 in order', () => {
  expect(EXTERNAL_DNS_RULES.map((r) => r.id)).toEqual(['UDP430', 'UDP431', 'UDP432', 'UDP433', 'UDP434', 'UDP435']);
});
