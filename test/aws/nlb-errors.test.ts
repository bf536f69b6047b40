import { Duration } from 'cdk8s';
import { MockResourceRecorder } from '../../src/aws/mock-recorder';

const recorder = MockResourceRecorder.start({ project: 'test', stack: 'errors' });
// the entry point, and the internals the tests look at
const lib = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ...require('../../src/pulumi'),
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ...require('../../src/aws/plan'),
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ...require('../../src/model/health-check'),
} as typeof import('../../src/pulumi') & typeof import('../../src/aws/plan') & typeof import('../../src/model/health-check');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pulumi = require('@pulumi/pulumi') as typeof import('@pulumi/pulumi');
const { NlbUdpLoadBalancer, NlbUdpLoadBalancerError } = lib;

type Args = import('../../src/pulumi').NlbUdpLoadBalancerArgs;

const SUBNETS = ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'];
const BASE: Args = {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: SUBNETS,
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
};

const CDK = 'https://github.com/aws/aws-cdk/blob/main/packages/aws-cdk-lib/aws-elasticloadbalancingv2/lib/nlb/network-target-group.ts';
const CREATE_TG = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html';
const SUBNET_MAPPING = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SubnetMapping.html';
// the component calls AWS: its findings cite AWS's API, not the controller's annotations
const CREATE_LB = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html';
const LISTENERS = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html';
const EXTERNALDNS_SRV = 'https://github.com/kubernetes-sigs/external-dns/blob/master/endpoint/endpoint.go';
const REGISTER_TARGETS = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RegisterTargets.html';

/** Constructs the component with `overrides` and returns the error message; fails when nothing is thrown. */
function errorOf(name: string, overrides: Record<string, unknown>): string {
  const before = recorder.count;
  let thrown: unknown;
  try {
    new NlbUdpLoadBalancer(name, { ...BASE, ...overrides } as Args);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(NlbUdpLoadBalancerError);
  // Rejected before anything is registered: not even the component itself.
  expect(recorder.count).toBe(before);
  return (thrown as Error).message;
}

function header(name: string, count: number): string {
  return `NlbUdpLoadBalancer ${name}: ${count} invalid argument${count === 1 ? '' : 's'}, no resource was created:`;
}

afterAll(async () => {
  await recorder.settle();
  expect(recorder.count).toBe(0);
});

describe('bad input is rejected at construction with its exact message, before any resource is registered', () => {
  test('a UDP health check', () => {
    expect(errorOf('hc-udp', { healthCheck: { protocol: 'UDP', port: 30080 } })).toBe([
      header('hc-udp', 1),
      `[UDP501] hc-udp: healthCheck.protocol "UDP": is not possible: AWS cannot health-check over UDP (TCP, HTTP or HTTPS; ${CREATE_TG})` +
        ' Fix: check a TCP or HTTP health port (a health sidecar, or healthCheckNodePort with Local)',
    ].join('\n'));
  });

  test('a TCP_UDP health check from untyped input', () => {
    expect(errorOf('hc-tcpudp', { healthCheck: { protocol: 'TCP_UDP' } })).toContain(
      '[UDP501] hc-tcpudp: healthCheck.protocol "TCP_UDP": is not possible: AWS cannot health-check over UDP');
  });

  test('EIPs on an internal load balancer', () => {
    expect(errorOf('eip-internal', { eips: 'allocate' })).toBe([
      header('eip-internal', 1),
      `[UDP521] eip-internal: eips "allocate": cannot be used with scheme 'internal' (the default) (scheme: 'internet-facing'; ${SUBNET_MAPPING})`,
    ].join('\n'));
  });

  test('an EIP count that differs from the subnet count', () => {
    expect(errorOf('eip-count', { scheme: 'internet-facing', eips: ['eipalloc-0aaaaaaaaaaaaaaa1'] })).toBe([
      header('eip-count', 1),
      `[UDP522] eip-count: eips ["eipalloc-0aaaaaaaaaaaaaaa1"]: has 1 allocation id for 2 subnets (exactly one Elastic IP per subnet (2), paired by position; ${SUBNET_MAPPING})`,
    ].join('\n'));
  });

  test('an allocation id that is not eipalloc-...', () => {
    expect(errorOf('eip-form', { scheme: 'internet-facing', eips: ['eipalloc-0aaaaaaaaaaaaaaa1', '203.0.113.7'] })).toBe([
      header('eip-form', 1),
      `[UDP523] eip-form: eips[1] "203.0.113.7": is not an Elastic IP allocation id (eipalloc- followed by 8 or 17 hexadecimal digits; ${SUBNET_MAPPING})`,
    ].join('\n'));
  });

  test('a duplicate listener (port, protocol)', () => {
    expect(errorOf('dup', { ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'UDP' }] })).toBe([
      header('dup', 1),
      `[UDP533] dup: ports[1] {"port":53,"protocol":"UDP"}: repeats ports[0]: the same port and protocol (one entry per port; ${LISTENERS})`,
    ].join('\n'));
  });

  test('separate TCP and UDP listeners on one port: the message offers TCP_UDP', () => {
    expect(errorOf('split', {
      ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }, { port: 53, protocol: 'TCP', targetPort: 30053 }],
    })).toBe([
      header('split', 1),
      `[UDP534] split: ports[1] {"port":53,"protocol":"TCP"}: shares port 53 with ports[0]: an NLB takes one listener per port (one port { port: 53, protocol: NlbProtocol.TCP_UDP }; ${LISTENERS})`,
    ].join('\n'));
  });

  test('separate TCP and UDP listeners with different target ports: the hint says TCP_UDP needs one', () => {
    expect(errorOf('split2', {
      ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }, { port: 53, protocol: 'TCP', targetPort: 30054 }],
    })).toContain('Fix: a TCP_UDP listener needs one targetPort serving both TCP and UDP');
  });

  test('a TCP or UDP listener on the port of a TCP_UDP listener', () => {
    expect(errorOf('taken', { ports: [{ port: 53, protocol: 'TCP_UDP' }, { port: 53, protocol: 'UDP' }] })).toBe([
      header('taken', 1),
      `[UDP535] taken: ports[1] {"port":53,"protocol":"UDP"}: uses port 53, which the TCP_UDP listener ports[0] already serves for TCP and UDP (remove it: the TCP_UDP listener carries both protocols; ${LISTENERS})`,
    ].join('\n'));
  });

  test('health-check ranges, all errors in one Error', () => {
    expect(errorOf('ranges', { healthCheck: { port: 30080, interval: Duration.seconds(3), timeout: Duration.seconds(121), healthyThreshold: 1, unhealthyThreshold: 11 } })).toBe([
      header('ranges', 4),
      `[UDP504] ranges: healthCheck.interval 3: must be a whole number of seconds between 5 and 300 (5..300 seconds; ${CDK})`,
      `[UDP505] ranges: healthCheck.timeout 121: must be a whole number of seconds between 2 and 120 (2..120 seconds; ${CDK})`,
      `[UDP506] ranges: healthCheck.healthyThreshold 1: must be a whole number between 2 and 10 (2..10; ${CDK})`,
      `[UDP506] ranges: healthCheck.unhealthyThreshold 11: must be a whole number between 2 and 10 (2..10; ${CDK})`,
    ].join('\n'));
  });

  test('an interval below the (default) timeout; equal passes', () => {
    expect(errorOf('interval', { healthCheck: { port: 30080, interval: Duration.seconds(9) } })).toBe([
      header('interval', 1),
      '[UDP507] interval: healthCheck.interval 9: must be at least the timeout, 10 seconds (the default timeout)' +
        ' (an interval of at least 10 seconds, or a timeout of at most 9; https://github.com/aws/aws-cdk/issues/16446)',
    ].join('\n'));
    expect(lib.planNlb('equal', { ...BASE, healthCheck: { port: 30080, interval: Duration.seconds(10), timeout: Duration.seconds(10) } }).healthCheck).toMatchObject({ interval: 10, timeout: 10 });
  });

  test('a path and success codes on a TCP check', () => {
    expect(errorOf('path', { healthCheck: { protocol: 'TCP', port: 30080, path: '/healthz', successCodes: '200' } })).toBe([
      header('path', 2),
      `[UDP503] path: healthCheck.path "/healthz": is not supported by TCP health checks (a path only with protocol HTTP or HTTPS; ${CDK})`,
      `[UDP508] path: healthCheck.successCodes "200": is not supported by TCP health checks (success codes only with protocol HTTP or HTTPS; ${CREATE_TG})`,
    ].join('\n'));
  });

  test('SRV values out of range, a bad service name and protocol, a TTL of 0', () => {
    expect(errorOf('srv', {
      dns: { zoneId: 'Z1', hostname: 'dns.example.com', ttl: Duration.seconds(0), srv: [{ service: 'dns_server', protocol: 'sctp', priority: 65536, weight: -1, port: 70000 }] },
    })).toBe([
      header('srv', 6),
      '[UDP402] srv: dns.ttl 0: must be a whole number of seconds between 1 and 2147483647 (a Duration of 0 s) (1..2147483647 seconds; https://github.com/kubernetes-sigs/external-dns/blob/master/docs/annotations/annotations.md)',
      "[UDP403] srv: dns.srv[0].service \"dns_server\": must consist of letters, digits and single '-', and start and end with a letter or digit, to make the _service label of _service._proto.domain (a service name such as kerberos, ldap or sip; https://www.rfc-editor.org/rfc/rfc6335#section-5.1)",
      '[UDP404] srv: dns.srv[0].protocol "sctp": must be udp or tcp, to make _service._udp or _service._tcp (udp or tcp; https://www.rfc-editor.org/rfc/rfc2782)',
      `[UDP405] srv: dns.srv[0].priority 65536: must be a whole number between 0 and 65535 (0..65535; ${EXTERNALDNS_SRV})`,
      `[UDP405] srv: dns.srv[0].weight -1: must be a whole number between 0 and 65535 (0..65535; ${EXTERNALDNS_SRV})`,
      `[UDP405] srv: dns.srv[0].port 70000: must be a whole number between 0 and 65535 (0..65535; ${EXTERNALDNS_SRV})`,
    ].join('\n'));
  });

  test('an SRV port that cannot be inferred from the listeners', () => {
    expect(errorOf('srv-port', {
      ports: [{ port: 53, protocol: 'UDP' }, { port: 5353, protocol: 'UDP' }],
      dns: { zoneId: 'Z1', hostname: 'dns.example.com', srv: [{ service: 'domain', protocol: 'udp' }, { service: 'domain', protocol: 'tcp' }] },
    })).toBe([
      header('srv-port', 2),
      `[UDP405] srv-port: dns.srv[0].port (unset): is needed: 2 ports carry udp (53, 5353) (0..65535, the port clients of this service connect to; ${EXTERNALDNS_SRV})`,
      `[UDP405] srv-port: dns.srv[1].port (unset): is needed: no port carries tcp (0..65535, the port clients of this service connect to; ${EXTERNALDNS_SRV})`,
    ].join('\n'));
  });

  test('a hostname with a label over 63 characters', () => {
    expect(errorOf('host', { dns: { zoneId: 'Z1', hostname: `${'a'.repeat(64)}.example.com` } })).toBe([
      header('host', 1),
      `[UDP401] host: dns.hostname "${'a'.repeat(64)}.example.com": label "aaaaaaaaaaaaaaaaaaaa..." must be no more than 63 characters (has 64)` +
        ' (a DNS name such as dns.example.com: at most 253 characters, labels of 1..63 [A-Za-z0-9-]; https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4)',
    ].join('\n'));
  });

  test('scheme, subnets, listeners, targets and attributes together', () => {
    const message = errorOf('misc', {
      scheme: 'public',
      subnets: ['subnet-1'],
      ports: [],
      targets: { instanceIds: ['i-1'], ipAddresses: ['10.0.0.300'] },
      targetGroupAttributes: { deregistrationDelay: 4000 },
      ipAddressType: 'ipv6',
    });
    expect(message.split('\n').map((line) => line.slice(0, line.indexOf(':', line.indexOf(':') + 1)))).toEqual([
      'NlbUdpLoadBalancer misc: 8 invalid arguments, no resource was created',
      '[UDP520] misc: scheme "public"',
      '[UDP524] misc: subnets[0] "subnet-1"',
      '[UDP526] misc: ipAddressType "ipv6"',
      '[UDP550] misc: targetGroupAttributes.deregistrationDelay 4000',
      '[UDP530] misc: ports []',
      '[UDP541] misc: targets.instanceIds[0] "i-1"',
      '[UDP542] misc: targets.ipAddresses[0] "10.0.0.300"',
      '[UDP543] misc: targets.ipAddresses ["10.0.0.300"]',
    ]);
  });

  test('enum-like arguments given as something else (untyped input): each named with its value and the allowed values', () => {
    expect(errorOf('enums', {
      scheme: 'INTERNET-FACING',
      eips: 'ALLOCATE',
      ipAddressType: 'DUALSTACK',
      ports: [{ port: 53, protocol: 'udp', targetPort: 30053 }],
      targetType: 'IP',
      healthCheck: { protocol: 'tcp', port: 30080 },
    })).toBe([
      header('enums', 6),
      `[UDP523] enums: eips "ALLOCATE": must be 'allocate' or a list of allocation ids ('allocate' (one new Elastic IP per subnet) or ['eipalloc-...', ...] (one per subnet); ${SUBNET_MAPPING})`,
      `[UDP520] enums: scheme "INTERNET-FACING": is not a load-balancer scheme (internal or internet-facing; ${CREATE_LB})`,
      `[UDP526] enums: ipAddressType "DUALSTACK": is not an IP address type of a Network Load Balancer (ipv4 or dualstack; ${CREATE_LB})`,
      '[UDP540] enums: targetType "IP": is not a target type (instance or ip; https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RegisterTargets.html)',
      `[UDP532] enums: ports[0].protocol "udp": is not a protocol this load balancer forwards (UDP, TCP, TCP_UDP, QUIC or TCP_QUIC; ${LISTENERS})`,
      `[UDP501] enums: healthCheck.protocol "tcp": is not a health-check protocol (TCP, HTTP or HTTPS; ${CREATE_TG})`,
    ].join('\n'));
  });

  test('subnets as an Output<string[]> (the EIPs could not be paired)', () => {
    expect(errorOf('out', { subnets: pulumi.output(SUBNETS) })).toBe([
      header('out', 1),
      '[UDP524] out: subnets "(an output)": must be a list known when the program runs, so that Elastic IPs and subnets can be paired' +
        ' (an array whose entries may be outputs: [subnetA.id, subnetB.id] rather than vpc.publicSubnetIds; https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SubnetMapping.html)' +
        ' Fix: list the subnets, one per Availability Zone: their ids may be outputs',
    ].join('\n'));
    expect(errorOf('nosubnets', { subnets: undefined })).toContain('[UDP524] nosubnets: subnets (unset): must list at least one subnet');
  });

  test('preserveClientIp false on a UDP listener', () => {
    expect(errorOf('pcip', { targetGroupAttributes: { preserveClientIp: false } })).toBe([
      header('pcip', 1),
      '[UDP551] pcip: targetGroupAttributes.preserveClientIp false: cannot be disabled for UDP target groups' +
        ' (true, or leave it unset; https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation)',
    ].join('\n'));
  });

  test('switches given as something else (untyped input): refused before anything is created, never read as truthy', () => {
    const src = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html';
    // 'false' is truthy: deletion protection would be turned on, the EIPs kept, cross-zone left on
    expect(errorOf('switches', {
      scheme: 'internet-facing', eips: 'allocate', retainEipsOnDelete: 'false', crossZone: 0, deletionProtection: 'false',
    })).toBe([
      header('switches', 3),
      `[UDP527] switches: crossZone 0: must be true or false (true or false; ${src})`,
      `[UDP527] switches: deletionProtection "false": must be true or false (true or false; ${src}) Fix: give the boolean false, not a string`,
      `[UDP527] switches: retainEipsOnDelete "false": must be true or false (true or false; ${src}) Fix: give the boolean false, not a string`,
    ].join('\n'));
    expect(errorOf('switches-null', { crossZone: null, deletionProtection: 'yes' })).toBe([
      header('switches-null', 2),
      `[UDP527] switches-null: crossZone null: must be true or false (true or false; ${src})`,
      `[UDP527] switches-null: deletionProtection "yes": must be true or false (true or false; ${src}) Fix: give the boolean true, not a string`,
    ].join('\n'));
    // the booleans themselves pass
    expect(lib.planNlb('switches-ok', { ...BASE, crossZone: false, deletionProtection: true, retainEipsOnDelete: false }).warnings).toEqual([]);
  });

  test('the error carries its findings', () => {
    try {
      new NlbUdpLoadBalancer('findings', { ...BASE, healthCheck: { protocol: 'UDP' } } as unknown as Args);
      throw new Error('not thrown');
    } catch (error) {
      const findings = (error as InstanceType<typeof NlbUdpLoadBalancerError>).findings;
      expect(findings.map((f) => [f.ruleId, f.field, f.severity])).toEqual([['UDP501', 'healthCheck.protocol', 'error']]);
    }
  });
});

describe('warnings are reported, never thrown, and can be silenced', () => {
  test('a TCP check of the traffic port of a UDP listener warns (UDP509)', () => {
    const plan = lib.planNlb('warn', { ...BASE, healthCheck: undefined });
    expect(plan.warnings.map((w) => lib.formatFinding(w, 'warn'))).toEqual([
      '[UDP509] warn: healthCheck.port (unset): checks the traffic port of a UDP target over TCP, which never answers' +
        ' (the port of a TCP or HTTP health endpoint; https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2144)' +
        ' Fix: set healthCheck.port to a health NodePort or sidecar port',
    ]);
    expect(lib.planNlb('warn', { ...BASE, healthCheck: undefined, disabledRules: ['udp509'] }).warnings).toEqual([]);
    expect(lib.planNlb('warn', { ...BASE, ports: [{ port: 53, protocol: 'TCP_UDP' }], healthCheck: undefined }).warnings).toEqual([]);
  });
});

// Found by test/properties/pulumi-nlb.test.ts.
describe('SRV record sets and untyped arguments', () => {
  const DNS = { zoneId: 'Z1', hostname: 'kdc.example.com' };

  test('SRV entries whose record names differ only in case are one record set (DNS names are case-insensitive)', () => {
    const plan = lib.planNlb('case', {
      ...BASE,
      ports: [{ port: 88, protocol: 'UDP' }],
      dns: {
        ...DNS,
        srv: [
          { service: 'kerberos', protocol: 'udp' },
          { service: 'Kerberos', protocol: 'udp', priority: 20 },
          { service: 'kerberos', protocol: 'udp', domain: 'Example.com' },
          { service: '_KERBEROS', protocol: 'UDP' as 'udp', domain: 'example.com.', weight: 5 },
        ],
      },
    });
    expect(plan.srv).toEqual([
      { key: 'srv-_kerberos._udp.kdc.example.com', name: '_kerberos._udp.kdc.example.com', values: ['10 100 88 kdc.example.com.', '20 100 88 kdc.example.com.'] },
      { key: 'srv-_kerberos._udp.example.com', name: '_kerberos._udp.Example.com', values: ['10 100 88 kdc.example.com.', '10 5 88 kdc.example.com.'] },
    ]);
  });

  test('an SRV record name over 253 characters (a long hostname or domain) is UDP401', () => {
    const long = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(49)}.com`;
    expect(long).toHaveLength(245);
    const srv = { service: 'kerberos', protocol: 'udp' as const, port: 88 };
    const [head, line, ...more] = errorOf('long', { dns: { ...DNS, hostname: long, srv: [srv] } }).split('\n');
    expect([head, more]).toEqual([header('long', 1), []]);
    expect(line).toMatch(/^\[UDP401\] long: dns\.hostname "a{63}\.b+\.\.\.: makes the record name _kerberos\._udp\.a{63}\./);
    expect(line).toContain('.com, of 260 characters: must be no more than 253 characters (has 260)' +
      ' (a shorter domain: _service._proto.domain is at most 253 characters; https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4)');
    expect(errorOf('long-domain', { dns: { ...DNS, srv: [{ ...srv, domain: long }] } })).toContain('[UDP401] long-domain: dns.srv[0].domain ');
  });

  test('untyped DNS arguments: dns null is no DNS, SRV entries that are no list or no objects are UDP403/UDP404', () => {
    const plan = lib.planNlb('nodns', { ...BASE, dns: null } as unknown as Args);
    expect([plan.recordName, plan.srv]).toEqual([undefined, []]);
    expect(errorOf('srvlist', { dns: { ...DNS, srv: 'kerberos' } })).toBe([
      header('srvlist', 1),
      '[UDP403] srvlist: dns.srv "kerberos": must be a list of SRV record sets' +
        " (for example [{ service: 'kerberos', protocol: SrvProtocol.UDP }]; https://www.rfc-editor.org/rfc/rfc6335#section-5.1)",
    ].join('\n'));
    expect(errorOf('srvnull', { dns: { ...DNS, srv: [null] } }).split('\n').map((line) => line.slice(0, 40))).toEqual([
      header('srvnull', 2).slice(0, 40),
      '[UDP403] srvnull: dns.srv[0].service (un',
      '[UDP404] srvnull: dns.srv[0].protocol (u',
    ]);
  });

  test('instance ids and IP addresses that are no strings are UDP541/UDP542; outputs too (they name the attachments)', () => {
    expect(errorOf('ids', { targets: { instanceIds: [null] } })).toBe([
      header('ids', 1),
      `[UDP541] ids: targets.instanceIds[0] null: is not an EC2 instance id (i- followed by 8 or 17 hexadecimal digits; ${REGISTER_TARGETS})`,
    ].join('\n'));
    expect(errorOf('ips', { targets: { ipAddresses: ['10.0.0.1', 5] } })).toBe([
      header('ips', 1),
      `[UDP542] ips: targets.ipAddresses[1] 5: is not an IP address (an IPv4 or IPv6 address such as 10.0.1.15; ${REGISTER_TARGETS})`,
    ].join('\n'));
    expect(errorOf('id-output', { targets: { instanceIds: [pulumi.output('i-0123456789abcdef0')] } })).toBe([
      header('id-output', 1),
      '[UDP541] id-output: targets.instanceIds[0] "(an output)": must be a string known when the program runs: it names the' +
        ` target's attachment (an EC2 instance id; ${REGISTER_TARGETS})`,
    ].join('\n'));
  });

  test('listener entries that are no object are UDP530, not a TypeError', () => {
    expect(errorOf('nolistener', { ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }, null] })).toBe([
      header('nolistener', 1),
      `[UDP530] nolistener: ports[1] null: is not a port (a port such as { port: 53, protocol: NlbProtocol.UDP, targetPort: 30053 }; ${LISTENERS})`,
    ].join('\n'));
  });

  test('targets that are no object, lists that are no list, and Auto Scaling groups that are no string or output are UDP54x', () => {
    expect(errorOf('targets5', { targets: 5, targetType: 'IP' })).toBe([
      header('targets5', 2),
      `[UDP540] targets5: targetType "IP": is not a target type (instance or ip; ${REGISTER_TARGETS})`,
      '[UDP540] targets5: targets 5: is not a set of targets ({ instanceIds, autoScalingGroupNames, ipAddresses }, each a list,' +
        ` such as { instanceIds: ['i-0123456789abcdef0'] }; ${REGISTER_TARGETS})`,
    ].join('\n'));
    expect(errorOf('lists', { targets: { instanceIds: 'i-0123456789abcdef0', autoScalingGroupNames: 'eks-nodes', ipAddresses: 5 } })).toBe([
      header('lists', 3),
      `[UDP541] lists: targets.instanceIds "i-0123456789abcdef0": is not a list of EC2 instance ids (a list such as ['i-0123456789abcdef0']; ${REGISTER_TARGETS})`,
      `[UDP540] lists: targets.autoScalingGroupNames "eks-nodes": is not a list of Auto Scaling group names (a list such as ['eks-nodes-0123']; ${REGISTER_TARGETS})`,
      `[UDP542] lists: targets.ipAddresses 5: is not a list of IP addresses (a list such as ['10.0.1.15']; ${REGISTER_TARGETS})`,
    ].join('\n'));
    expect(errorOf('asg', { targets: { autoScalingGroupNames: ['eks-nodes', null] } })).toBe([
      header('asg', 1),
      `[UDP540] asg: targets.autoScalingGroupNames[1] null: is not an Auto Scaling group name (the name of an Auto Scaling group, such as eks-nodes-0123; ${REGISTER_TARGETS})`,
    ].join('\n'));
    // outputs (and promises) are Auto Scaling group names known later; targets: null is none, as dns: null
    expect(lib.planNlb('asg-out', { ...BASE, targets: { autoScalingGroupNames: [pulumi.output('eks-nodes'), Promise.resolve('eks-more')] } }).targetType)
      .toBe('instance');
    expect(lib.planNlb('no-targets', { ...BASE, targets: null } as unknown as Args).targetType).toBe('instance');
  });

  test('a health check that is no object is UDP501; null is none, as undefined (the shared defaults)', () => {
    expect(errorOf('hc5', { healthCheck: 5 })).toBe([
      header('hc5', 1),
      `[UDP501] hc5: healthCheck 5: is not a health check (a health check such as { protocol: 'HTTP', port: 30080, path: '/healthz' }, or none for AWS's defaults; ${CREATE_TG})`,
    ].join('\n'));
    const plan = lib.planNlb('hcnull', { ...BASE, healthCheck: null } as unknown as Args);
    expect(plan.healthCheck).toEqual(lib.resolveHealthCheck({ interval: 10, timeout: 10 }));
    expect(plan.warnings.map((w) => w.ruleId)).toEqual(['UDP509']);
  });

  test('subnets and allocation ids that are no string are UDP524/UDP523: only outputs (and promises) pass unchecked', () => {
    expect(errorOf('subnetnull', { subnets: [SUBNETS[0], null] })).toBe([
      header('subnetnull', 1),
      `[UDP524] subnetnull: subnets[1] null: is not a subnet id (subnet- followed by 8 or 17 hexadecimal digits; ${SUBNET_MAPPING})`,
    ].join('\n'));
    expect(errorOf('eipnum', { scheme: 'internet-facing', eips: ['eipalloc-0aaaaaaaaaaaaaaa1', 5] })).toBe([
      header('eipnum', 1),
      `[UDP523] eipnum: eips[1] 5: is not an Elastic IP allocation id (eipalloc- followed by 8 or 17 hexadecimal digits; ${SUBNET_MAPPING})`,
    ].join('\n'));
    const plan = lib.planNlb('deferred', {
      ...BASE,
      scheme: 'internet-facing',
      subnets: [pulumi.output(SUBNETS[0]), Promise.resolve(SUBNETS[1])],
      eips: [pulumi.output('eipalloc-0aaaaaaaaaaaaaaa1'), 'eipalloc-0aaaaaaaaaaaaaaa2'],
    });
    expect(plan.givenEips).toHaveLength(2);
  });

  test('disabledRules that are no list of rule ids are UDP554, never a TypeError', () => {
    for (const disabledRules of ['UDP509', [5, null], null]) {
      expect(() => lib.planNlb('rules', { ...BASE, healthCheck: undefined, disabledRules } as unknown as Args))
        .toThrow(`[UDP554] rules: disabledRules ${JSON.stringify(disabledRules)}: must be a list of rule ids (a list such as ['UDP509']; ${CREATE_TG})`);
    }
  });
});
