import { Duration, Testing } from 'cdk8s';
import { expectValidDnsEndpoints, schemaErrors } from './dns-endpoint-schema';
import { chart, only } from './helpers';
import { checkObjects, OBJECT_RULES, SrvProtocol, SrvRecord, SrvRecordProps, UdpRules } from '../../src';

const RFC1035 = 'https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4';
const RFC2782 = 'https://www.rfc-editor.org/rfc/rfc2782';
const RFC6335 = 'https://www.rfc-editor.org/rfc/rfc6335#section-5.1';
const ENDPOINT = 'https://github.com/kubernetes-sigs/external-dns/blob/master/endpoint/endpoint.go';
const ANNOTATIONS = 'https://github.com/kubernetes-sigs/external-dns/blob/master/docs/annotations/annotations.md';
const DNS_NAME = 'a DNS name such as dns.example.com: at most 253 characters, labels of 1..63 [A-Za-z0-9-]';

const KERBEROS: SrvRecordProps = {
  metadata: { name: 'kerberos-udp' },
  service: 'kerberos',
  protocol: SrvProtocol.UDP,
  domain: 'example.com',
  targets: [{ host: 'kdc.example.com', port: 88, priority: 0, weight: 100 }],
};

/** The one DNSEndpoint of a chart with one SrvRecord built from `props`, checked against the CRD schema. */
function dnsEndpoint(props: SrvRecordProps): any {
  const c = chart();
  new SrvRecord(c, 'srv', props);
  const objects = Testing.synth(c);
  expect(expectValidDnsEndpoints(objects)).toHaveLength(1);
  expect(checkObjects(objects, OBJECT_RULES)).toEqual([]);
  return only(c, 'DNSEndpoint');
}

/** The messages synthesis would report for one SrvRecord built from `props`. */
function messages(props: Partial<SrvRecordProps>): string[] {
  const c = chart();
  new SrvRecord(c, 'srv', { ...KERBEROS, ...props } as SrvRecordProps);
  return UdpRules.messages(c);
}

describe('SrvRecord', () => {
  test('one DNSEndpoint with one SRV endpoint, the target host with its trailing dot', () => {
    expect(dnsEndpoint({ ...KERBEROS, ttl: 300 })).toEqual({
      apiVersion: 'externaldns.k8s.io/v1alpha1',
      kind: 'DNSEndpoint',
      metadata: { name: 'kerberos-udp' },
      spec: {
        endpoints: [{
          dnsName: '_kerberos._udp.example.com',
          recordType: 'SRV',
          targets: ['0 100 88 kdc.example.com.'],
          recordTTL: 300,
        }],
      },
    });
  });

  test('defaults: priority 10, weight 100, no recordTTL; a generated name', () => {
    const object = dnsEndpoint({ service: 'ldap', protocol: SrvProtocol.TCP, domain: 'example.com', targets: [{ host: 'ldap.example.com', port: 389 }] });
    expect(object.metadata.name).toMatch(/^test-srv-c8[0-9a-f]+$/);
    expect(object.spec).toEqual({
      endpoints: [{ dnsName: '_ldap._tcp.example.com', recordType: 'SRV', targets: ['10 100 389 ldap.example.com.'] }],
    });
  });

  test('underscores and trailing dots given or not: one of each; several targets in order; a Duration TTL', () => {
    const c = chart();
    const record = new SrvRecord(c, 'sip', {
      metadata: { name: 'sip', namespace: 'voice' },
      service: '_sip',
      protocol: SrvProtocol.UDP,
      domain: 'example.com.',
      targets: [{ host: 'sip-a.example.com.', port: 5060, priority: 0, weight: 60 }],
      ttl: Duration.minutes(1),
    });
    record.addTarget({ host: 'sip-b.example.com', port: 5060, priority: 0, weight: 40 });
    record.addTarget({ host: 'backup.example.net', port: 5080, priority: 65535, weight: 0 });
    expect(record.recordName).toBe('_sip._udp.example.com');
    expect(record.values).toEqual(['0 60 5060 sip-a.example.com.', '0 40 5060 sip-b.example.com.', '65535 0 5080 backup.example.net.']);
    expect(record.ttlSeconds).toBe(60);
    expect(record.name).toBe('sip');
    const objects = Testing.synth(c);
    expectValidDnsEndpoints(objects);
    expect(only(c, 'DNSEndpoint')).toEqual({
      apiVersion: 'externaldns.k8s.io/v1alpha1',
      kind: 'DNSEndpoint',
      metadata: { name: 'sip', namespace: 'voice' },
      spec: {
        endpoints: [{
          dnsName: '_sip._udp.example.com',
          recordType: 'SRV',
          targets: ['0 60 5060 sip-a.example.com.', '0 40 5060 sip-b.example.com.', '65535 0 5080 backup.example.net.'],
          recordTTL: 60,
        }],
      },
    });
  });

  test('the strict schema check catches a field the API server would prune', () => {
    expect(schemaErrors({
      apiVersion: 'externaldns.k8s.io/v1alpha1',
      kind: 'DNSEndpoint',
      metadata: { name: 'x' },
      spec: { endpoints: [{ dnsName: '_x._udp.example.com', recordType: 'SRV', targets: ['0 0 1 x.example.com.'], recordTtl: 60 }] },
    })).toEqual(['/spec/endpoints/0 must NOT have additional properties (recordTtl)']);
    expect(schemaErrors({ apiVersion: 'externaldns.k8s.io/v1alpha1', kind: 'DNSEndpoint', spec: { endpoints: [{ recordTTL: '60' }] } }))
      .toEqual(['/spec/endpoints/0/recordTTL must be integer']);
  });
});

describe('SrvRecord bad input: each reported with its exact message', () => {
  test.each([
    ['kerberos-adm-server', 'must be no more than 15 characters (has 19)'],
    ['ker_beros', "must consist of letters, digits and single '-', and start and end with a letter or digit"],
    ['ker--beros', "must consist of letters, digits and single '-', and start and end with a letter or digit"],
    ['-kerberos', "must consist of letters, digits and single '-', and start and end with a letter or digit"],
    ['_', 'must be a non-empty string'],
    ['', 'must be a non-empty string'],
    ['8888', 'must contain at least one letter'],
  ])('service %p does not make _name', (service, problem) => {
    expect(messages({ service })).toEqual([
      `[UDP403] test/srv: service ${JSON.stringify(service)}: ${problem}, to make the _service label of _service._proto.domain (a service name such as kerberos, ldap or sip; ${RFC6335})`,
    ]);
  });

  test.each(['sctp', 'tls', '', '_'])('protocol %p does not make _udp or _tcp', (protocol) => {
    expect(messages({ protocol: protocol as SrvProtocol })).toEqual([
      `[UDP404] test/srv: protocol ${JSON.stringify(protocol)}: must be udp or tcp, to make _service._udp or _service._tcp (udp or tcp; ${RFC2782})`,
    ]);
  });

  test.each([
    ['priority', -1],
    ['priority', 65536],
    ['weight', 70000],
    ['weight', 0.5],
    ['port', -88],
    ['port', 65536],
  ])('%s %p outside 0..65535', (field, value) => {
    expect(messages({ targets: [{ host: 'kdc.example.com', port: 88, [field]: value }] })).toEqual([
      `[UDP405] test/srv: targets[0].${field} ${value}: must be a whole number between 0 and 65535 (0..65535; ${ENDPOINT})`,
    ]);
  });

  test('the bounds 0 and 65535 are fine', () => {
    expect(messages({ targets: [{ host: 'kdc.example.com', port: 0, priority: 65535, weight: 0 }] })).toEqual([]);
    expect(messages({ targets: [{ host: 'kdc.example.com', port: 65535, priority: 0, weight: 65535 }] })).toEqual([]);
  });

  test('a target host that is not a DNS name', () => {
    expect(messages({ targets: [{ host: 'kdc_1.example.com', port: 88 }, { host: `${'k'.repeat(64)}.example.com`, port: 88 }] })).toEqual([
      `[UDP401] test/srv: targets[0].host "kdc_1.example.com": label "kdc_1" must consist of letters, digits and '-', and must start and end with a letter or digit (${DNS_NAME}; ${RFC1035})`,
      `[UDP401] test/srv: targets[1].host "${'k'.repeat(64)}.example.com": label "kkkkkkkkkkkkkkkkkkkk..." must be no more than 63 characters (has 64) (${DNS_NAME}; ${RFC1035})`,
    ]);
  });

  test('a domain that is not a DNS name, or that makes a record name over 253 characters', () => {
    expect(messages({ domain: 'example..com' })).toEqual([
      `[UDP401] test/srv: domain "example..com": must not have an empty label (two dots in a row, or a leading dot) (${DNS_NAME}; ${RFC1035})`,
    ]);
    const domain = `${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(44)}.com`; // 240 characters
    expect(domain.length).toBe(240);
    expect(messages({ domain })).toEqual([
      `[UDP401] test/srv: domain "${domain.slice(0, 116)}...: makes the record name _kerberos._udp.${domain}, of 255 characters: must be no more than 253 characters (has 255) (a shorter domain: _service._proto.domain is at most 253 characters; ${RFC1035})`,
    ]);
  });

  test('no target', () => {
    expect(messages({ targets: undefined })).toEqual([
      `[UDP406] test/srv: targets []: is empty: an SRV record needs at least one target to point at (one or more { host, port, priority, weight }, in props.targets or with addTarget(); ${RFC2782})`,
    ]);
  });

  test.each([
    [null, 'null'],
    [undefined, '(unset)'],
    [88, '88'],
    ['0 100 88 kdc.example.com.', '"0 100 88 kdc.example.com."'],
    [['kdc.example.com', 88], '["kdc.example.com",88]'],
  ])('a target %p that is not a target object (untyped input): a finding, not a TypeError', (target, shown) => {
    const c = chart();
    const record = new SrvRecord(c, 'srv', { ...KERBEROS, targets: [KERBEROS.targets![0], target as never] });
    expect(UdpRules.messages(c)).toEqual([
      `[UDP406] test/srv: targets[1] ${shown}: is not a target, so it names no host to point at ({ host, port, priority, weight }, such as { host: 'kdc.example.com', port: 88 }; ${RFC2782})`,
    ]);
    // the accessors skip it rather than throw
    expect(record.values).toEqual(['0 100 88 kdc.example.com.']);
    expect(() => Testing.synth(c)).toThrow(/\[test\/srv\] \[UDP406\] targets\[1\]/);
  });

  test('a target passed to addTarget() that is not an object is reported the same way', () => {
    const c = chart();
    new SrvRecord(c, 'srv', { ...KERBEROS, targets: undefined }).addTarget(null as never);
    expect(UdpRules.findings(c).map((f) => [f.ruleId, f.field])).toEqual([['UDP406', 'targets[0]']]);
  });

  test.each([
    [{ host: 'kdc.example.com', port: 88 }, '{"host":"kdc.example.com","port":88}'],
    ['kdc.example.com', '"kdc.example.com"'],
  ])('targets given as %p rather than a list', (targets, shown) => {
    expect(messages({ targets: targets as never })).toEqual([
      `[UDP406] test/srv: targets ${shown}: is not a list of targets (a list of { host, port, priority, weight }, such as [{ host: 'kdc.example.com', port: 88 }]; ${RFC2782})`,
    ]);
  });

  test.each([
    [0, '0', ''],
    [2147483648, '2147483648', ''],
    [Duration.millis(500), '0.5', ' (a Duration of 0.5 s)'],
  ])('TTL %p out of range', (ttl, shown, suffix) => {
    expect(messages({ ttl })).toEqual([
      `[UDP402] test/srv: ttl ${shown}: must be a whole number of seconds between 1 and 2147483647${suffix} (1..2147483647 seconds; ${ANNOTATIONS})`,
    ]);
  });

  test('every problem together, and synthesis fails with them', () => {
    const c = chart();
    new SrvRecord(c, 'srv', { service: 'x_y', protocol: 'sctp' as SrvProtocol, domain: 'example.com', targets: [{ host: 'kdc.example.com', port: 99999 }], ttl: 0 });
    expect(UdpRules.findings(c).map((f) => f.ruleId)).toEqual(['UDP403', 'UDP404', 'UDP405', 'UDP402']);
    expect(() => Testing.synth(c)).toThrow(/\[test\/srv\] \[UDP403\] service "x_y"/);
  });
});

describe('externalDnsVersion: the target form of the ExternalDNS release', () => {
  const props = { service: 'kerberos', protocol: SrvProtocol.UDP, domain: 'example.com', targets: [{ host: 'kdc.example.com.', port: 88 }] };

  test.each([
    [undefined, ['10 100 88 kdc.example.com.']],
    ['0.22', ['10 100 88 kdc.example.com.']],
    ['v0.20.0', ['10 100 88 kdc.example.com']],
    ['0.14', ['10 100 88 kdc.example.com']],
  ])('ExternalDNS %p: targets %p, and no finding', (version, targets) => {
    const c = chart();
    const record = new SrvRecord(c, 'srv', { ...props, externalDnsVersion: version });
    expect(record.values).toEqual(targets);
    expect(only(c, 'DNSEndpoint').spec.endpoints[0].targets).toEqual(targets);
    expect(UdpRules.messages(c)).toEqual([]);
  });

  test('ExternalDNS 0.21 publishes no DNSEndpoint SRV record: an error; a version that is no release is UDP436', () => {
    const c = chart();
    new SrvRecord(c, 'srv', { ...props, externalDnsVersion: '0.21' });
    new SrvRecord(c, 'bad', { ...props, externalDnsVersion: 'latest' });
    expect(UdpRules.messages(c)).toEqual([
      '[UDP430] test/srv: spec.endpoints[0].targets[0] "10 100 88 kdc.example.com.": is never published: ExternalDNS 0.21 publishes no DNSEndpoint SRV record, with or without the dot (ExternalDNS v0.22.0 or later (targets with the dot), or v0.20.x (targets without it); https://github.com/kubernetes-sigs/external-dns/blob/master/endpoint/endpoint.go)',
      '[UDP436] test/bad: externalDnsVersion "latest": is not a release number (an ExternalDNS release such as "0.20" or "v0.22.0"; https://github.com/kubernetes-sigs/external-dns/pull/6383)',
    ]);
  });
});
