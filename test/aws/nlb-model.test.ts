import { RULE_CATALOG } from '../../src/core/catalog';
import { formatFinding } from '../../src/core/finding';
import {
  checkListeners,
  checkPlacement,
  checkSwitch,
  checkTargetGroupAttributes,
  checkTargets,
  formatTargetGroupAttributes,
  inferTargetType,
  NlbTargetType,
  pinNodePorts,
  PortRange,
  targetGroupAttributeEntries,
} from '../../src/model';

const FIELDS = { scheme: 'scheme', subnets: 'subnets', eips: 'eips' };
const S1 = 'subnet-0aaaaaaaaaaaaaaa1';
const S2 = 'subnet-0aaaaaaaaaaaaaaa2';
const E1 = 'eipalloc-0aaaaaaaaaaaaaaa1';
const E2 = 'eipalloc-0aaaaaaaaaaaaaaa2';

function ids(findings: { ruleId: string }[]): string[] {
  return findings.map((f) => f.ruleId);
}

describe('checkPlacement: scheme, subnets, Elastic IPs (the cdk8s construct uses the same check)', () => {
  test('valid placements', () => {
    expect(checkPlacement({ fields: FIELDS })).toEqual([]);
    expect(checkPlacement({ scheme: 'internet-facing', subnets: [S1, S2], eips: [E1, E2], fields: FIELDS })).toEqual([]);
    expect(checkPlacement({ scheme: 'internet-facing', subnets: [S1, S2], eips: 2, fields: FIELDS })).toEqual([]);
    expect(checkPlacement({ scheme: 'internal', subnets: [S1], fields: FIELDS })).toEqual([]);
  });

  test('EIPs with the internal scheme, given or defaulted', () => {
    const src = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SubnetMapping.html';
    expect(checkPlacement({ subnets: [S1], eips: [E1], fields: FIELDS }).map((f) => formatFinding(f, 'chart/nlb'))).toEqual([
      `[UDP521] chart/nlb: eips ["${E1}"]: cannot be used with scheme 'internal' (the default) (scheme: 'internet-facing'; ${src})`,
    ]);
    expect(checkPlacement({ scheme: 'internal', subnets: [S1], eips: [E1], fields: FIELDS })[0].message)
      .toBe("cannot be used with scheme 'internal'");
  });

  test('EIP count not equal to the subnet count, and EIPs without subnets', () => {
    const lbc = 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/docs/guide/service/annotations.md';
    expect(checkPlacement({ scheme: 'internet-facing', subnets: [S1], eips: [E1, E2], fields: FIELDS }).map((f) => formatFinding(f, 'n'))).toEqual([
      `[UDP522] n: eips ["${E1}","${E2}"]: has 2 allocation ids for 1 subnet (exactly one Elastic IP per subnet (1), paired by position; ${lbc})`,
    ]);
    expect(checkPlacement({ scheme: 'internet-facing', eips: [E1], fields: FIELDS }).map((f) => formatFinding(f, 'n'))).toEqual([
      `[UDP522] n: eips ["${E1}"]: need subnets: one Elastic IP per subnet, paired by position (subnets with as many subnets as Elastic IPs; ${lbc})`,
    ]);
  });

  test('allocation ids, subnet ids, duplicates, a missing subnet list, a bad scheme', () => {
    expect(ids(checkPlacement({ scheme: 'internet-facing', subnets: [S1, S2], eips: [E1, '52.1.2.3'], fields: FIELDS }))).toEqual(['UDP523']);
    expect(ids(checkPlacement({ subnets: ['subnet-xyz'], fields: FIELDS }))).toEqual(['UDP524']);
    expect(ids(checkPlacement({ subnets: [], subnetsRequired: true, fields: FIELDS }))).toEqual(['UDP524']);
    expect(ids(checkPlacement({ subnetsRequired: true, fields: FIELDS }))).toEqual(['UDP524']);
    expect(ids(checkPlacement({ subnets: [S1, S1], fields: FIELDS }))).toEqual(['UDP525']);
    expect(ids(checkPlacement({ scheme: 'internet-facing', subnets: [S1, S2], eips: [E1, E1], fields: FIELDS }))).toEqual(['UDP525']);
    expect(ids(checkPlacement({ scheme: 'public', fields: FIELDS }))).toEqual(['UDP520']);
  });

  test('outputs (the values isDeferred names) are counted but not checked', () => {
    const output = { some: 'output' };
    const isDeferred = (value: unknown) => value === output;
    expect(checkPlacement({ scheme: 'internet-facing', subnets: [output, output], eips: [output, output], isDeferred, fields: FIELDS })).toEqual([]);
  });
});

describe('checkSwitch: a load-balancer switch is true or false (both engines use the same check)', () => {
  const src = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html';

  test('booleans and the default pass', () => {
    expect([true, false, undefined].flatMap((value) => checkSwitch(value, 'crossZone'))).toEqual([]);
  });

  test.each([
    ['false', '"false"', ' Fix: give the boolean false, not a string'],
    [' TRUE ', '" TRUE "', ' Fix: give the boolean true, not a string'],
    ['no', '"no"', ' Fix: give the boolean false, not a string'],
    ['On', '"On"', ' Fix: give the boolean true, not a string'],
    ['enabled', '"enabled"', ''],
    [0, '0', ''],
    [1, '1', ''],
    [null, 'null', ''],
    [{}, '{}', ''],
  ])('%p is reported, never read as truthy or falsy', (value, shown, fix) => {
    expect(checkSwitch(value, 'deletionProtection').map((f) => formatFinding(f, 'chart/nlb'))).toEqual([
      `[UDP527] chart/nlb: deletionProtection ${shown}: must be true or false (true or false; ${src})${fix}`,
    ]);
  });
});

describe('checkListeners', () => {
  test('valid listeners', () => {
    expect(checkListeners([{ port: 53, protocol: 'TCP_UDP', targetPort: 30053 }, { port: 123, protocol: 'UDP' }, { port: 8080, protocol: 'TCP' }])).toEqual([]);
  });
  test('ports, targetPorts and protocols', () => {
    expect(ids(checkListeners([{ port: 0, protocol: 'UDP', targetPort: 70000 }]))).toEqual(['UDP531', 'UDP531']);
    expect(ids(checkListeners([{ port: 53, protocol: 'TLS' } as unknown as never]))).toEqual(['UDP532']);
    expect(ids(checkListeners([]))).toEqual(['UDP530']);
    expect(ids(checkListeners(undefined))).toEqual(['UDP530']);
  });
  test('three listeners on one port', () => {
    expect(ids(checkListeners([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }])))
      .toEqual(['UDP533', 'UDP534']);
  });
});

describe('checkTargets', () => {
  test('valid targets and the inferred type', () => {
    expect(checkTargets({ instanceIds: ['i-0123456789abcdef0', 'i-01234567'], autoScalingGroupNames: ['ng'] })).toEqual([]);
    expect(checkTargets({ ipAddresses: ['10.0.0.1', 'fd00::1'], targetType: 'ip' })).toEqual([]);
    expect(inferTargetType({ ipAddresses: ['10.0.0.1'] })).toBe(NlbTargetType.IP);
    expect(inferTargetType({})).toBe(NlbTargetType.INSTANCE);
    expect(inferTargetType({ targetType: 'ip' })).toBe(NlbTargetType.IP);
  });
  test('bad type, bad ids, mixed kinds, duplicates', () => {
    expect(ids(checkTargets({ targetType: 'lambda' }))).toEqual(['UDP540']);
    expect(ids(checkTargets({ instanceIds: ['i-xyz'] }))).toEqual(['UDP541']);
    expect(ids(checkTargets({ ipAddresses: ['10.0.0'] }))).toEqual(['UDP542']);
    expect(ids(checkTargets({ targetType: 'ip', autoScalingGroupNames: ['ng'] }))).toEqual(['UDP543']);
    expect(ids(checkTargets({ targetType: 'instance', ipAddresses: ['10.0.0.1'] }))).toEqual(['UDP543']);
    expect(ids(checkTargets({ instanceIds: ['i-01234567', 'i-01234567'] }))).toEqual(['UDP544']);
  });
});

describe('target-group attributes: one typed source for the annotation and the Pulumi inputs', () => {
  test('entries and the annotation value', () => {
    const attrs = { deregistrationDelay: 30, connectionTermination: true, stickiness: true, preserveClientIp: true };
    expect(targetGroupAttributeEntries(attrs)).toEqual([
      ['deregistration_delay.timeout_seconds', '30'],
      ['deregistration_delay.connection_termination.enabled', 'true'],
      ['stickiness.enabled', 'true'],
      ['stickiness.type', 'source_ip'],
      ['preserve_client_ip.enabled', 'true'],
    ]);
    expect(formatTargetGroupAttributes(attrs)).toBe(
      'deregistration_delay.timeout_seconds=30,deregistration_delay.connection_termination.enabled=true,' +
      'stickiness.enabled=true,stickiness.type=source_ip,preserve_client_ip.enabled=true');
    expect(formatTargetGroupAttributes({ stickiness: false })).toBe('stickiness.enabled=false');
    expect(formatTargetGroupAttributes({})).toBeUndefined();
  });
  test('checks', () => {
    expect(checkTargetGroupAttributes({ deregistrationDelay: 0 }, ['UDP'])).toEqual([]);
    expect(checkTargetGroupAttributes({ deregistrationDelay: 3600 }, ['UDP'])).toEqual([]);
    expect(ids(checkTargetGroupAttributes({ deregistrationDelay: 3601 }, ['UDP']))).toEqual(['UDP550']);
    expect(ids(checkTargetGroupAttributes({ deregistrationDelay: -1 }, ['UDP']))).toEqual(['UDP550']);
    expect(ids(checkTargetGroupAttributes({ stickiness: 'yes' } as never, ['UDP']))).toEqual(['UDP552']);
    expect(checkTargetGroupAttributes({ preserveClientIp: false }, ['TCP'])).toEqual([]);
    expect(checkTargetGroupAttributes({ preserveClientIp: false }, ['UDP', 'TCP_UDP', 'UDP']).map((f) => f.message))
      .toEqual(['cannot be disabled for UDP and TCP_UDP target groups']);
    expect(checkTargetGroupAttributes(undefined, ['UDP'])).toEqual([]);
  });
});

describe('pinNodePorts: one source of truth for the NodePorts of the chart and the Pulumi program', () => {
  test('frozen, and checked', () => {
    const ports = pinNodePorts({ dns: { port: 53, nodePort: 30053 }, health: { port: 8080, nodePort: 30080 } });
    expect(ports.dns.nodePort).toBe(30053);
    expect(Object.isFrozen(ports)).toBe(true);
    expect(Object.isFrozen(ports.dns)).toBe(true);
  });
  test('every problem at once', () => {
    const svc = 'https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go';
    const alloc = 'https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/registry/core/service/storage/alloc.go';
    expect(() => pinNodePorts({ a: { port: 0, nodePort: 29999 }, b: { port: 53, nodePort: 30053 }, c: { port: 54, nodePort: 30053 } })).toThrow(
      `[UDP101] pinNodePorts: a.port 0: must be a whole number between 1 and 65535 (1..65535; ${svc})\n`
      + `[UDP102] pinNodePorts: a.nodePort 29999: is not in the NodePort range (30000-32767, the cluster's --service-node-port-range (pass the range as the second argument if yours differs); ${alloc})\n`
      + `[UDP141] pinNodePorts: c.nodePort 30053: is already used by b (port 53): the API server refuses the second ("provided port is already allocated") (one NodePort per port; a TCP and a UDP entry of one port share one entry; ${alloc})`);
    expect(() => pinNodePorts({ a: { port: 53, nodePort: 20053 } }, PortRange.of(20000, 22767))).not.toThrow();
  });
});

const catalogRange = (from: number, to: number) => RULE_CATALOG.filter((r) => Number(r.id.slice(3)) >= from && Number(r.id.slice(3)) <= to);

describe('rule ranges of the catalog', () => {
  test('NLB_VALUE_RULES: UDP501..UDP559, unique, in order; DNS_RULES: UDP401..UDP429', () => {
    const NLB_VALUE_RULES = catalogRange(501, 559);
    const DNS_RULES = catalogRange(401, 406);
    const nlb = NLB_VALUE_RULES.map((r) => r.id);
    expect(nlb).toEqual([
      'UDP501', 'UDP502', 'UDP503', 'UDP504', 'UDP505', 'UDP506', 'UDP507', 'UDP508', 'UDP509',
      'UDP520', 'UDP521', 'UDP522', 'UDP523', 'UDP524', 'UDP525', 'UDP526', 'UDP527',
      'UDP530', 'UDP531', 'UDP532', 'UDP533', 'UDP534', 'UDP535',
      'UDP540', 'UDP541', 'UDP542', 'UDP543', 'UDP544',
      'UDP550', 'UDP551', 'UDP552', 'UDP553', 'UDP554',
    ]);
    for (const id of nlb) expect(Number(id.slice(3))).toBeGreaterThanOrEqual(501);
    for (const id of nlb) expect(Number(id.slice(3))).toBeLessThanOrEqual(559);
    for (const id of DNS_RULES.map((r) => r.id)) expect(Number(id.slice(3))).toBeLessThanOrEqual(429);
    for (const rule of [...NLB_VALUE_RULES, ...DNS_RULES]) {
      expect(rule.title.length).toBeGreaterThan(0);
      expect(rule.why.length).toBeGreaterThan(0);
      expect(rule.sources[0]).toMatch(/^https:\/\//);
    }
  });
});
