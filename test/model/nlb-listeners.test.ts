import { formatFinding } from '../../src/core/finding';
import { checkListeners, checkTargets, inferTargetType, NlbTargetsInput, NlbTargetType } from '../../src/model/nlb-listeners';

// Found by the property tests: untyped input (JavaScript, config) gives findings, never a TypeError, never "none".

const LISTENERS = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html';
const REGISTER_TARGETS = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RegisterTargets.html';
const ID = 'i-0123456789abcdef0';

function listenerMessages(listeners: unknown): string[] {
  return checkListeners(listeners as unknown[]).map((f) => formatFinding(f, 'nlb'));
}

function targetMessages(targets: unknown): string[] {
  return checkTargets(targets as NlbTargetsInput).map((f) => formatFinding(f, 'nlb'));
}

describe('checkListeners: entries that are no listener object', () => {
  test.each([
    [null, 'null'],
    [5, '5'],
    ['UDP 53', '"UDP 53"'],
    [[53, 'UDP'], '[53,"UDP"]'],
  ])('%p is one UDP530, not a TypeError nor a port and a protocol finding', (entry, shown) => {
    expect(listenerMessages([entry])).toEqual([
      `[UDP530] nlb: ports[0] ${shown}: is not a port (a port such as { port: 53, protocol: NlbProtocol.UDP, targetPort: 30053 }; ${LISTENERS})`,
    ]);
  });

  test('the listener objects around them are still checked, duplicates included', () => {
    expect(listenerMessages([{ port: 53, protocol: 'UDP' }, null, { port: 53, protocol: 'UDP' }, { port: 0, protocol: 'UDP' }])).toEqual([
      `[UDP530] nlb: ports[1] null: is not a port (a port such as { port: 53, protocol: NlbProtocol.UDP, targetPort: 30053 }; ${LISTENERS})`,
      `[UDP531] nlb: ports[3].port 0: must be a whole number between 1 and 65535 (1..65535; ${LISTENERS})`,
      `[UDP533] nlb: ports[2] {"port":53,"protocol":"UDP"}: repeats ports[0]: the same port and protocol (one entry per port; ${LISTENERS})`,
    ]);
  });

  test('listeners that are no list are UDP530, as none', () => {
    for (const [listeners, shown] of [[null, 'null'], [{ port: 53, protocol: 'UDP' }, '{"port":53,"protocol":"UDP"}'], ['UDP 53', '"UDP 53"']] as const) {
      expect(listenerMessages(listeners)).toEqual([
        `[UDP530] nlb: ports ${shown}: must list at least one port (for example [{ port: 53, protocol: NlbProtocol.UDP, targetPort: 30053 }]; ${LISTENERS})`,
      ]);
    }
  });
});

describe('checkTargets: targets, lists and entries given as something else', () => {
  test.each([
    [5, '5'],
    [ID, `"${ID}"`],
    [[ID], `["${ID}"]`],
    [true, 'true'],
  ])('targets %p are UDP540, never read as no targets', (targets, shown) => {
    expect(targetMessages(targets)).toEqual([
      `[UDP540] nlb: targets ${shown}: is not a set of targets ({ instanceIds, autoScalingGroupNames, ipAddresses }, each a list,` +
        ` such as { instanceIds: ['i-0123456789abcdef0'] }; ${REGISTER_TARGETS})`,
    ]);
  });

  test('targets, and lists, that are undefined or null are none', () => {
    expect(checkTargets(undefined as unknown as NlbTargetsInput)).toEqual([]);
    expect(checkTargets(null as unknown as NlbTargetsInput)).toEqual([]);
    expect(checkTargets({ instanceIds: null, autoScalingGroupNames: null, ipAddresses: null })).toEqual([]);
  });

  test('a list that is no list: UDP541 instance ids, UDP540 Auto Scaling groups, UDP542 IP addresses', () => {
    expect(targetMessages({ instanceIds: ID, autoScalingGroupNames: { name: 'eks-nodes' } })).toEqual([
      `[UDP541] nlb: targets.instanceIds "${ID}": is not a list of EC2 instance ids (a list such as ['i-0123456789abcdef0']; ${REGISTER_TARGETS})`,
      `[UDP540] nlb: targets.autoScalingGroupNames {"name":"eks-nodes"}: is not a list of Auto Scaling group names (a list such as ['eks-nodes-0123']; ${REGISTER_TARGETS})`,
    ]);
    expect(targetMessages({ ipAddresses: '10.0.1.15' })).toEqual([
      `[UDP542] nlb: targets.ipAddresses "10.0.1.15": is not a list of IP addresses (a list such as ['10.0.1.15']; ${REGISTER_TARGETS})`,
    ]);
    // (a list that is none registers nothing: the target type is not inferred from it)
    expect(inferTargetType({ ipAddresses: '10.0.1.15' })).toBe(NlbTargetType.INSTANCE);
  });

  test('entries that are no string are reported, in each list', () => {
    expect(targetMessages({ instanceIds: [null, ID, 5], autoScalingGroupNames: ['eks-nodes', null, { name: 'x' }] })).toEqual([
      `[UDP541] nlb: targets.instanceIds[0] null: is not an EC2 instance id (i- followed by 8 or 17 hexadecimal digits; ${REGISTER_TARGETS})`,
      `[UDP541] nlb: targets.instanceIds[2] 5: is not an EC2 instance id (i- followed by 8 or 17 hexadecimal digits; ${REGISTER_TARGETS})`,
      `[UDP540] nlb: targets.autoScalingGroupNames[1] null: is not an Auto Scaling group name (the name of an Auto Scaling group, such as eks-nodes-0123; ${REGISTER_TARGETS})`,
      `[UDP540] nlb: targets.autoScalingGroupNames[2] {"name":"x"}: is not an Auto Scaling group name (the name of an Auto Scaling group, such as eks-nodes-0123; ${REGISTER_TARGETS})`,
    ]);
    expect(targetMessages({ ipAddresses: [{}] })).toEqual([
      `[UDP542] nlb: targets.ipAddresses[0] {}: is not an IP address (an IPv4 or IPv6 address such as 10.0.1.15; ${REGISTER_TARGETS})`,
    ]);
  });

  test('only the entries isDeferred names (Pulumi outputs) are left unchecked', () => {
    const output = { an: 'output' };
    const isDeferred = (value: unknown) => value === output;
    expect(checkTargets({ instanceIds: [output], autoScalingGroupNames: [output, 'eks-nodes'], isDeferred })).toEqual([]);
    expect(checkTargets({ ipAddresses: [output], isDeferred })).toEqual([]);
    // without isDeferred (the default), every entry that is no string is reported
    expect(targetMessages({ autoScalingGroupNames: [output] })).toEqual([
      `[UDP540] nlb: targets.autoScalingGroupNames[0] {"an":"output"}: is not an Auto Scaling group name (the name of an Auto Scaling group, such as eks-nodes-0123; ${REGISTER_TARGETS})`,
    ]);
  });
});
