import { isIP } from 'node:net';
import { isFieldObject, isWholeNumberIn, listOf } from './shape';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';

/**
 * The protocol of a Network Load Balancer port: its listener's and its target group's (the cdk8s construct and the
 * Pulumi component share it).
 */
export enum NlbProtocol {
  /** UDP only. */
  UDP = 'UDP',
  /** TCP only. */
  TCP = 'TCP',
  /** TCP and UDP on the same port: one listener, one target group (targets serve both on one port). */
  TCP_UDP = 'TCP_UDP',
  /**
   * QUIC (version 1) passed through to the targets, each registered with a QUIC server id: not on a dualstack load
   * balancer, not with security groups, one per load balancer and none beside UDP or TCP_UDP listeners.
   */
  QUIC = 'QUIC',
  /** TCP and QUIC on the same port (HTTP/2 and HTTP/3 on 443): one listener, one target group; QUIC's rules apply. */
  TCP_QUIC = 'TCP_QUIC',
}

/** Whether a protocol is QUIC or TCP_QUIC: its targets need QUIC server ids. */
export function isQuicProtocol(protocol: unknown): boolean {
  return protocol === NlbProtocol.QUIC || protocol === NlbProtocol.TCP_QUIC;
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

const PROTOCOLS: readonly string[] = [NlbProtocol.UDP, NlbProtocol.TCP, NlbProtocol.TCP_UDP, NlbProtocol.QUIC, NlbProtocol.TCP_QUIC];

/**
 * The stable key of a listener, used in child resource names and output maps: `udp-53`, `tcp-53`, `tcp-udp-53`,
 * `quic-443`, `tcp-quic-443`.
 */
export function listenerKey(listener: { readonly port: unknown; readonly protocol?: unknown }): string {
  return `${String(listener.protocol ?? NlbProtocol.UDP).toLowerCase().replace('_', '-')}-${listener.port}`;
}

/**
 * Checks the ports of a load balancer that creates one listener per port: at least one; ports 1..65535; protocol UDP
 * (the default), TCP, TCP_UDP, QUIC or TCP_QUIC; one listener per port, TCP and UDP on one port as a single TCP_UDP
 * listener (TCP and QUIC as a single TCP_QUIC listener).
 *
 * Works on untyped input too: ports that are no list, and entries that are no port object (`null`, a number, a
 * string, a list), are reported (UDP530) rather than read.
 *
 * @param ports the ports as given
 * @param field the prop path for findings, for example `ports`
 */
export function checkListeners(ports: readonly unknown[] | undefined, field = 'ports'): Finding[] {
  const listeners = ports;
  const findings: Finding[] = [];
  if (!Array.isArray(listeners) || listeners.length === 0) {
    findings.push(findingOf(RULES.UDP530, {
      field,
      value: listeners,
      message: 'must list at least one port',
      allowed: 'for example [{ port: 53, protocol: NlbProtocol.UDP, targetPort: 30053 }]',
    }));
    return findings;
  }
  // (an entry that is no object has no port and no protocol: one finding says so, and the other checks skip it)
  const given: readonly unknown[] = listeners;
  given.forEach((listener, index) => {
    if (isFieldObject(listener)) return;
    findings.push(findingOf(RULES.UDP530, {
      field: `${field}[${index}]`,
      value: listener,
      message: 'is not a port',
      allowed: 'a port such as { port: 53, protocol: NlbProtocol.UDP, targetPort: 30053 }',
    }));
  });
  const list = given.map((listener) => (isFieldObject(listener) ? listener : undefined));
  list.forEach((listener, index) => {
    if (listener === undefined) return;
    for (const name of ['port', 'targetPort']) {
      const value = listener[name];
      if ((name === 'port' || value !== undefined) && !isWholeNumberIn(value, 1, 65535)) {
        findings.push(findingOf(RULES.UDP531, {
          field: `${field}[${index}].${name}`,
          value,
          message: 'must be a whole number between 1 and 65535',
          allowed: '1..65535',
        }));
      }
    }
    if (listener.protocol !== undefined && (typeof listener.protocol !== 'string' || !PROTOCOLS.includes(listener.protocol))) {
      findings.push(findingOf(RULES.UDP532, {
        field: `${field}[${index}].protocol`,
        value: listener.protocol,
        message: 'is not a protocol this load balancer forwards',
        allowed: 'UDP, TCP, TCP_UDP, QUIC or TCP_QUIC',
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
      const protocol = at(index).protocol ?? NlbProtocol.UDP;
      const first = seen.get(protocol);
      if (first !== undefined) {
        findings.push(findingOf(RULES.UDP533, {
          field: `${field}[${index}]`,
          value: { port, protocol },
          message: `repeats ${field}[${first}]: the same port and protocol`,
          allowed: 'one entry per port',
        }));
      } else {
        seen.set(protocol, index);
      }
    }
    const tcp = seen.get(NlbProtocol.TCP);
    const udp = seen.get(NlbProtocol.UDP) ?? seen.get(NlbProtocol.QUIC);
    const both = seen.get(NlbProtocol.TCP_UDP) ?? seen.get(NlbProtocol.TCP_QUIC);
    if (both !== undefined) {
      const name = String(at(both).protocol);
      for (const other of [tcp, seen.get(NlbProtocol.UDP), seen.get(NlbProtocol.QUIC)]) {
        if (other === undefined) continue;
        findings.push(findingOf(RULES.UDP535, {
          field: `${field}[${other}]`,
          value: { port, protocol: at(other).protocol ?? NlbProtocol.UDP },
          message: `uses port ${String(port)}, which the ${name} listener ${field}[${both}] already serves for TCP and ${name === NlbProtocol.TCP_UDP ? 'UDP' : 'QUIC'}`,
          allowed: `remove it: the ${name} listener carries both protocols`,
        }));
      }
    } else if (tcp !== undefined && udp !== undefined) {
      const sameTarget = (at(tcp).targetPort ?? port) === (at(udp).targetPort ?? port);
      findings.push(findingOf(RULES.UDP534, {
        field: `${field}[${Math.max(tcp, udp)}]`,
        value: { port, protocol: at(Math.max(tcp, udp)).protocol ?? NlbProtocol.UDP },
        message: `shares port ${String(port)} with ${field}[${Math.min(tcp, udp)}]: an NLB takes one listener per port`,
        allowed: `one port { port: ${String(port)}, protocol: NlbProtocol.${at(udp).protocol === NlbProtocol.QUIC ? 'TCP_QUIC' : 'TCP_UDP'} }`,
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
  return [findingOf(RULES.UDP540, {
    field,
    value,
    message: 'is not a target type',
    allowed: 'instance or ip',
  })];
}

/** The target lists: the rule that reports one given as something else, or an entry that is no string, and its words. */
const TARGET_LISTS = [
  { name: 'instanceIds', rule: RULES.UDP541, what: 'EC2 instance ids', example: "['i-0123456789abcdef0']" },
  { name: 'autoScalingGroupNames', rule: RULES.UDP540, what: 'Auto Scaling group names', example: "['eks-nodes-0123']" },
  { name: 'ipAddresses', rule: RULES.UDP542, what: 'IP addresses', example: "['10.0.1.15']" },
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
    return [findingOf(RULES.UDP540, {
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
      findings.push(findingOf(RULES.UDP541, {
        field: `${field}.instanceIds[${index}]`,
        value: id,
        message: 'is not an EC2 instance id',
        allowed: 'i- followed by 8 or 17 hexadecimal digits',
      }));
    }
  });
  groups.forEach((group, index) => {
    if (typeof group !== 'string' && !deferred(group)) {
      findings.push(findingOf(RULES.UDP540, {
        field: `${field}.autoScalingGroupNames[${index}]`,
        value: group,
        message: 'is not an Auto Scaling group name',
        allowed: 'the name of an Auto Scaling group, such as eks-nodes-0123',
      }));
    }
  });
  ips.forEach((ip, index) => {
    if (typeof ip === 'string' ? isIP(ip) === 0 : !deferred(ip)) {
      findings.push(findingOf(RULES.UDP542, {
        field: `${field}.ipAddresses[${index}]`,
        value: ip,
        message: 'is not an IP address',
        allowed: 'an IPv4 or IPv6 address such as 10.0.1.15',
      }));
    }
  });
  const byInstance = instances.length + groups.length > 0;
  if (ips.length > 0 && byInstance) {
    findings.push(findingOf(RULES.UDP543, {
      field: `${field}.ipAddresses`,
      value: ips,
      message: 'cannot be combined with instanceIds or autoScalingGroupNames in one target group',
      allowed: 'IP addresses only (target type ip), or instances and Auto Scaling groups only (target type instance)',
    }));
  } else if (type === NlbTargetType.IP && byInstance) {
    findings.push(findingOf(RULES.UDP543, {
      field: typeField,
      value: type,
      message: 'cannot register instanceIds or autoScalingGroupNames',
      allowed: "targetType 'instance' for instances and Auto Scaling groups",
    }));
  } else if (type === NlbTargetType.INSTANCE && ips.length > 0) {
    findings.push(findingOf(RULES.UDP543, {
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
        findings.push(findingOf(RULES.UDP544, {
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
