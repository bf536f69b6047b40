import { isWholeNumberIn, NlbSources } from './health-check';
import { Finding, Severity } from '../rules/finding';
import { findingOf, RuleInfo } from '../rules/rule';

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
   * Client IP preservation (`preserve_client_ip.enabled`). Always on for UDP and TCP_UDP target groups: `false` is
   * refused for them.
   * @default - AWS's default: on for UDP, TCP_UDP and instance targets
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

/** UDP550: the deregistration delay is 0..3600 seconds. */
export const DEREGISTRATION_DELAY: RuleInfo = {
  id: 'UDP550',
  severity: Severity.ERROR,
  title: 'Deregistration delay must be 0..3600 seconds',
  why: 'AWS refuses the target-group attribute.',
  source: NlbSources.TARGET_GROUP_ATTRIBUTES,
};

/** UDP551: client IP preservation cannot be turned off for UDP or TCP_UDP. */
export const PRESERVE_CLIENT_IP_UDP: RuleInfo = {
  id: 'UDP551',
  severity: Severity.ERROR,
  title: 'Client IP preservation cannot be disabled for UDP or TCP_UDP',
  why: 'AWS always preserves client addresses for UDP and TCP_UDP target groups and refuses ' +
    'preserve_client_ip.enabled=false (aws-load-balancer-controller #4899).',
  source: NlbSources.CLIENT_IP_PRESERVATION,
};

/** UDP552: boolean attributes are true or false. */
export const TARGET_GROUP_ATTRIBUTE_BOOLEAN: RuleInfo = {
  id: 'UDP552',
  severity: Severity.ERROR,
  title: 'Target-group switches must be true or false',
  why: 'AWS accepts only "true" or "false" for these attributes.',
  source: NlbSources.TARGET_GROUP_ATTRIBUTES,
};

/** UDP553: the attributes are an object. */
export const TARGET_GROUP_ATTRIBUTES_OBJECT: RuleInfo = {
  id: 'UDP553',
  severity: Severity.ERROR,
  title: 'targetGroupAttributes must be an object of attributes',
  why: 'Anything else (a string of key=value pairs, a list, from untyped input) cannot be read, and dropping it would '
    + 'leave AWS\'s defaults where the user meant to change them.',
  source: NlbSources.TARGET_GROUP_ATTRIBUTES,
};

/** Every target-group attribute rule, in id order. */
export const TARGET_GROUP_ATTRIBUTE_RULES: readonly RuleInfo[] = [
  DEREGISTRATION_DELAY,
  PRESERVE_CLIENT_IP_UDP,
  TARGET_GROUP_ATTRIBUTE_BOOLEAN,
  TARGET_GROUP_ATTRIBUTES_OBJECT,
];

/**
 * Checks target-group attributes.
 *
 * @param attributes the attributes as given
 * @param protocols the protocols of the target groups they apply to (`UDP`, `TCP`, `TCP_UDP`)
 * @param field the prop path for findings, for example `targetGroupAttributes`
 */
export function checkTargetGroupAttributes(
  attributes: TargetGroupAttributes | undefined,
  protocols: readonly string[],
  field = 'targetGroupAttributes',
): Finding[] {
  if (attributes === undefined) return [];
  if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
    return [findingOf(TARGET_GROUP_ATTRIBUTES_OBJECT, {
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
    findings.push(findingOf(DEREGISTRATION_DELAY, {
      field: `${field}.deregistrationDelay`,
      value: attrs.deregistrationDelay,
      message: `must be a whole number of seconds between ${min} and ${max}`,
      allowed: `${min}..${max} seconds`,
    }));
  }
  for (const name of ['connectionTermination', 'stickiness', 'preserveClientIp']) {
    if (attrs[name] !== undefined && typeof attrs[name] !== 'boolean') {
      findings.push(findingOf(TARGET_GROUP_ATTRIBUTE_BOOLEAN, {
        field: `${field}.${name}`,
        value: attrs[name],
        message: 'must be true or false',
        allowed: 'true or false',
      }));
    }
  }
  const udp = protocols.filter((p) => p === 'UDP' || p === 'TCP_UDP');
  if (attrs.preserveClientIp === false && udp.length > 0) {
    findings.push(findingOf(PRESERVE_CLIENT_IP_UDP, {
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
