import { PortRange } from '../../src';
import { isCidr } from '../../src/model/cidr';
import { checkDns1035Label, checkDns1123Label, checkDns1123Subdomain, checkIanaSvcName, checkLabelValue, checkQualifiedName } from '../../src/model/names';

describe('Kubernetes name formats', () => {
  test.each([
    ['dns', undefined],
    ['1dns', undefined],
    ['', 'must not be empty'],
    ['a'.repeat(64), 'must be no more than 63 characters (has 64)'],
    ['Dns', "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"],
    ['dns-', "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"],
  ])('DNS-1123 label %p', (value, problem) => expect(checkDns1123Label(value)).toBe(problem));

  test.each([
    ['dns', undefined],
    ['1dns', "must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character"],
    ['', 'must not be empty'],
    ['a'.repeat(63), undefined],
    ['a'.repeat(64), 'must be no more than 63 characters (has 64)'],
  ])('DNS-1035 label %p', (value, problem) => expect(checkDns1035Label(value)).toBe(problem));

  test.each([
    ['example.com', undefined],
    ['', 'must not be empty'],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, undefined],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}`, 'must be no more than 253 characters (has 255)'],
    ['example..com', "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"],
  ])('DNS-1123 subdomain %p', (value, problem) => expect(checkDns1123Subdomain(value)).toBe(problem));

  test.each([
    ['dns', undefined],
    ['dns-udp', undefined],
    ['', 'must not be empty'],
    ['a1234567890123456', 'must be no more than 15 characters (has 17)'],
    ['53', 'must contain at least one letter (a-z)'],
    ['a--b', "must not contain consecutive hyphens ('--')"],
    ['dns-', "must not begin or end with a hyphen ('-')"],
    ['DNS', "must contain only lower case alphanumeric characters (a-z, 0-9) and '-'"],
  ])('IANA_SVC_NAME %p', (value, problem) => expect(checkIanaSvcName(value)).toBe(problem));

  test.each([
    ['app', undefined],
    ['app.kubernetes.io/name', undefined],
    ['a/b/c', "must be a name, optionally prefixed by a DNS subdomain and '/'"],
    ['/name', 'prefix part must not be empty'],
    ['Example.com/name', "prefix part must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"],
    ['example.com/', 'name part must not be empty'],
    [`x/${'n'.repeat(64)}`, 'name part must be no more than 63 characters (has 64)'],
  ])('qualified name %p', (value, problem) => expect(checkQualifiedName(value)).toBe(problem));

  test.each([
    ['', undefined],
    ['v1.2_3-x', undefined],
    ['x'.repeat(64), 'must be no more than 63 characters (has 64)'],
    ['_x', "must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"],
  ])('label value %p', (value, problem) => expect(checkLabelValue(value)).toBe(problem));
});

describe('CIDRs', () => {
  test.each([
    ['10.0.0.0/8', true], ['0.0.0.0/0', true], ['2001:db8::/32', true], ['::/0', true],
    ['10.0.0.0', false], ['10.0.0.0/33', false], ['2001:db8::/129', false], ['10.0.0.0/x', false], ['host/8', false],
  ])('%p is a CIDR: %p', (value, expected) => expect(isCidr(value)).toBe(expected));
});

describe('PortRange', () => {
  test('default node ports and parsing', () => {
    expect(PortRange.DEFAULT_NODE_PORTS.toString()).toBe('30000-32767');
    expect(PortRange.parse(' 20000 - 22767 ').toString()).toBe('20000-22767');
    expect(PortRange.DEFAULT_NODE_PORTS.includes(30000)).toBe(true);
    expect(PortRange.DEFAULT_NODE_PORTS.includes(32768)).toBe(false);
    expect(PortRange.DEFAULT_NODE_PORTS.includes(30000.5)).toBe(false);
    expect(PortRange.ALL_PORTS.includes(65535)).toBe(true);
  });

  test('bad ranges are refused with the reason', () => {
    expect(() => PortRange.parse('30000')).toThrow('PortRange "30000": expected "<min>-<max>", for example "30000-32767"');
    expect(() => PortRange.of(0, 10)).toThrow('PortRange min 0: must be a whole number between 1 and 65535');
    expect(() => PortRange.of(10, 70000)).toThrow('PortRange max 70000: must be a whole number between 1 and 65535');
    expect(() => PortRange.of(20, 10)).toThrow('PortRange 20-10: min must not be above max');
  });
});
