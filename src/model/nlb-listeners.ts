import { isIP } from 'node:net';
import { PLACEMENT_RULES } from './eip';
import { HEALTH_CHECK_RULES, isWholeNumberIn, NlbSources } from './health-check';
import { TARGET_GROUP_ATTRIBUTE_RULES } from './target-group-attributes';
import { Finding, Severity } from '../rules/finding';
import { findingOf, RuleInfo } from '../rules/rule';

/** The protocol of a Network Load Balancer listener (and of the target group it forwards to). */
export enum ListenerProtocol {
  /** UDP only. */
  UDP = 'UDP',
  /** TCP only. */
  TCP = 'TCP',
  /** TCP and UDP on the same port: one listener, one target group (targets serve both on one port). */
  TCP_UDP = 'TCP_UDP',
}

/** One listener: the port clients use, its protocol, and the port the targets receive the traffic on. */
export interface NlbListener {
  /** The port clients connect to: 1..65535. */
  readonly port: number;
  /** UDP, TCP or TCP_UDP. */
  readonly protocol: ListenerProtocol | 'UDP' | 'TCP' | 'TCP_UDP';
  /**
   * The port the targets receive the traffic on, for example the NodePort of a `UdpService`: 1..65535.
   * @default - the listener's port
   */
  readonly targetPort?: number;
}

/** How targets are registered: by instance id (instances and Auto Scaling groups) or by IP address. */
export enum NlbTargetType {
  /** EC2 instance ids, or Auto Scaling groups; traffic goes to the instance's primary address (NodePorts). */
  INSTANCE = 'instance',
  /** IP addresses in the VPC (pods with the VPC CNI, or any address). */
  IP = 'ip',
}

/**
 * The targets as given, before any check. Each list may be anything (untyped input): `undefined` or `null` is none,
 * anything but a list is reported.
 */
export interface NlbTargetsInput {
  /** The target type as given; `undefined` means "inferred". */
  readonly targetType?: unknown;
  /** EC2 instance ids. */
  readonly instanceIds?: unknown;
  /** Auto Scaling group names. */
  readonly autoScalingGroupNames?: unknown;
  /** IP addresses. */
  readonly ipAddresses?: unknown;
  /**
   * Whether an entry is a value known only later (a Pulumi output): such entries are counted but not checked. Every
   * other entry that is not a string (a number, `null`, a plain object) is reported.
   * @default - none is (every entry must be a string)
   */
  readonly isDeferred?: (value: unknown) => boolean;
}

/** The form of an EC2 instance id. */
export const INSTANCE_ID = /^i-[0-9a-f]{8,17}$/;

/** UDP530: at least one listener. */
export const LISTENERS_REQUIRED: RuleInfo = {
  id: 'UDP530',
  severity: Severity.ERROR,
  title: 'At least one listener',
  why: 'A load balancer without a listener forwards nothing.',
  source: NlbSources.NLB_LISTENERS,
};

/** UDP531: listener and target ports are 1..65535. */
export const LISTENER_PORT: RuleInfo = {
  id: 'UDP531',
  severity: Severity.ERROR,
  title: 'Listener and target ports must be 1..65535',
  why: 'AWS refuses the listener or the target group.',
  source: NlbSources.NLB_LISTENERS,
};

/** UDP532: the listener protocol is UDP, TCP or TCP_UDP. */
export const LISTENER_PROTOCOL: RuleInfo = {
  id: 'UDP532',
  severity: Severity.ERROR,
  title: 'Listener protocol must be UDP, TCP or TCP_UDP',
  why: 'This component builds UDP and TCP+UDP load balancers; TLS and QUIC need certificates it does not manage.',
  source: NlbSources.NLB_LISTENERS,
};

/** UDP533: no two listeners with the same port and protocol. */
export const LISTENER_DUPLICATE: RuleInfo = {
  id: 'UDP533',
  severity: Severity.ERROR,
  title: 'No two listeners with the same port and protocol',
  why: 'AWS refuses a second listener on a port (DuplicateListener).',
  source: NlbSources.NLB_LISTENERS,
};

/** UDP534: TCP and UDP on one port take one TCP_UDP listener. */
export const LISTENER_TCP_AND_UDP: RuleInfo = {
  id: 'UDP534',
  severity: Severity.ERROR,
  title: 'TCP and UDP on one port need one TCP_UDP listener',
  why: 'An NLB takes one listener per port (DuplicateListener): TCP and UDP on the same port are one TCP_UDP ' +
    'listener with a TCP_UDP target group.',
  source: NlbSources.NLB_LISTENERS,
};

/** UDP535: a TCP_UDP listener's port is not used by another listener. */
export const LISTENER_PORT_TAKEN: RuleInfo = {
  id: 'UDP535',
  severity: Severity.ERROR,
  title: 'A TCP_UDP listener already covers TCP and UDP on its port',
  why: 'An NLB takes one listener per port (DuplicateListener).',
  source: NlbSources.NLB_LISTENERS,
};

/** UDP540: the target type is instance or ip. */
export const TARGET_TYPE: RuleInfo = {
  id: 'UDP540',
  severity: Severity.ERROR,
  title: 'Target type must be instance or ip',
  why: 'A Network Load Balancer target group for UDP registers instances or IP addresses.',
  source: NlbSources.REGISTER_TARGETS,
};

/** UDP541: instance ids look like `i-...`. */
export const INSTANCE_ID_FORM: RuleInfo = {
  id: 'UDP541',
  severity: Severity.ERROR,
  title: 'Instance ids look like i-0123456789abcdef0',
  why: 'RegisterTargets refuses anything else.',
  source: NlbSources.REGISTER_TARGETS,
};

/** UDP542: IP targets are IP addresses. */
export const IP_ADDRESS_FORM: RuleInfo = {
  id: 'UDP542',
  severity: Severity.ERROR,
  title: 'IP targets must be IPv4 or IPv6 addresses',
  why: 'RegisterTargets refuses anything else.',
  source: NlbSources.REGISTER_TARGETS,
};

/** UDP543: one target type per target group. */
export const TARGET_KINDS_MIXED: RuleInfo = {
  id: 'UDP543',
  severity: Severity.ERROR,
  title: 'IP targets cannot be mixed with instances or Auto Scaling groups',
  why: 'A target group has one target type: instance (instances and Auto Scaling groups) or ip.',
  source: NlbSources.REGISTER_TARGETS,
};

/** UDP544: no target twice. */
export const TARGET_DUPLICATE: RuleInfo = {
  id: 'UDP544',
  severity: Severity.ERROR,
  title: 'No target twice',
  why: 'A target registered twice is one registration: removing either entry deregisters it.',
  source: NlbSources.REGISTER_TARGETS,
};

/** Every listener and target rule, in id order. */
export const LISTENER_RULES: readonly RuleInfo[] = [
  LISTENERS_REQUIRED,
  LISTENER_PORT,
  LISTENER_PROTOCOL,
  LISTENER_DUPLICATE,
  LISTENER_TCP_AND_UDP,
  LISTENER_PORT_TAKEN,
  TARGET_TYPE,
  INSTANCE_ID_FORM,
  IP_ADDRESS_FORM,
  TARGET_KINDS_MIXED,
  TARGET_DUPLICATE,
];

/**
 * Every rule over the values of a Network Load Balancer (UDP501..UDP559): health check, scheme, subnets and Elastic
 * IPs, listeners and targets, target-group attributes. In id order.
 */
/** UDP554: the component's other arguments have their types (untyped input). */
export const ARGUMENT_TYPE: RuleInfo = {
  id: 'UDP554',
  severity: Severity.ERROR,
  title: 'An argument of the wrong type',
  why: 'A VPC id that is no string, tags that are no object or rule ids that are no list cannot be read: AWS would '
    + 'refuse the target groups, or the tags and silenced rules would be dropped without a word.',
  source: NlbSources.CREATE_TARGET_GROUP,
};

export const NLB_VALUE_RULES: readonly RuleInfo[] = [
  ...HEALTH_CHECK_RULES,
  ...PLACEMENT_RULES,
  ...LISTENER_RULES,
  ...TARGET_GROUP_ATTRIBUTE_RULES,
  ARGUMENT_TYPE,
];

const PROTOCOLS: readonly string[] = [ListenerProtocol.UDP, ListenerProtocol.TCP, ListenerProtocol.TCP_UDP];

/** Whether `value` is an object of named fields: not `null`, not a list, not a number or a string (untyped input). */
function isFieldObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list as given: `undefined` and `null` are none, and anything but a list is none too (it is reported). */
function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The stable key of a listener, used in child resource names and output maps: `udp-53`, `tcp-53`, `tcp-udp-53`.
 */
export function listenerKey(listener: Pick<NlbListener, 'port' | 'protocol'>): string {
  return `${String(listener.protocol).toLowerCase().replace('_', '-')}-${listener.port}`;
}

/**
 * Checks listeners: at least one; ports 1..65535; protocol UDP, TCP or TCP_UDP; one listener per port, TCP and UDP
 * on one port as a single TCP_UDP listener.
 *
 * Works on untyped input too: listeners that are no list, and entries that are no listener object (`null`, a number,
 * a string, a list), are reported (UDP530) rather than read.
 *
 * @param listeners the listeners as given
 * @param field the prop path for findings, for example `listeners`
 */
export function checkListeners(listeners: readonly NlbListener[] | undefined, field = 'listeners'): Finding[] {
  const findings: Finding[] = [];
  if (!Array.isArray(listeners) || listeners.length === 0) {
    findings.push(findingOf(LISTENERS_REQUIRED, {
      field,
      value: listeners,
      message: 'must list at least one listener',
      allowed: "for example [{ port: 53, protocol: 'UDP', targetPort: 30053 }]",
    }));
    return findings;
  }
  // (an entry that is no object has no port and no protocol: one finding says so, and the other checks skip it)
  const given: readonly unknown[] = listeners;
  given.forEach((listener, index) => {
    if (isFieldObject(listener)) return;
    findings.push(findingOf(LISTENERS_REQUIRED, {
      field: `${field}[${index}]`,
      value: listener,
      message: 'is not a listener',
      allowed: "a listener such as { port: 53, protocol: 'UDP', targetPort: 30053 }",
    }));
  });
  const list = given.map((listener) => (isFieldObject(listener) ? listener : undefined));
  list.forEach((listener, index) => {
    if (listener === undefined) return;
    for (const name of ['port', 'targetPort']) {
      const value = listener[name];
      if ((name === 'port' || value !== undefined) && !isWholeNumberIn(value, 1, 65535)) {
        findings.push(findingOf(LISTENER_PORT, {
          field: `${field}[${index}].${name}`,
          value,
          message: 'must be a whole number between 1 and 65535',
          allowed: '1..65535',
        }));
      }
    }
    if (typeof listener.protocol !== 'string' || !PROTOCOLS.includes(listener.protocol)) {
      findings.push(findingOf(LISTENER_PROTOCOL, {
        field: `${field}[${index}].protocol`,
        value: listener.protocol,
        message: 'is not a protocol this load balancer forwards',
        allowed: 'UDP, TCP or TCP_UDP',
      }));
    }
  });

  const byPort = new Map<unknown, number[]>();
  list.forEach((listener, index) => {
    if (listener !== undefined) byPort.set(listener.port, [...(byPort.get(listener.port) ?? []), index]);
  });
  const at = (index: number) => list[index] as Record<string, unknown>;
  for (const [port, indexes] of byPort) {
    if (indexes.length < 2) continue;
    const seen = new Map<unknown, number>();
    for (const index of indexes) {
      const protocol = at(index).protocol;
      const first = seen.get(protocol);
      if (first !== undefined) {
        findings.push(findingOf(LISTENER_DUPLICATE, {
          field: `${field}[${index}]`,
          value: { port, protocol },
          message: `repeats ${field}[${first}]: the same port and protocol`,
          allowed: 'one listener per port',
        }));
      } else {
        seen.set(protocol, index);
      }
    }
    const tcp = seen.get(ListenerProtocol.TCP);
    const udp = seen.get(ListenerProtocol.UDP);
    const tcpUdp = seen.get(ListenerProtocol.TCP_UDP);
    if (tcpUdp !== undefined) {
      for (const other of [tcp, udp]) {
        if (other === undefined) continue;
        findings.push(findingOf(LISTENER_PORT_TAKEN, {
          field: `${field}[${other}]`,
          value: { port, protocol: at(other).protocol },
          message: `uses port ${String(port)}, which the TCP_UDP listener ${field}[${tcpUdp}] already serves for TCP and UDP`,
          allowed: 'remove it: the TCP_UDP listener carries both protocols',
        }));
      }
    } else if (tcp !== undefined && udp !== undefined) {
      const sameTarget = (at(tcp).targetPort ?? port) === (at(udp).targetPort ?? port);
      findings.push(findingOf(LISTENER_TCP_AND_UDP, {
        field: `${field}[${Math.max(tcp, udp)}]`,
        value: { port, protocol: at(Math.max(tcp, udp)).protocol },
        message: `shares port ${String(port)} with ${field}[${Math.min(tcp, udp)}]: an NLB takes one listener per port`,
        allowed: `one listener { port: ${String(port)}, protocol: 'TCP_UDP' }`,
        hint: sameTarget ? undefined : 'a TCP_UDP listener needs one targetPort serving both TCP and UDP',
      }));
    }
  }
  return findings;
}

/** The target type the targets imply: `ip` when IP addresses are given, else `instance`. */
export function inferTargetType(targets: NlbTargetsInput): NlbTargetType {
  if (targets.targetType === NlbTargetType.IP || targets.targetType === NlbTargetType.INSTANCE) return targets.targetType;
  return listOf(targets.ipAddresses).length > 0 ? NlbTargetType.IP : NlbTargetType.INSTANCE;
}

/**
 * Checks a target type: `instance` or `ip`, exactly (the cdk8s `NlbTargetType` and the Pulumi component's `targetType`
 * share it). Untyped input such as `'IP'` or `'pod'` is reported rather than passed on.
 *
 * @param value the target type as given; `undefined` means the default
 * @param field the prop path for findings, for example `targetType`
 */
export function checkTargetType(value: unknown, field = 'targetType'): Finding[] {
  if (value === undefined || value === NlbTargetType.INSTANCE || value === NlbTargetType.IP) return [];
  return [findingOf(TARGET_TYPE, {
    field,
    value,
    message: 'is not a target type',
    allowed: 'instance or ip',
  })];
}

/** The target lists: the rule that reports one given as something else, or an entry that is no string, and its words. */
const TARGET_LISTS = [
  { name: 'instanceIds', rule: INSTANCE_ID_FORM, what: 'EC2 instance ids', example: "['i-0123456789abcdef0']" },
  { name: 'autoScalingGroupNames', rule: TARGET_TYPE, what: 'Auto Scaling group names', example: "['eks-nodes-0123']" },
  { name: 'ipAddresses', rule: IP_ADDRESS_FORM, what: 'IP addresses', example: "['10.0.1.15']" },
] as const;

/**
 * Checks targets: a known target type; instance ids `i-...`; IP addresses; IPs never mixed with instances or Auto
 * Scaling groups; nothing twice.
 *
 * Works on untyped input too: targets that are no object (`5`, `'i-0123...'`, a list) are reported (UDP540), and so
 * are lists given as something else and entries that are no string (UDP541 instance ids, UDP542 IP addresses, UDP540
 * Auto Scaling group names), unless `isDeferred` says they are outputs. `undefined` and `null` mean none.
 *
 * @param targets the targets as given
 * @param field the prop path for findings, for example `targets`
 * @param typeField the prop path of the target type, for example `targetType`
 */
export function checkTargets(targets: NlbTargetsInput, field = 'targets', typeField = 'targetType'): Finding[] {
  const given: unknown = targets ?? {};
  if (!isFieldObject(given)) {
    return [findingOf(TARGET_TYPE, {
      field,
      value: given,
      message: 'is not a set of targets',
      allowed: "{ instanceIds, autoScalingGroupNames, ipAddresses }, each a list, such as { instanceIds: ['i-0123456789abcdef0'] }",
    })];
  }
  const type = given.targetType;
  const findings: Finding[] = checkTargetType(type, typeField);
  const isDeferred: unknown = given.isDeferred;
  const deferred = typeof isDeferred === 'function' ? isDeferred as (value: unknown) => boolean : () => false;
  for (const { name, rule, what, example } of TARGET_LISTS) {
    const list: unknown = given[name];
    if (list === undefined || list === null || Array.isArray(list)) continue;
    findings.push(findingOf(rule, {
      field: `${field}.${name}`,
      value: list,
      message: `is not a list of ${what}`,
      allowed: `a list such as ${example}`,
    }));
  }
  const instances = listOf(given.instanceIds);
  const groups = listOf(given.autoScalingGroupNames);
  const ips = listOf(given.ipAddresses);
  // (an entry that is no string is reported unless it is an output; a string is checked for its form)
  instances.forEach((id, index) => {
    if (typeof id === 'string' ? !INSTANCE_ID.test(id) : !deferred(id)) {
      findings.push(findingOf(INSTANCE_ID_FORM, {
        field: `${field}.instanceIds[${index}]`,
        value: id,
        message: 'is not an EC2 instance id',
        allowed: 'i- followed by 8 or 17 hexadecimal digits',
      }));
    }
  });
  groups.forEach((group, index) => {
    if (typeof group !== 'string' && !deferred(group)) {
      findings.push(findingOf(TARGET_TYPE, {
        field: `${field}.autoScalingGroupNames[${index}]`,
        value: group,
        message: 'is not an Auto Scaling group name',
        allowed: 'the name of an Auto Scaling group, such as eks-nodes-0123',
      }));
    }
  });
  ips.forEach((ip, index) => {
    if (typeof ip === 'string' ? isIP(ip) === 0 : !deferred(ip)) {
      findings.push(findingOf(IP_ADDRESS_FORM, {
        field: `${field}.ipAddresses[${index}]`,
        value: ip,
        message: 'is not an IP address',
        allowed: 'an IPv4 or IPv6 address such as 10.0.1.15',
      }));
    }
  });
  const byInstance = instances.length + groups.length > 0;
  if (ips.length > 0 && byInstance) {
    findings.push(findingOf(TARGET_KINDS_MIXED, {
      field: `${field}.ipAddresses`,
      value: ips,
      message: 'cannot be combined with instanceIds or autoScalingGroupNames in one target group',
      allowed: 'IP addresses only (target type ip), or instances and Auto Scaling groups only (target type instance)',
    }));
  } else if (type === NlbTargetType.IP && byInstance) {
    findings.push(findingOf(TARGET_KINDS_MIXED, {
      field: typeField,
      value: type,
      message: 'cannot register instanceIds or autoScalingGroupNames',
      allowed: "targetType 'instance' for instances and Auto Scaling groups",
    }));
  } else if (type === NlbTargetType.INSTANCE && ips.length > 0) {
    findings.push(findingOf(TARGET_KINDS_MIXED, {
      field: typeField,
      value: type,
      message: 'cannot register ipAddresses',
      allowed: "targetType 'ip' for IP addresses",
    }));
  }
  for (const [name, values] of [['instanceIds', instances], ['autoScalingGroupNames', groups], ['ipAddresses', ips]] as const) {
    const seen = new Set<string>();
    for (const value of values) {
      if (typeof value !== 'string') continue;
      if (seen.has(value)) {
        findings.push(findingOf(TARGET_DUPLICATE, {
          field: `${field}.${name}`,
          value,
          message: 'is listed more than once',
          allowed: 'each target once',
        }));
      }
      seen.add(value);
    }
  }
  return findings;
}
