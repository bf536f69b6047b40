import { createHash } from 'node:crypto';
import { isQuicProtocol, NlbProtocol, NlbTargetType } from './nlb-listeners';
import { NlbIpAddressType } from './nlb-options';
import { isFieldObject } from './shape';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';

/** The form of a QUIC server id: `0x` and 16 lower-case hexadecimal digits (AWS's TargetDescription). */
export const QUIC_SERVER_ID = /^0x[0-9a-f]{16}$/;

/** The form of a security group id: `sg-` and hexadecimal digits. */
export const SECURITY_GROUP_ID = /^sg-[0-9a-f]{8,17}$/;

/**
 * A QUIC server id derived from its parts (for example the component's name, the listener's key and the target's
 * id): the first 8 bytes of their SHA-256, as `0x` and 16 lower-case hexadecimal digits. The same parts give the same
 * id on every run, so a preview shows no change; different targets get different ids.
 */
export function quicServerIdOf(...parts: readonly string[]): string {
  return `0x${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16)}`;
}

/** What the QUIC checks need to know about a load balancer. */
export interface QuicCheckInput {
  /** The ports as given (entries that are no object are skipped). */
  readonly ports: readonly unknown[];
  /** The IP address type. */
  readonly ipAddressType: NlbIpAddressType;
  /** The security groups as given (`undefined`: none given). */
  readonly securityGroups?: unknown;
  /** The target type. */
  readonly targetType: NlbTargetType;
  /**
   * Whether QUIC targets must be ip targets (the AWS Load Balancer Controller injects server ids into pods only).
   * @default false
   */
  readonly ipTargetsOnly?: boolean;
}

/** A port entry with its index, for findings. */
interface IndexedPort { readonly index: number; readonly port: unknown; readonly protocol: NlbProtocol }

function indexed(ports: readonly unknown[]): IndexedPort[] {
  return ports.flatMap((entry, index) => {
    if (!isFieldObject(entry)) return [];
    return [{ index, port: entry.port, protocol: (entry.protocol ?? NlbProtocol.UDP) as NlbProtocol }];
  });
}

/**
 * Checks the rules AWS sets for QUIC and TCP_QUIC listeners, on both sides alike: not on a dualstack load balancer
 * (UDP580), not with security groups (UDP581), one per load balancer and none beside UDP or TCP_UDP listeners
 * (UDP582), and, where the targets get their server ids from the controller, ip targets only (UDP583).
 *
 * @param input the load balancer
 */
export function checkQuic(input: QuicCheckInput): Finding[] {
  const ports = indexed(input.ports);
  const quic = ports.filter((p) => isQuicProtocol(p.protocol));
  if (quic.length === 0) return [];
  const first = quic[0];
  const at = `ports[${first.index}]`;
  const findings: Finding[] = [];
  if (input.ipAddressType === NlbIpAddressType.DUALSTACK) {
    findings.push(findingOf(RULES.UDP580, {
      field: 'ipAddressType',
      value: NlbIpAddressType.DUALSTACK,
      message: `cannot carry the ${first.protocol} port ${at}: AWS refuses QUIC and TCP_QUIC listeners on a dualstack load balancer`,
      allowed: 'NlbIpAddressType.IPV4 (the default), or the QUIC port on an ipv4 load balancer of its own',
    }));
  }
  const groups = input.securityGroups;
  if (Array.isArray(groups) && groups.length > 0) {
    findings.push(findingOf(RULES.UDP581, {
      field: 'securityGroups',
      value: groups,
      message: `cannot be associated with a load balancer that has the ${first.protocol} port ${at}: AWS refuses QUIC and TCP_QUIC listeners on a load balancer with security groups`,
      allowed: '[] or unset (no security groups), or the QUIC port on a load balancer of its own',
      hint: 'restrict clients with loadBalancerSourceRanges or the targets\' security groups instead',
    }));
  }
  for (const other of quic.slice(1)) {
    findings.push(findingOf(RULES.UDP582, {
      field: `ports[${other.index}]`,
      value: { port: other.port, protocol: other.protocol },
      message: `is a second QUIC listener beside ${at}: a Network Load Balancer takes one QUIC or TCP_QUIC listener`,
      allowed: 'one QUIC or TCP_QUIC port per load balancer; the others on load balancers of their own',
    }));
  }
  for (const other of ports.filter((p) => p.protocol === NlbProtocol.UDP || p.protocol === NlbProtocol.TCP_UDP)) {
    findings.push(findingOf(RULES.UDP582, {
      field: `ports[${other.index}]`,
      value: { port: other.port, protocol: other.protocol },
      message: `is a ${other.protocol} listener beside the ${first.protocol} listener ${at}: AWS refuses QUIC and TCP_QUIC listeners on a load balancer with UDP or TCP_UDP listeners`,
      allowed: `the ${other.protocol} port on a load balancer of its own, or TCP only beside QUIC`,
    }));
  }
  if (input.ipTargetsOnly && input.targetType === NlbTargetType.INSTANCE) {
    findings.push(findingOf(RULES.UDP583, {
      field: 'targetType',
      value: NlbTargetType.INSTANCE,
      message: `cannot carry the ${first.protocol} port ${at}: the AWS Load Balancer Controller registers QUIC targets only with the server ids it injects into pods, which needs ip targets`,
      allowed: 'NlbTargetType.IP (the default)',
    }));
  }
  return findings;
}

/**
 * Checks QUIC server ids given per target: each `0x` and 16 lower-case hexadecimal digits, for a target that is
 * registered, and no id twice (they must be unique per listener, and a load balancer has one QUIC listener).
 *
 * @param ids the ids as given, by target id
 * @param targets the ids of the targets that are registered (instance ids and IP addresses)
 * @param field the prop path for findings, for example `targets.quicServerIds`
 */
export function checkQuicServerIds(ids: unknown, targets: readonly unknown[], field: string): Finding[] {
  if (ids === undefined) return [];
  if (!isFieldObject(ids) || Array.isArray(ids)) {
    return [findingOf(RULES.UDP584, {
      field,
      value: ids,
      message: 'is not an object of QUIC server ids by target',
      allowed: "an object such as { '10.0.1.15': '0x1a2b3c4d5e6f7a8b' }",
    })];
  }
  const findings: Finding[] = [];
  const seen = new Map<string, string>();
  for (const [target, id] of Object.entries(ids)) {
    const at = `${field}[${JSON.stringify(target)}]`;
    if (typeof id !== 'string' || !QUIC_SERVER_ID.test(id)) {
      findings.push(findingOf(RULES.UDP584, {
        field: at,
        value: id,
        message: 'is not a QUIC server id',
        allowed: '0x followed by 16 lower-case hexadecimal digits, such as 0x1a2b3c4d5e6f7a8b',
      }));
      continue;
    }
    if (!targets.includes(target)) {
      findings.push(findingOf(RULES.UDP584, {
        field: at,
        value: id,
        message: 'names no target of targets.instanceIds or targets.ipAddresses',
        allowed: 'the id of a registered target: an instance id or an IP address',
      }));
    }
    const before = seen.get(id);
    if (before !== undefined) {
      findings.push(findingOf(RULES.UDP584, {
        field: at,
        value: id,
        message: `repeats the server id of ${JSON.stringify(before)}: AWS needs one id per target of a listener`,
        allowed: 'a different id per target',
      }));
    } else {
      seen.set(id, target);
    }
  }
  return findings;
}

/**
 * Checks the security groups of a load balancer: a list (empty for none) of security group ids, or, where the AWS Load
 * Balancer Controller resolves them, names; entries that are outputs (`isDeferred`) are not checked.
 *
 * @param value the security groups as given
 * @param names whether names are allowed besides ids (the controller's annotation)
 * @param isDeferred whether an entry is a value known only later (a Pulumi output)
 */
export function checkSecurityGroups(value: unknown, names: boolean, isDeferred: (value: unknown) => boolean = () => false): Finding[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    return [findingOf(RULES.UDP586, {
      field: 'securityGroups',
      value,
      message: 'is not a list of security groups',
      allowed: "a list such as ['sg-0123456789abcdef0'], or [] for none",
    })];
  }
  const findings: Finding[] = [];
  const seen = new Set<unknown>();
  (value as readonly unknown[]).forEach((group, index) => {
    const valid = typeof group === 'string'
      ? SECURITY_GROUP_ID.test(group) || (names && group.trim() !== '' && !group.includes(','))
      : isDeferred(group);
    if (!valid) {
      findings.push(findingOf(RULES.UDP586, {
        field: `securityGroups[${index}]`,
        value: group,
        message: `is not a security group ${names ? 'id or name' : 'id'}`,
        allowed: names ? 'sg- followed by 8 or 17 hexadecimal digits, or a security group\'s name' : 'sg- followed by 8 or 17 hexadecimal digits',
      }));
    } else if (typeof group === 'string' && seen.has(group)) {
      findings.push(findingOf(RULES.UDP586, {
        field: `securityGroups[${index}]`,
        value: group,
        message: 'is listed more than once',
        allowed: 'each security group once',
      }));
    }
    seen.add(group);
  });
  return findings;
}
