import { isWholeNumberIn } from './shape';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';

/**
 * Typed attributes of a Network Load Balancer target group. The same type in both engines: the cdk8s
 * `NlbUdpLoadBalancer` emits them as the `aws-load-balancer-target-group-attributes` annotation
 * ({@link formatTargetGroupAttributes}); the Pulumi `NlbUdpLoadBalancer` maps them to `aws.lb.TargetGroup` inputs.
 *
 * An omitted attribute is not set, so AWS's default applies.
 */
export interface TargetGroupAttributes {
  /**
   * Seconds a deregistering target keeps its flows before it is removed (`deregistration_delay.timeout_seconds`):
   * a whole number 0..3600.
   * @default - AWS's default, 300 seconds
   */
  readonly deregistrationDelay?: number;
  /**
   * Whether the NLB closes the flows of a deregistered target at the end of the deregistration delay
   * (`deregistration_delay.connection_termination.enabled`). Turn it on for UDP, whose flows otherwise live on.
   * @default - AWS's default
   */
  readonly connectionTermination?: boolean;
  /**
   * Source-IP stickiness (`stickiness.enabled=true`, `stickiness.type=source_ip`): the flows of one client address go
   * to one target.
   * @default - AWS's default, off
   */
  readonly stickiness?: boolean;
  /**
   * Client IP preservation (`preserve_client_ip.enabled`). Always on for UDP, TCP_UDP, QUIC and TCP_QUIC target
   * groups: `false` is refused for them.
   * @default - AWS's default: on for UDP, TCP_UDP, QUIC, TCP_QUIC and instance targets
   */
  readonly preserveClientIp?: boolean;
}

/** The attribute keys AWS (and the AWS Load Balancer Controller's annotation) use. */
export const TargetGroupAttributeKeys = {
  /** Deregistration delay in seconds. */
  DEREGISTRATION_DELAY: 'deregistration_delay.timeout_seconds',
  /** Connection termination at the end of the deregistration delay. */
  CONNECTION_TERMINATION: 'deregistration_delay.connection_termination.enabled',
  /** Stickiness on or off. */
  STICKINESS_ENABLED: 'stickiness.enabled',
  /** Stickiness type: `source_ip` for a Network Load Balancer. */
  STICKINESS_TYPE: 'stickiness.type',
  /** Client IP preservation. */
  PRESERVE_CLIENT_IP: 'preserve_client_ip.enabled',
} as const;

/** The deregistration delay range AWS accepts, in seconds. */
export const DEREGISTRATION_DELAY_RANGE = { min: 0, max: 3600 } as const;

/**
 * Checks target-group attributes.
 *
 * @param attributes the attributes as given
 * @param protocols the protocols of the target groups they apply to (`UDP`, `TCP`, `TCP_UDP`, `QUIC`, `TCP_QUIC`)
 * @param field the prop path for findings, for example `targetGroupAttributes`
 */
export function checkTargetGroupAttributes(
  attributes: TargetGroupAttributes | undefined,
  protocols: readonly string[],
  field = 'targetGroupAttributes',
): Finding[] {
  if (attributes === undefined) return [];
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    return [findingOf(RULES.UDP553, {
      field,
      value: attributes,
      message: 'is not an object of target-group attributes',
      allowed: 'an object such as { deregistrationDelay: 30, connectionTermination: true }',
    })];
  }
  const findings: Finding[] = [];
  const attrs = attributes as Record<string, unknown>;
  const { min, max } = DEREGISTRATION_DELAY_RANGE;
  if (attrs.deregistrationDelay !== undefined && !isWholeNumberIn(attrs.deregistrationDelay, min, max)) {
    findings.push(findingOf(RULES.UDP550, {
      field: `${field}.deregistrationDelay`,
      value: attrs.deregistrationDelay,
      message: `must be a whole number of seconds between ${min} and ${max}`,
      allowed: `${min}..${max} seconds`,
    }));
  }
  for (const name of ['connectionTermination', 'stickiness', 'preserveClientIp']) {
    if (attrs[name] !== undefined && typeof attrs[name] !== 'boolean') {
      findings.push(findingOf(RULES.UDP552, {
        field: `${field}.${name}`,
        value: attrs[name],
        message: 'must be true or false',
        allowed: 'true or false',
      }));
    }
  }
  const udp = protocols.filter((p) => p === 'UDP' || p === 'TCP_UDP' || p === 'QUIC' || p === 'TCP_QUIC');
  if (attrs.preserveClientIp === false && udp.length > 0) {
    findings.push(findingOf(RULES.UDP551, {
      field: `${field}.preserveClientIp`,
      value: false,
      message: `cannot be disabled for ${[...new Set(udp)].join(' and ')} target groups`,
      allowed: 'true, or leave it unset',
    }));
  }
  return findings;
}

/**
 * The attributes as AWS key/value pairs, in a fixed order; omitted attributes are left out.
 * Stickiness `true` gives both `stickiness.enabled=true` and `stickiness.type=source_ip`.
 */
export function targetGroupAttributeEntries(attributes: TargetGroupAttributes = {}): ReadonlyArray<readonly [string, string]> {
  const entries: Array<readonly [string, string]> = [];
  if (attributes.deregistrationDelay !== undefined) {
    entries.push([TargetGroupAttributeKeys.DEREGISTRATION_DELAY, String(attributes.deregistrationDelay)]);
  }
  if (attributes.connectionTermination !== undefined) {
    entries.push([TargetGroupAttributeKeys.CONNECTION_TERMINATION, String(attributes.connectionTermination)]);
  }
  if (attributes.stickiness !== undefined) {
    entries.push([TargetGroupAttributeKeys.STICKINESS_ENABLED, String(attributes.stickiness)]);
    if (attributes.stickiness) entries.push([TargetGroupAttributeKeys.STICKINESS_TYPE, 'source_ip']);
  }
  if (attributes.preserveClientIp !== undefined) {
    entries.push([TargetGroupAttributeKeys.PRESERVE_CLIENT_IP, String(attributes.preserveClientIp)]);
  }
  return entries;
}

/**
 * The value of the AWS Load Balancer Controller's `aws-load-balancer-target-group-attributes` annotation:
 * `key=value` pairs joined by commas, or `undefined` when no attribute is set.
 */
export function formatTargetGroupAttributes(attributes: TargetGroupAttributes = {}): string | undefined {
  // (attributes that are no object are reported, UDP553, and emit nothing)
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) return undefined;
  const entries = targetGroupAttributeEntries(attributes);
  return entries.length === 0 ? undefined : entries.map(([key, value]) => `${key}=${value}`).join(',');
}
