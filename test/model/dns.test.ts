import * as fc from 'fast-check';
import {
  checkHostname,
  checkSrvNumber,
  checkSrvProtocol,
  checkSrvService,
  checkSrvTarget,
  checkTtl,
  DNS_RULES,
  fqdn,
  hostnameProblem,
  SrvProtocol,
  srvRecordName,
  srvTarget,
  withoutTrailingDot,
} from '../../src/model/dns';
import { formatFinding } from '../../src/rules/finding';

const RFC1035 = 'https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4';
const ALLOWED = 'a DNS name such as dns.example.com: at most 253 characters, labels of 1..63 [A-Za-z0-9-]';

describe('hostnames', () => {
  test('DNS names pass, with or without the trailing dot', () => {
    for (const name of ['dns.example.com', 'dns.example.com.', 'a', 'A-1.Example.COM', `${'a'.repeat(63)}.com`]) {
      expect(checkHostname(name, 'dns.hostname')).toEqual([]);
    }
  });

  test('253 characters is the limit (254 with the trailing dot)', () => {
    const label = 'a'.repeat(63);
    const name253 = [label, label, label, 'a'.repeat(61)].join('.');
    expect(name253).toHaveLength(253);
    expect(hostnameProblem(name253)).toBeUndefined();
    expect(hostnameProblem(`${name253}.`)).toBeUndefined();
    expect(checkHostname(`a${name253}`, 'dns.hostname').map((f) => formatFinding(f, 'x'))).toEqual([
      `[UDP401] x: dns.hostname "${`a${name253}`.slice(0, 116)}...: must be no more than 253 characters (has 254) (${ALLOWED}; ${RFC1035})`,
    ]);
  });

  test('labels over 63 characters, empty labels and bad characters are refused', () => {
    expect(hostnameProblem(`${'a'.repeat(64)}.com`)).toBe('label "aaaaaaaaaaaaaaaaaaaa..." must be no more than 63 characters (has 64)');
    expect(hostnameProblem('dns..example.com')).toBe('must not have an empty label (two dots in a row, or a leading dot)');
    expect(hostnameProblem('.example.com')).toBe('must not have an empty label (two dots in a row, or a leading dot)');
    expect(hostnameProblem('dns_1.example.com')).toBe("label \"dns_1\" must consist of letters, digits and '-', and must start and end with a letter or digit");
    expect(hostnameProblem('-dns.example.com')).toBe("label \"-dns\" must consist of letters, digits and '-', and must start and end with a letter or digit");
    expect(hostnameProblem('dns-.example.com')).toBe("label \"dns-\" must consist of letters, digits and '-', and must start and end with a letter or digit");
    expect(hostnameProblem('dns example.com')).toBe("label \"dns example\" must consist of letters, digits and '-', and must start and end with a letter or digit");
    expect(hostnameProblem('')).toBe('must be a non-empty string');
    expect(hostnameProblem(42)).toBe('must be a non-empty string');
  });

  test('a wildcard only when allowed, and only as the whole first label', () => {
    expect(hostnameProblem('*.example.com')).toBeDefined();
    expect(hostnameProblem('*.example.com', true)).toBeUndefined();
    expect(hostnameProblem('a.*.example.com', true)).toBeDefined();
  });
});

describe('TTL', () => {
  test('1..2147483647 whole seconds', () => {
    expect(checkTtl(1, 'ttl')).toEqual([]);
    expect(checkTtl(2147483647, 'ttl')).toEqual([]);
    const src = 'https://github.com/kubernetes-sigs/external-dns/blob/master/docs/annotations/annotations.md';
    expect(checkTtl(0, 'dns.ttl').map((f) => formatFinding(f, 'x'))).toEqual([
      `[UDP402] x: dns.ttl 0: must be a whole number of seconds between 1 and 2147483647 (1..2147483647 seconds; ${src})`,
    ]);
    expect(checkTtl(2147483648, 'ttl')[0].ruleId).toBe('UDP402');
    expect(checkTtl(1.5, 'ttl')[0].ruleId).toBe('UDP402');
    expect(checkTtl('60', 'ttl')[0].ruleId).toBe('UDP402');
  });
});

describe('SRV', () => {
  test('srvTarget: "priority weight port host." ALWAYS with the trailing dot', () => {
    expect(srvTarget({ priority: 10, weight: 100, port: 88, host: 'kdc.example.com' })).toBe('10 100 88 kdc.example.com.');
    expect(srvTarget({ priority: 0, weight: 0, port: 0, host: 'kdc.example.com.' })).toBe('0 0 0 kdc.example.com.');
    expect(srvTarget({ priority: 65535, weight: 65535, port: 65535, host: 'a' })).toBe('65535 65535 65535 a.');
  });

  test('srvTarget refuses numbers outside 0..65535 and hosts that are not DNS names', () => {
    expect(() => srvTarget({ priority: 65536, weight: -1, port: 1.5, host: 'bad_host' })).toThrow([
      '[UDP405] srvTarget: target.priority 65536: must be a whole number between 0 and 65535 (0..65535; https://github.com/kubernetes-sigs/external-dns/blob/master/endpoint/endpoint.go)',
      '[UDP405] srvTarget: target.weight -1: must be a whole number between 0 and 65535 (0..65535; https://github.com/kubernetes-sigs/external-dns/blob/master/endpoint/endpoint.go)',
      '[UDP405] srvTarget: target.port 1.5: must be a whole number between 0 and 65535 (0..65535; https://github.com/kubernetes-sigs/external-dns/blob/master/endpoint/endpoint.go)',
      `[UDP401] srvTarget: target.host "bad_host": label "bad_host" must consist of letters, digits and '-', and must start and end with a letter or digit (${ALLOWED}; ${RFC1035})`,
    ].join('\n'));
  });

  test('property: every valid target has four fields, uint16 numbers and a host ending with a dot (ExternalDNS ValidateSRVRecord)', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }), fc.integer({ min: 0, max: 65535 }),
      fc.array(label, { minLength: 1, maxLength: 4 }), fc.boolean(),
      (priority, weight, port, labels, dot) => {
        const value = srvTarget({ priority, weight, port, host: labels.join('.') + (dot ? '.' : '') });
        const parts = value.split(' ');
        expect(parts).toHaveLength(4);
        expect(parts.slice(0, 3).map(Number)).toEqual([priority, weight, port]);
        expect(parts[3].endsWith('.')).toBe(true);
        expect(parts[3].endsWith('..')).toBe(false);
      },
    ));
  });

  test('checkSrvTarget: a missing host is UDP406', () => {
    expect(checkSrvTarget({ priority: 1, weight: 1, port: 1 }, 'srv[0]').map((f) => formatFinding(f, 'x'))).toEqual([
      '[UDP406] x: srv[0].host (unset): is needed: an SRV target points at a host name (a DNS name such as dns.example.com; https://www.rfc-editor.org/rfc/rfc2782)',
    ]);
  });

  test('record names: _service._udp / _service._tcp under the domain', () => {
    expect(srvRecordName('kerberos', SrvProtocol.UDP, 'example.com')).toBe('_kerberos._udp.example.com');
    expect(srvRecordName('_kerberos', '_tcp', 'example.com.')).toBe('_kerberos._tcp.example.com');
    expect(srvRecordName('sip', 'UDP', 'example.com')).toBe('_sip._udp.example.com');
  });

  test('service names make a _name label (RFC 6335: 1..15 letters, digits, single hyphens, one letter)', () => {
    for (const ok of ['kerberos', '_kerberos', 'kerberos-adm', 'ldap', 'sip', 'x', 'a1', 'kerberos-master']) {
      expect(checkSrvService(ok, 's')).toEqual([]);
    }
    const src = 'https://www.rfc-editor.org/rfc/rfc6335#section-5.1';
    expect(checkSrvService('a-very-long-service', 'srv.service').map((f) => formatFinding(f, 'x'))).toEqual([
      `[UDP403] x: srv.service "a-very-long-service": must be no more than 15 characters (has 19), to make the _service label of _service._proto.domain (a service name such as kerberos, ldap or sip; ${src})`,
    ]);
    expect(checkSrvService('dns_server', 's')[0].message).toBe("must consist of letters, digits and single '-', and start and end with a letter or digit, to make the _service label of _service._proto.domain");
    expect(checkSrvService('a--b', 's')[0].ruleId).toBe('UDP403');
    expect(checkSrvService('-ab', 's')[0].ruleId).toBe('UDP403');
    expect(checkSrvService('123', 's')[0].message).toBe('must contain at least one letter, to make the _service label of _service._proto.domain');
    expect(checkSrvService('', 's')[0].message).toBe('must be a non-empty string, to make the _service label of _service._proto.domain');
    expect(checkSrvService('_', 's')[0].ruleId).toBe('UDP403');
  });

  test('protocols: udp or tcp only', () => {
    for (const ok of ['udp', 'tcp', 'UDP', '_tcp']) expect(checkSrvProtocol(ok, 'p')).toEqual([]);
    expect(checkSrvProtocol('sctp', 'srv.protocol').map((f) => formatFinding(f, 'x'))).toEqual([
      '[UDP404] x: srv.protocol "sctp": must be udp or tcp, to make _service._udp or _service._tcp (udp or tcp; https://www.rfc-editor.org/rfc/rfc2782)',
    ]);
    expect(checkSrvProtocol('tcp_udp', 'p')[0].ruleId).toBe('UDP404');
  });

  test('numbers 0..65535', () => {
    expect(checkSrvNumber(0, 'n')).toEqual([]);
    expect(checkSrvNumber(65535, 'n')).toEqual([]);
    expect(checkSrvNumber(65536, 'n')[0].ruleId).toBe('UDP405');
    expect(checkSrvNumber(-1, 'n')[0].ruleId).toBe('UDP405');
    expect(checkSrvNumber('10', 'n')[0].ruleId).toBe('UDP405');
  });

  test('fqdn and withoutTrailingDot', () => {
    expect(fqdn('a.b')).toBe('a.b.');
    expect(fqdn('a.b.')).toBe('a.b.');
    expect(withoutTrailingDot('a.b.')).toBe('a.b');
    expect(withoutTrailingDot('a.b')).toBe('a.b');
  });
});

describe('DNS_RULES', () => {
  test('ids UDP401..UDP406, errors, and UDP412, a warning; each with a source URL', () => {
    expect(DNS_RULES.map((r) => r.id)).toEqual(['UDP401', 'UDP402', 'UDP403', 'UDP404', 'UDP405', 'UDP406', 'UDP412']);
    for (const rule of DNS_RULES) {
      expect(rule.severity).toBe(rule.id === 'UDP412' ? 'warning' : 'error');
      expect(rule.source).toMatch(/^https:\/\//);
    }
  });

  test('UDP412: "dns" is registered as "domain", "kdc" as "kerberos"', () => {
    expect(checkSrvService('dns', 'service').map((f) => [f.ruleId, f.severity, f.message, f.hint])).toEqual([
      ['UDP412', 'warning', 'is not the registered service name: clients look up _domain, not _dns', "service: 'domain'"],
    ]);
    expect(checkSrvService('_kdc', 'service').map((f) => f.hint)).toEqual(["service: 'kerberos'"]);
    expect(checkSrvService('domain', 'service')).toEqual([]);
    expect(checkSrvService('syslog', 'service')).toEqual([]);
  });
});
