import { Duration } from 'cdk8s';
import * as fc from 'fast-check';
import { badHostname, badPort, badTtl, distinct, hostname, port, RUNS, ttl } from './helpers';
import { MockResourceRecorder, RecordedResource } from '../../src/aws/mock-recorder';
import { secondsOf } from '../../src/model/duration';

// The mocks are set before the component is loaded (pulumi.runtime.setMocks, no CLI, no credentials), as in test/aws.
const recorder = MockResourceRecorder.start({ project: 'test', stack: 'properties' });
// the entry point, and the internals the tests look at
const lib = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ...require('../../src/pulumi'),
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ...require('../../src/model/dns'),
} as typeof import('../../src/pulumi') & typeof import('../../src/model/dns');
const { NlbUdpLoadBalancer, NlbUdpLoadBalancerError, fakeState } = lib;

type Args = import('../../src/pulumi').NlbUdpLoadBalancerArgs;
type Listener = import('../../src/pulumi').NlbPortOptions;
/** A health check in seconds, as generated; the arguments carry Durations. */
type HealthCheck = import('../../src/model/health-check').HealthCheck;
type Srv = import('../../src/pulumi').NlbSrvOptions;

/** A number of seconds as a Duration; anything else (untyped input) as it is. */
const asDuration = (value: unknown): unknown => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Duration.seconds(value) : value);

/** The arguments' health check: the generated seconds as Durations. */
function withDurations(hc: HealthCheck): NonNullable<Args['healthCheck']> {
  const { interval, timeout, ...rest } = hc;
  return { ...rest, ...interval !== undefined ? { interval: Duration.seconds(interval) } : {}, ...timeout !== undefined ? { timeout: Duration.seconds(timeout) } : {} } as NonNullable<Args['healthCheck']>;
}

/** Pulumi mocks are slow: fewer runs than the cdk8s properties (each run registers and settles a component). */
const PULUMI_RUNS = { seed: RUNS.seed, numRuns: 40 } as const;

/** Every run gets a component name of its own: the recorder keeps what earlier runs registered. */
let counter = 0;
const nextName = () => `nlb${counter++}`;

const T = {
  eip: 'aws:ec2/eip:Eip',
  lb: 'aws:lb/loadBalancer:LoadBalancer',
  tg: 'aws:lb/targetGroup:TargetGroup',
  listener: 'aws:lb/listener:Listener',
  attachment: 'aws:lb/targetGroupAttachment:TargetGroupAttachment',
  asg: 'aws:autoscaling/attachment:Attachment',
  record: 'aws:route53/record:Record',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries of valid arguments

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const awsId = (prefix: string) => fc.oneof(hex(8), hex(17)).map((h) => `${prefix}-${h}`);
const subnetId = awsId('subnet');
const eipId = awsId('eipalloc');
const instanceId = awsId('i');
const asgName = fc.stringMatching(/^[a-z][-a-z0-9]{0,20}$/);
const protocol = fc.constantFrom<Listener['protocol']>('UDP', 'TCP', 'TCP_UDP', lib.NlbProtocol.UDP, lib.NlbProtocol.TCP_UDP);

/** A health check AWS accepts: the timeout strictly below the interval, defaults included. */
const healthCheck: fc.Arbitrary<HealthCheck> = fc.record({
  protocol: fc.option(fc.constantFrom<HealthCheck['protocol']>('TCP', 'HTTP', 'HTTPS', lib.HealthCheckProtocol.HTTP), { nil: undefined }),
  port: fc.option(fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constant<'traffic-port'>('traffic-port')), { nil: undefined }),
  path: fc.option(fc.stringMatching(/^\/[a-z0-9/_.-]{0,30}$/), { nil: undefined }),
  timing: fc.oneof(
    fc.constant({}),
    fc.integer({ min: 2, max: 119 })
      .chain((timeout) => fc.integer({ min: Math.max(5, timeout + 1), max: 300 }).map((interval) => ({ timeout, interval }))),
    fc.integer({ min: 11, max: 300 }).map((interval) => ({ interval })),
    fc.integer({ min: 2, max: 10 }).map((timeout) => ({ timeout })),
  ),
  healthyThreshold: fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined }),
  unhealthyThreshold: fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined }),
  successCodes: fc.option(fc.oneof(
    fc.integer({ min: 200, max: 599 }).map(String),
    fc.uniqueArray(fc.integer({ min: 200, max: 599 }), { minLength: 2, maxLength: 3 }).map((c) => c.join(',')),
    fc.tuple(fc.integer({ min: 200, max: 599 }), fc.integer({ min: 200, max: 599 })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
  ), { nil: undefined }),
}).map((g) => {
  const http = g.protocol === 'HTTP' || g.protocol === 'HTTPS';
  return {
    ...g.protocol !== undefined ? { protocol: g.protocol } : {},
    ...g.port !== undefined ? { port: g.port } : {},
    // a path and success codes only on an HTTP(S) check
    ...http && g.path !== undefined ? { path: g.path } : {},
    ...http && g.successCodes !== undefined ? { successCodes: g.successCodes } : {},
    ...g.timing,
    ...g.healthyThreshold !== undefined ? { healthyThreshold: g.healthyThreshold } : {},
    ...g.unhealthyThreshold !== undefined ? { unhealthyThreshold: g.unhealthyThreshold } : {},
  };
});

/** An RFC 6335 service name, any case, with or without its underscore. */
const service = fc.tuple(fc.stringMatching(/^[A-Za-z]([A-Za-z0-9]|-[A-Za-z0-9]){0,6}$/), fc.boolean())
  .map(([name, underscore]) => (underscore ? `_${name}` : name));
const srvNumber = fc.integer({ min: 0, max: 65535 });
/** A name short enough that `_service._proto.name` stays within 253 characters. */
const shortHostname = hostname.filter((h) => h.replace(/\.$/, '').length <= 253 - '_a-b-c-d-e-f-g._udp.'.length);

interface SrvSpec { service: string; protocol: string; port?: number; priority?: number; weight?: number; host?: string; domain?: string }
const srvEntry: fc.Arbitrary<SrvSpec> = fc.record({
  service: fc.oneof(service, fc.constantFrom('kerberos', 'Kerberos', '_KERBEROS', 'domain')),
  protocol: fc.constantFrom('udp', 'tcp', 'UDP', '_udp', '_Tcp', lib.SrvProtocol.UDP),
  port: fc.option(srvNumber, { nil: undefined }),
  priority: fc.option(srvNumber, { nil: undefined }),
  weight: fc.option(srvNumber, { nil: undefined }),
  host: fc.option(hostname, { nil: undefined }),
  domain: fc.option(fc.oneof(shortHostname, fc.constantFrom('example.com', 'EXAMPLE.com.', 'dns.example.com')), { nil: undefined }),
}, { requiredKeys: ['service', 'protocol'] });

interface Spec { readonly args: Args }

const validSpec: fc.Arbitrary<Spec> = fc.record({
  subnets: distinct(subnetId, 1, 3),
  scheme: fc.option(fc.constantFrom<Args['scheme']>('internal', 'internet-facing', lib.LoadBalancerScheme.INTERNET_FACING), { nil: undefined }),
  eips: fc.constantFrom('none', 'allocate', 'given'),
  eipIds: distinct(eipId, 3, 3),
  retainEipsOnDelete: fc.option(fc.boolean(), { nil: undefined }),
  crossZone: fc.option(fc.boolean(), { nil: undefined }),
  deletionProtection: fc.option(fc.boolean(), { nil: undefined }),
  ipAddressType: fc.option(fc.constantFrom<Args['ipAddressType']>('ipv4', 'dualstack'), { nil: undefined }),
  ports: distinct(port, 1, 3),
  protocols: fc.array(protocol, { minLength: 3, maxLength: 3 }),
  targetPorts: fc.array(fc.option(port, { nil: undefined }), { minLength: 3, maxLength: 3 }),
  targets: fc.oneof(
    fc.constant(undefined),
    fc.record({ instanceIds: distinct(instanceId, 0, 2), autoScalingGroupNames: distinct(asgName, 0, 2) }, { requiredKeys: [] }),
    fc.record({ ipAddresses: distinct(fc.oneof(fc.ipV4(), fc.ipV6()), 1, 2) }),
  ),
  explicitTargetType: fc.boolean(),
  anyTargetType: fc.constantFrom('ip', 'instance'),
  healthCheck: fc.option(healthCheck, { nil: undefined }),
  attributes: fc.option(fc.record({
    deregistrationDelay: fc.integer({ min: 0, max: 3600 }),
    connectionTermination: fc.boolean(),
    stickiness: fc.boolean(),
    preserveClientIp: fc.boolean(),
  }, { requiredKeys: [] }), { nil: undefined }),
  dns: fc.option(fc.record({
    zoneId: fc.stringMatching(/^Z[0-9A-Z]{12,20}$/),
    hostname: shortHostname,
    ttl: fc.option(ttl, { nil: undefined }),
    srv: fc.option(fc.array(srvEntry, { maxLength: 3 }), { nil: undefined }),
    // a second entry of the first one's record set, spelled in another case (DNS names are case-insensitive)
    twin: fc.option(fc.record({ upper: fc.constantFrom('service', 'domain'), priority: srvNumber }), { nil: undefined }),
  }), { nil: undefined }),
  // (untyped: a list that is none, or entries that are no rule ids, silence nothing)
  // (rule ids that are no list of strings are UDP554, among the invalid arguments)
  disabledRules: fc.constantFrom<unknown>(undefined, [], ['UDP509'], ['udp509', 'UDP000']),
  dnsNull: fc.boolean(),
  tags: fc.option(fc.dictionary(fc.stringMatching(/^[a-z]{1,8}$/), fc.string({ maxLength: 10 }), { maxKeys: 2, noNullPrototype: true }), { nil: undefined }),
}).map((g): Spec => {
  const listeners: Listener[] = g.ports.map((p, i) => ({
    port: p, protocol: g.protocols[i], ...g.targetPorts[i] !== undefined ? { targetPort: g.targetPorts[i] } : {},
  }));
  const internetFacing = g.scheme === 'internet-facing';
  const eips = !internetFacing || g.eips === 'none' ? undefined : g.eips === 'allocate' ? 'allocate' : g.eipIds.slice(0, g.subnets.length);
  const targets = g.targets;
  const targetType = !g.explicitTargetType ? undefined
    : targets && 'ipAddresses' in targets ? lib.NlbTargetType.IP : targets ? 'instance' : g.anyTargetType;
  // client IP preservation can be turned off for TCP target groups only
  const allTcp = listeners.every((l) => l.protocol === 'TCP');
  const attributes = g.attributes && !allTcp && g.attributes.preserveClientIp === false
    ? { ...g.attributes, preserveClientIp: true } : g.attributes;
  const carriers = (proto: string) => [...new Set(listeners.filter((l) => l.protocol === 'TCP_UDP' || (l.protocol ?? 'UDP').toLowerCase() === proto).map((l) => l.port))];
  const srvEntries = g.dns?.srv && g.dns.srv.length > 0 && g.dns.twin ? [...g.dns.srv, {
    ...g.dns.srv[0],
    priority: g.dns.twin.priority,
    ...g.dns.twin.upper === 'service' ? { service: g.dns.srv[0].service.toUpperCase() } : { domain: (g.dns.srv[0].domain ?? g.dns.hostname).toUpperCase() },
  }] : g.dns?.srv;
  const dns = g.dns && {
    zoneId: g.dns.zoneId,
    hostname: g.dns.hostname,
    ...g.dns.ttl !== undefined ? { ttl: Duration.seconds(g.dns.ttl) } : {},
    ...srvEntries !== undefined ? {
      // an SRV port is inferred only from the one listener port carrying its protocol; else it is given
      srv: srvEntries.map((s): Srv => {
        const inferred = carriers(s.protocol.replace(/^_/, '').toLowerCase());
        return { ...s, protocol: s.protocol as Srv['protocol'], port: s.port ?? (inferred.length === 1 ? undefined : 53) };
      }),
    } : {},
  };
  return {
    args: {
      vpcId: 'vpc-0123456789abcdef0',
      subnets: g.subnets,
      ...g.scheme !== undefined ? { scheme: g.scheme } : {},
      ...eips !== undefined ? { eips } : {},
      ...g.retainEipsOnDelete !== undefined ? { retainEipsOnDelete: g.retainEipsOnDelete } : {},
      ...g.crossZone !== undefined ? { crossZone: g.crossZone } : {},
      ...g.deletionProtection !== undefined ? { deletionProtection: g.deletionProtection } : {},
      ...g.ipAddressType !== undefined ? { ipAddressType: g.ipAddressType } : {},
      ports: listeners,
      ...targetType !== undefined ? { targetType: targetType as Args['targetType'] } : {},
      ...targets !== undefined ? { targets } : {},
      ...g.healthCheck !== undefined ? { healthCheck: withDurations(g.healthCheck) } : {},
      ...attributes !== undefined ? { targetGroupAttributes: attributes } : {},
      // (dns: null, untyped, is no DNS)
      ...dns !== undefined ? { dns } : g.dnsNull ? { dns: null as unknown as Args['dns'] } : {},
      ...g.tags !== undefined ? { tags: g.tags } : {},
      ...g.disabledRules !== undefined ? { disabledRules: g.disabledRules as string[] } : {},
    },
  };
});

// ---------------------------------------------------------------------------------------------------------------
// What valid arguments must register, computed from the arguments (names as ChildNames pins them)

const arnOf = (type: string, name: string) => fakeState(type, name, {}).state.arn as string;

function expectedHealthCheck(given: Args['healthCheck'] = {}): Record<string, unknown> {
  const hc = { ...given, interval: secondsOf(given.interval), timeout: secondsOf(given.timeout) };
  const checkProtocol = hc.protocol ?? 'TCP';
  const http = checkProtocol === 'HTTP' || checkProtocol === 'HTTPS';
  return {
    enabled: true,
    protocol: checkProtocol,
    port: String(hc.port ?? 'traffic-port'),
    ...http ? { path: hc.path ?? '/', matcher: hc.successCodes ?? '200-399' } : {},
    interval: hc.interval ?? 10,
    timeout: hc.timeout ?? 10,
    healthyThreshold: hc.healthyThreshold ?? 5,
    unhealthyThreshold: hc.unhealthyThreshold ?? 2,
  };
}

const bare = (name: string) => name.replace(/\.$/, '');
const label = (value: string) => value.replace(/^_/, '');

/** Every child `type name` with its exact inputs. */
function expectedChildren(name: string, args: Args): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  const tags = args.tags ? { tags: args.tags } : {};
  const subnets = args.subnets as string[];
  const allocated = args.eips === 'allocate' ? subnets.map((_, i) => `${name}-eip-${i}`) : [];
  for (const eip of allocated) out.set(`${T.eip} ${eip}`, { domain: 'vpc', ...tags });
  const allocationIds = args.eips === 'allocate' ? allocated.map((eip) => fakeState(T.eip, eip, {}).id) : args.eips as string[] | undefined;
  const lbName = `${name}-nlb`;
  const dualstack = args.ipAddressType === 'dualstack';
  out.set(`${T.lb} ${lbName}`, {
    loadBalancerType: 'network',
    internal: args.scheme !== 'internet-facing',
    ipAddressType: dualstack ? 'dualstack' : 'ipv4',
    subnetMappings: subnets.map((subnet, i) => (allocationIds ? { subnetId: subnet, allocationId: allocationIds[i] } : { subnetId: subnet })),
    enableCrossZoneLoadBalancing: args.crossZone ?? true,
    enableDeletionProtection: args.deletionProtection ?? false,
    ...dualstack && args.ports.some((l) => l.protocol !== 'TCP') ? { enablePrefixForIpv6SourceNat: 'on' } : {},
    ...tags,
  });
  const targets = args.targets ?? {};
  const targetType = args.targetType ?? ((targets.ipAddresses ?? []).length > 0 ? 'ip' : 'instance');
  const attrs = args.targetGroupAttributes ?? {};
  for (const l of args.ports) {
    const key = `${(l.protocol ?? 'UDP').toLowerCase().replace('_', '-')}-${l.port}`;
    const targetPort = l.targetPort ?? l.port;
    const tgArn = arnOf(T.tg, `${name}-tg-${key}`);
    out.set(`${T.tg} ${name}-tg-${key}`, {
      vpcId: args.vpcId,
      port: targetPort,
      protocol: l.protocol,
      targetType,
      healthCheck: expectedHealthCheck(args.healthCheck),
      ...attrs.deregistrationDelay !== undefined ? { deregistrationDelay: attrs.deregistrationDelay } : {},
      ...attrs.connectionTermination !== undefined ? { connectionTermination: attrs.connectionTermination } : {},
      ...attrs.stickiness !== undefined ? { stickiness: { enabled: attrs.stickiness, type: 'source_ip' } } : {},
      ...attrs.preserveClientIp !== undefined ? { preserveClientIp: String(attrs.preserveClientIp) } : {},
      ...tags,
    });
    out.set(`${T.listener} ${name}-listener-${key}`, {
      loadBalancerArn: arnOf(T.lb, lbName),
      port: l.port,
      protocol: l.protocol,
      defaultActions: [{ type: 'forward', targetGroupArn: tgArn }],
      ...tags,
    });
    for (const id of targets.instanceIds ?? []) {
      out.set(`${T.attachment} ${name}-${key}-instance-${id}`, { targetGroupArn: tgArn, targetId: id, port: targetPort });
    }
    for (const ip of targets.ipAddresses ?? []) {
      out.set(`${T.attachment} ${name}-${key}-ip-${ip.replace(/:/g, '-')}`, { targetGroupArn: tgArn, targetId: ip, port: targetPort });
    }
    for (const group of targets.autoScalingGroupNames ?? []) {
      out.set(`${T.asg} ${name}-${key}-asg-${group as string}`, { autoscalingGroupName: group, lbTargetGroupArn: tgArn });
    }
  }
  if (args.dns) {
    const lbState = fakeState(T.lb, lbName, {}).state;
    const alias = [{ name: lbState.dnsName, zoneId: lbState.zoneId, evaluateTargetHealth: true }];
    const recordName = bare(args.dns.hostname);
    out.set(`${T.record} ${name}-a`, { zoneId: args.dns.zoneId, name: recordName, type: 'A', aliases: alias });
    if (dualstack) out.set(`${T.record} ${name}-aaaa`, { zoneId: args.dns.zoneId, name: recordName, type: 'AAAA', aliases: alias });
    // record sets: one per name, DNS names being case-insensitive; the child is named by the record name in lower case
    const sets = new Map<string, { child: string; name: string; values: string[] }>();
    for (const s of args.dns.srv ?? []) {
      const proto = label(s.protocol).toLowerCase();
      const setName = `_${label(s.service)}._${proto}.${bare(s.domain ?? recordName)}`;
      const port_ = s.port ?? args.ports.find((l) => l.protocol === 'TCP_UDP' || (l.protocol ?? 'UDP').toLowerCase() === proto)!.port;
      const child = `${name}-srv-${setName.toLowerCase()}`;
      const set = sets.get(setName.toLowerCase()) ?? { child, name: setName, values: [] };
      set.values.push(`${s.priority ?? 10} ${s.weight ?? 100} ${port_} ${bare(s.host ?? args.dns.hostname)}.`);
      sets.set(setName.toLowerCase(), set);
    }
    for (const set of sets.values()) {
      out.set(`${T.record} ${set.child}`, { zoneId: args.dns.zoneId, name: set.name, type: 'SRV', ttl: secondsOf(args.dns.ttl) ?? 300, records: set.values });
    }
  }
  return out;
}

function childrenOf(name: string): RecordedResource[] {
  return recorder.resources.filter((r) => r.options.parent === name);
}

describe('Pulumi NlbUdpLoadBalancer, generated arguments', () => {
  test('valid arguments register exactly the expected resources, with their key inputs and options, and log only warnings', async () => {
    // warnings go to the Pulumi log, which prints them with console.warn when no engine runs (as under mocks)
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await fc.assert(fc.asyncProperty(validSpec, async ({ args }) => {
        warn.mockClear();
        const name = nextName();
        new NlbUdpLoadBalancer(name, args);
        await recorder.settle();
        const children = childrenOf(name);
        const keys = children.map((r) => `${r.type} ${r.name}`);
        // no child registered twice (a duplicate URN), and exactly the expected ones
        expect(new Set(keys).size).toBe(keys.length);
        const expected = expectedChildren(name, args);
        expect(keys.sort()).toEqual([...expected.keys()].sort());
        for (const child of children) {
          expect([child.type, child.name, child.inputs]).toEqual([child.type, child.name, expected.get(`${child.type} ${child.name}`)]);
        }

        // options: EIPs kept on delete unless opted out; the NLB replaced delete-first when it holds EIPs
        const holdsEips = args.eips !== undefined;
        for (const child of children) {
          const retain = child.type === T.eip ? args.retainEipsOnDelete ?? true : false;
          const deleteBeforeReplace = child.type === T.lb && holdsEips;
          expect(child.options).toEqual({ retainOnDelete: retain, deleteBeforeReplace, protect: false, parent: name });
        }
        expect(recorder.find(NlbUdpLoadBalancer.TYPE, name)?.custom).toBe(false);

        // Route 53: no two record sets of one name and type (names are case-insensitive), every name a DNS name
        const records = children.filter((r) => r.type === T.record).map((r) => r.inputs as { name: string; type: string });
        expect(new Set(records.map((r) => `${r.name.toLowerCase()} ${r.type}`)).size).toBe(records.length);
        for (const r of records) expect(lib.hostnameProblem(r.name.replace(/_/g, 'x'))).toBeUndefined();

        // the one warning: a TCP check of the traffic port of a UDP listener (UDP509), logged unless silenced
        const rules: unknown = args.disabledRules;
        const silenced = Array.isArray(rules) && rules.some((id) => typeof id === 'string' && id.toUpperCase() === 'UDP509');
        const udpTrafficPort = args.ports.some((l) => l.protocol === 'UDP') && (args.healthCheck?.port ?? 'traffic-port') === 'traffic-port';
        expect(warn.mock.calls.map((c) => String(c[0]))).toEqual(udpTrafficPort && !silenced
          ? [expect.stringMatching(new RegExp(`^warning: \\[runtime\\] \\[UDP509\\] ${name}: healthCheck\\.port `))] : []);
      }), PULUMI_RUNS);
    } finally {
      warn.mockRestore();
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Invalid arguments: one invalid field (typed or untyped) in otherwise valid arguments

/** Constructs; asserts an NlbUdpLoadBalancerError (never a TypeError) naming exactly `ids`, and nothing registered. */
function expectRejected(args: unknown, ids: readonly string[]): void {
  const name = nextName();
  const before = recorder.count;
  let error: unknown;
  try {
    new NlbUdpLoadBalancer(name, args as Args);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(NlbUdpLoadBalancerError);
  expect(error).not.toBeInstanceOf(TypeError);
  const message = (error as Error).message;
  const found = [...new Set([...message.matchAll(/^\[(UDP\d{3})\] /gm)].map((m) => m[1]))].sort();
  expect(found).toEqual([...new Set(ids)].sort());
  expect([...new Set((error as InstanceType<typeof NlbUdpLoadBalancerError>).findings.map((f) => f.ruleId))].sort()).toEqual(found);
  expect(recorder.count).toBe(before);
}

const bad = <T>(...values: T[]) => fc.constantFrom(...values);
const badWhole = (min: number, max: number) => fc.oneof(
  fc.integer({ min: min - 1000, max: min - 1 }), fc.integer({ min: max + 1, max: max + 100_000 }),
  fc.double({ min, max, noNaN: true }).filter((x) => !Number.isInteger(x)),
  bad<unknown>(NaN, Infinity, String(min), null, {}, true),
);
const badPortValue = fc.oneof(badPort, bad<unknown>(NaN, 1.5, '53', null, {}));

/** Arguments with one field changed. */
const set = (args: Args, change: Record<string, unknown>) => ({ ...args, ...change });
const withHc = (args: Args, hc: Record<string, unknown>) => set(args, { healthCheck: { ...args.healthCheck, ...hc } });
/** More listeners; SRV ports given, so that none is inferred from the listeners (which the new ones would change). */
const withListeners = (args: Args, ...extra: unknown[]) => set(args, {
  ports: [...args.ports, ...extra],
  dns: args.dns && { ...args.dns, srv: args.dns.srv?.map((s) => ({ ...s, port: s.port ?? 53 })) },
  // (client IP preservation may be off only while every listener is TCP)
  targetGroupAttributes: args.targetGroupAttributes && { ...args.targetGroupAttributes, preserveClientIp: undefined },
});
const withDns = (args: Args, dns: Record<string, unknown>) => set(args, {
  dns: { zoneId: 'Z0123456789ABC', hostname: 'dns.example.com', ...args.dns, srv: undefined, ...dns },
});
/** A listener port the arguments do not use. */
const freePort = (args: Args) => [1, 2, 3, 4].map((d) => ((args.ports[0].port + d * 7919) % 65535) + 1)
  .find((p) => args.ports.every((l) => l.port !== p))!;

const invalid: fc.Arbitrary<[unknown, string[]]> = fc.tuple(validSpec, fc.noBias(fc.integer({ min: 0, max: 38 })), fc.nat(),
  badPortValue, badHostname, badTtl, badWhole(5, 300), badWhole(2, 120), badWhole(2, 10), badWhole(0, 3600))
  .map(([{ args }, which, n, badP, badHost, badTtlValue, badInterval, badTimeout, badThreshold, badDelay]): [unknown, string[]] => {
    const pick = <T>(...values: T[]): T => values[n % values.length];
    const l0 = args.ports[0];
    const tcpCheck = { protocol: undefined, path: undefined, successCodes: undefined };
    switch (which) {
      case 0: return [withHc(args, { protocol: pick<unknown>('UDP', 'TCP_UDP', 'http', 'TLS', 5, {}) }), ['UDP501']];
      case 1: return [withHc(args, { port: pick<unknown>(0, 65536, -1, '8080', NaN, null, 1.5, 'traffic') }), ['UDP502']];
      case 2: return [withHc(args, { ...tcpCheck, protocol: pick(undefined, 'TCP'), path: '/healthz' }), ['UDP503']];
      case 3: return [withHc(args, { protocol: 'HTTP', successCodes: undefined, path: pick<unknown>('healthz', '', `/${'a'.repeat(1024)}`, 5, null) }), ['UDP503']];
      case 4: return [withHc(args, { interval: asDuration(badInterval), timeout: Duration.seconds(2) }), ['UDP504']];
      case 5: return [withHc(args, { timeout: asDuration(badTimeout), interval: Duration.seconds(300) }), ['UDP505']];
      case 6: return [withHc(args, { [pick('healthyThreshold', 'unhealthyThreshold')]: badThreshold }), ['UDP506']];
      case 7: {
        // a timeout above the interval, both in range
        const interval = 5 + (n % 100);
        return [withHc(args, { interval: Duration.seconds(interval), timeout: Duration.seconds(Math.min(120, interval + 1 + (n % 7))) }), ['UDP507']];
      }
      case 8: return [withHc(args, { ...tcpCheck, protocol: pick(undefined, 'TCP'), successCodes: '200' }), ['UDP508']];
      case 9: return [withHc(args, { protocol: 'HTTPS', path: undefined, successCodes: pick<unknown>('199', '600', '200-199', '2xx', '', '200,', 200, null) }), ['UDP508']];
      case 10: return [set(args, { scheme: pick<unknown>('public', 'Internal', 'external', '', 5) }), ['UDP520']];
      case 11: return [set(args, { scheme: pick(undefined, 'internal'), eips: pick<unknown>('allocate', args.subnets.map((_, i) => `eipalloc-0000000${i}`)) }), ['UDP521']];
      case 12: return [set(args, { scheme: 'internet-facing', eips: [...args.subnets, 'x'].map((_, i) => `eipalloc-1111111${i}`).slice(0, args.subnets.length === 1 ? 2 : 1) }), ['UDP522']];
      case 13: return [set(args, { scheme: 'internet-facing', eips: args.subnets.map((_, i) => (i === 0 ? pick('203.0.113.7', 'eipalloc-xyz', 'eipassoc-01234567', 'EIPALLOC-01234567') : `eipalloc-2222222${i}`)) }), ['UDP523']];
      case 14: return [set(args, { scheme: 'internet-facing', eips: pick<unknown>(5, null, 'yes', {}) }), ['UDP523']];
      case 15: return [set(args, { eips: undefined, subnets: pick<unknown>([], undefined, 'subnet-01234567', ['subnet-xyz'], ['sn-01234567', ...args.subnets]) }), ['UDP524']];
      case 16: return [set(args, { subnets: [...args.subnets, args.subnets[0]], eips: undefined }), ['UDP525']];
      case 17: return [set(args, { ipAddressType: pick<unknown>('ipv6', 'IPv4', 'dual-stack', 5, null) }), ['UDP526']];
      case 18: return [set(args, { ports: pick<unknown>([], undefined, null, {}, 'UDP 53'), dns: undefined }), ['UDP530']];
      case 19: return [withListeners(args, { port: badP, protocol: 'UDP' }), ['UDP531']];
      case 20: return [withListeners(args, { port: freePort(args), protocol: 'UDP', targetPort: badP }), ['UDP531']];
      case 21: return [withListeners(args, { port: freePort(args), protocol: pick<unknown>('udp', 'TLS', 'QUIC', 'TCP-UDP', '', 5, null) }), ['UDP532']];
      case 22: return [withListeners(args, { ...l0 }), ['UDP533']];
      case 23: {
        const p = freePort(args);
        return [withListeners(args, { port: p, protocol: 'UDP' }, { port: p, protocol: 'TCP' }), ['UDP534']];
      }
      case 24: {
        const p = freePort(args);
        return [withListeners(args, { port: p, protocol: 'TCP_UDP' }, { port: p, protocol: pick('UDP', 'TCP') }), ['UDP535']];
      }
      case 25: return [set(args, { targetType: pick<unknown>('alb', 'IP', 'lambda', '', 5) }), ['UDP540']];
      case 26: return [set(args, { targetType: undefined, targets: { instanceIds: [pick<unknown>('i-xyz', 'instance-1', 'I-0123abcd', 'i-0123', 5, null, {})] } }), ['UDP541']];
      case 27: return [set(args, { targetType: undefined, targets: { ipAddresses: [pick<unknown>('10.0.0.300', 'host.example.com', '10.0.0.1/32', '', 5, null, {})] } }), ['UDP542']];
      case 28: return [set(args, pick<Record<string, unknown>>(
        { targetType: undefined, targets: { ipAddresses: ['10.0.0.1'], instanceIds: ['i-01234567'] } },
        { targetType: 'ip', targets: { autoScalingGroupNames: ['ng-1'] } },
        { targetType: 'instance', targets: { ipAddresses: ['10.0.0.1'] } },
      )), ['UDP543']];
      case 29: return [set(args, { targetType: undefined, targets: pick({ instanceIds: ['i-01234567', 'i-01234567'] }, { ipAddresses: ['10.0.0.1', '10.0.0.1'] }) }), ['UDP544']];
      case 30: return [set(args, { targetGroupAttributes: { ...args.targetGroupAttributes, deregistrationDelay: badDelay } }), ['UDP550']];
      case 31: {
        const more = withListeners(args, { port: freePort(args), protocol: pick('UDP', 'TCP_UDP') });
        return [set(more, { targetGroupAttributes: { ...args.targetGroupAttributes, preserveClientIp: false } }), ['UDP551']];
      }
      case 32: return [set(args, { targetGroupAttributes: { [pick('connectionTermination', 'stickiness', 'preserveClientIp')]: pick<unknown>('true', 1, null, 'yes') } }), ['UDP552']];
      case 33: return [withDns(args, pick<Record<string, unknown>>({ hostname: badHost }, { srv: [{ service: 'domain', protocol: 'udp', port: 53, host: badHost }] },
        { srv: [{ service: 'domain', protocol: 'udp', port: 53, domain: badHost }] })), ['UDP401']];
      case 34: return [withDns(args, { ttl: pick<unknown>(asDuration(badTtlValue), '60', null, NaN) }), ['UDP402']];
      case 35: return [withDns(args, { srv: [{ service: pick<unknown>('dns_server', '', 'a--b', '-a', 'x'.repeat(16), '123', '_', 5, null), protocol: 'udp', port: 53 }] }), ['UDP403']];
      // (a list of SRV entries that is none: UDP403; an entry that is no object has neither service nor protocol)
      case 36: return [withDns(args, { srv: pick<unknown>('kerberos', 5, {}, { service: 'kerberos', protocol: 'udp' }) }), ['UDP403']];
      case 37: return [withDns(args, { srv: [pick<unknown>(null, 5, 'kerberos', [])] }), ['UDP403', 'UDP404']];
      default: return [withDns(args, { srv: [{ service: 'domain', protocol: pick<unknown>('sctp', '', 'udp4', 5, null), port: 53 }] }), ['UDP404']];
    }
  });

describe('Pulumi NlbUdpLoadBalancer, generated invalid arguments', () => {
  test('arguments with one invalid field (typed or untyped) are rejected with its rule id before anything is registered', () => {
    fc.assert(fc.property(invalid, ([args, ids]) => {
      expectRejected(args, ids);
    }), RUNS);
  });

  test('SRV numbers out of range, or a port no single listener gives, are rejected with UDP405', () => {
    // (a null priority or weight is the default; a null port is not)
    const badNumber = badWhole(0, 65535).filter((v) => v !== null);
    fc.assert(fc.property(validSpec, fc.constantFrom('priority', 'weight', 'port'), badNumber, ({ args }, field, value) => {
      expectRejected(withDns(args, { srv: [{ service: 'ldap', protocol: 'tcp', port: 389, [field]: value }] }), ['UDP405']);
      const tcp = args.ports.filter((l) => l.protocol !== 'UDP').map((l) => l.port);
      if (new Set(tcp).size !== 1) expectRejected(withDns(args, { srv: [{ service: 'ldap', protocol: 'tcp' }] }), ['UDP405']);
    }), { seed: RUNS.seed, numRuns: 100 });
  });

  test('an SRV record name over 253 characters is rejected with UDP401', () => {
    fc.assert(fc.property(validSpec, fc.integer({ min: 254 - '_kerberos._udp.'.length, max: 253 }), fc.boolean(), ({ args }, length, viaDomain) => {
      const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(length - 192 - 4)}.com`;
      expect(bare(long).length).toBe(length);
      const srv = { service: 'kerberos', protocol: 'udp', port: 88, ...viaDomain ? { domain: long } : {} };
      expectRejected(withDns(args, { hostname: viaDomain ? 'dns.example.com' : long, srv: [srv] }), ['UDP401']);
    }), { seed: RUNS.seed, numRuns: 50 });
  });
});
