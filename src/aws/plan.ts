import * as pulumi from '@pulumi/pulumi';
import { NlbTargetsArgs, NlbUdpLoadBalancerArgs } from './args';
import { RULES } from '../core/catalog';
import { Finding, formatFinding, Severity } from '../core/finding';
import { findingOf } from '../core/rule-info';
import { Sources } from '../core/sources';
import { formatSrvTarget } from '../model/dns';
import { checkHealthCheck, checkHealthCheckForTraffic, resolveHealthCheck, ResolvedHealthCheck } from '../model/health-check';
import { describeNlb, NlbDescription } from '../model/nlb';
import { checkListeners, checkTargets, inferTargetType, isQuicProtocol, listenerKey, NlbProtocol, NlbTargetsInput, NlbTargetType } from '../model/nlb-listeners';
import { NLB_DEFAULTS, NlbIpAddressType } from '../model/nlb-options';
import { checkQuicServerIds, quicServerIdOf } from '../model/nlb-quic';
import { checkSwitch, LoadBalancerScheme } from '../model/placement';
import { isFieldObject } from '../model/shape';

/** The type token of the component. */
export const NLB_UDP_LOAD_BALANCER_TYPE = 'k8s-udp-constructs:aws:NlbUdpLoadBalancer';


/**
 * Thrown by the {@link NlbUdpLoadBalancer} constructor, before any resource is registered, when an argument is
 * invalid. Its message lists every error, one per line, as `[RULE-ID] name: field value: what is wrong (what is
 * allowed; source)`.
 */
export class NlbUdpLoadBalancerError extends Error {
  /** Every error found, in argument order. */
  public readonly findings: readonly Finding[];

  /**
   * @param name the component's resource name
   * @param findings the errors
   */
  constructor(name: string, findings: readonly Finding[]) {
    const count = `${findings.length} invalid argument${findings.length === 1 ? '' : 's'}`;
    super(`NlbUdpLoadBalancer ${name}: ${count}, no resource was created:\n` +
      findings.map((finding) => formatFinding(finding, name)).join('\n'));
    this.name = 'NlbUdpLoadBalancerError';
    this.findings = findings;
  }
}

/**
 * Where the component's findings cite AWS rather than the AWS Load Balancer Controller: the component calls AWS
 * directly, so AWS's own API is the authority for the rules the two share.
 */
const AWS_AUTHORITY: Readonly<Record<string, string>> = {
  UDP520: Sources.CREATE_LOAD_BALANCER,
  UDP522: Sources.SUBNET_MAPPING,
  UDP526: Sources.CREATE_LOAD_BALANCER,
  UDP527: Sources.LOAD_BALANCER_ATTRIBUTES,
};

function citingAws(finding: Finding): Finding {
  const source = AWS_AUTHORITY[finding.ruleId];
  return source && finding.source === Sources.LBC_ANNOTATIONS ? { ...finding, source } : finding;
}

/** A listener with its defaults filled in and its stable key. */
export interface PlannedListener {
  /** `udp-53`, `tcp-udp-53`: the stable part of child names. */
  readonly key: string;
  /** The listener port. */
  readonly port: number;
  /** The listener (and target group) protocol. */
  readonly protocol: NlbProtocol;
  /** The target port. */
  readonly targetPort: number;
  /** The QUIC server id of each target (instance id or IP address), for a QUIC or TCP_QUIC listener. */
  readonly quicServerIds?: Readonly<Record<string, string>>;
}

/** An SRV record set to create. */
export interface PlannedSrvRecord {
  /** `_service._proto.hostname`. */
  readonly name: string;
  /**
   * `srv-${record name in lower case}`, for example `srv-_kerberos._udp.example.com`: the stable part of the child
   * name, unique per record set.
   */
  readonly key: string;
  /** The record values, `"priority weight port host."`. */
  readonly values: readonly string[];
}

/** Everything the component will create, resolved and checked. */
export interface NlbPlan {
  /** The shared description of the load balancer. */
  readonly nlb: NlbDescription;
  /** The scheme. */
  readonly scheme: LoadBalancerScheme;
  /** How many EIPs to allocate (0 when none or given). */
  readonly allocateEips: number;
  /** Allocation ids given by the user, or undefined. */
  readonly givenEips?: readonly pulumi.Input<string>[];
  /** The listeners. */
  readonly listeners: readonly PlannedListener[];
  /** The target type. */
  readonly targetType: NlbTargetType;
  /** The resolved health check. */
  readonly healthCheck: ResolvedHealthCheck;
  /** Whether the load balancer is dualstack. */
  readonly dualstack: boolean;
  /** The security groups of the load balancer (empty for none). */
  readonly securityGroups: readonly pulumi.Input<string>[];
  /** The A/AAAA record name (no trailing dot), when `dns` is given. */
  readonly recordName?: string;
  /** The SRV record sets. */
  readonly srv: readonly PlannedSrvRecord[];
  /** The SRV TTL. */
  readonly ttl: number;
  /** Warnings to log (not silenced). */
  readonly warnings: readonly Finding[];
}

/**
 * Whether a value is known only when the stack runs: a Pulumi output, or a promise (both are `pulumi.Input`s). Only
 * these are passed on unchecked; any other value that is not a string (a number, `null`, a plain object) is reported.
 */
function isDeferred(value: unknown): boolean {
  return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/** How a value that is known only when the stack runs is shown in a finding. */
function shown(value: unknown): unknown {
  return pulumi.Output.isInstance(value) ? '(an output)' : value instanceof Promise ? '(a promise)' : value;
}

/** The strings of a list (untyped input may give anything; the rest is reported elsewhere). */
function listOfStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * Checks every argument and resolves the defaults. Pure: registers nothing.
 *
 * @throws NlbUdpLoadBalancerError listing every error
 */
export function planNlb(name: string, args: NlbUdpLoadBalancerArgs): NlbPlan {
  const input = (args ?? {}) as NlbUdpLoadBalancerArgs;
  const raw = input as unknown as Record<string, unknown>;
  // (targets: null is no targets, as dns: null is no DNS; targets that are no object are UDP540, never read as none)
  const givenTargets: unknown = input.targets ?? {};
  const targets: NlbTargetsArgs = isFieldObject(givenTargets) ? givenTargets : {};
  const givenPorts: readonly unknown[] = Array.isArray(input.ports) ? input.ports : [];
  // the options every NLB of this library shares, checked and described once, as the cdk8s construct does
  const { nlb, findings: shared } = describeNlb(input, givenPorts, {
    defaultTargetType: inferTargetType({ ...targets, targetType: undefined }),
    subnetsRequired: true,
    subnetNames: false,
    allocatesEips: true,
    hostnameRequired: true,
    isDeferred,
    shown,
  });
  const findings: Finding[] = [...shared];
  const wrongType = (field: string, message: string, allowed: string) => {
    findings.push(findingOf(RULES.UDP554, { field, value: raw[field], message, allowed }));
  };
  if (typeof raw.vpcId !== 'string' && !pulumi.Output.isInstance(raw.vpcId)) wrongType('vpcId', 'must be a VPC id', 'a string or an output such as vpc.id');
  if (raw.tags !== undefined && (typeof raw.tags !== 'object' || raw.tags === null || Array.isArray(raw.tags))) {
    wrongType('tags', 'must be an object of tags', 'an object such as { team: \'games\' }');
  }
  if (raw.disabledRules !== undefined && !(Array.isArray(raw.disabledRules) && raw.disabledRules.every((id) => typeof id === 'string'))) {
    wrongType('disabledRules', 'must be a list of rule ids', 'a list such as [\'UDP509\']');
  }
  // (a switch given as something else, untyped input: 'false' is truthy, is refused, never read as truthy or falsy)
  findings.push(...checkSwitch(input.retainEipsOnDelete, 'retainEipsOnDelete'));
  findings.push(...checkListeners(input.ports as readonly unknown[] | undefined, 'ports'));
  const targetFindings = isFieldObject(givenTargets)
    ? checkTargets({ ...targets, targetType: input.targetType, isDeferred }, 'targets', 'targetType')
    : checkTargets(givenTargets as NlbTargetsInput, 'targets');
  // (a target type that is none is reported once, by the shared description)
  findings.push(...targetFindings.filter((f) => !shared.some((g) => g.ruleId === f.ruleId && g.field === f.field)));
  // Instance ids and IP addresses name the attachments (ChildNames), so they are strings, never outputs (or promises);
  // checkTargets reports every other entry that is no string.
  for (const [list, rule, what] of [['instanceIds', RULES.UDP541, 'an EC2 instance id'], ['ipAddresses', RULES.UDP542, 'an IP address']] as const) {
    const values: unknown = targets[list];
    if (!Array.isArray(values)) continue;
    values.forEach((value, index) => {
      if (!isDeferred(value)) return;
      findings.push(findingOf(rule, {
        field: `targets.${list}[${index}]`,
        value: shown(value),
        message: 'must be a string known when the program runs: it names the target\'s attachment',
        allowed: what,
      }));
    });
  }
  // QUIC targets are registered one by one with their server ids: an Auto Scaling group attachment carries none
  const quicPort = nlb.quicPort;
  const groups: unknown = targets.autoScalingGroupNames;
  if (quicPort && Array.isArray(groups) && groups.length > 0) {
    findings.push(findingOf(RULES.UDP583, {
      field: 'targets.autoScalingGroupNames',
      value: groups.map(shown),
      message: `cannot be targets of the ${quicPort.protocol} port ${quicPort.port}: an Auto Scaling group registers its instances without the QUIC server ids AWS requires`,
      allowed: 'targets.instanceIds or targets.ipAddresses, each registered with its server id',
    }));
  }
  const registered = [...listOfStrings(targets.instanceIds), ...listOfStrings(targets.ipAddresses)];
  findings.push(...checkQuicServerIds(targets.quicServerIds, registered, 'targets.quicServerIds'));
  // (server ids with no QUIC port to use them would be silently unused: said, never dropped)
  if (targets.quicServerIds !== undefined && !nlb.ports.some((p) => isQuicProtocol(p.protocol))) {
    findings.push(findingOf(RULES.UDP584, {
      field: 'targets.quicServerIds',
      value: targets.quicServerIds,
      message: 'has no QUIC or TCP_QUIC port to register the targets with',
      allowed: 'a port { protocol: NlbProtocol.QUIC } or NlbProtocol.TCP_QUIC, or no server ids',
    }));
  }
  // the health check AWS gets: the given one, with the same defaults the cdk8s construct's controller sends
  const timing = { interval: NLB_DEFAULTS.healthCheckInterval, timeout: NLB_DEFAULTS.healthCheckTimeout, whose: 'the' };
  if (nlb.healthCheckGiven) findings.push(...checkHealthCheck(nlb.healthCheck, 'healthCheck', timing));

  const given = isFieldObject(targets.quicServerIds) ? targets.quicServerIds as Record<string, string> : {};
  const listeners: PlannedListener[] = nlb.ports.map((port) => {
    const key = listenerKey(port);
    return {
      key,
      port: port.port,
      protocol: port.protocol,
      targetPort: port.targetPort as number,
      ...isQuicProtocol(port.protocol)
        ? { quicServerIds: Object.fromEntries(registered.map((target) => [target, given[target] ?? quicServerIdOf(name, key, target)])) }
        : {},
    };
  });

  // (only silences warnings: a list that is none, or an entry that is no rule id, silences nothing)
  const disabledRules: unknown = input.disabledRules;
  const disabled = new Set((Array.isArray(disabledRules) ? disabledRules : []).filter((id) => typeof id === 'string').map((id: string) => id.toUpperCase()));
  const warnings: Finding[] = [];
  for (const protocol of new Set(listeners.map((l) => l.protocol))) {
    // (a QUIC target answers UDP only, as a UDP one does)
    warnings.push(...checkHealthCheckForTraffic(nlb.healthCheck, protocol === NlbProtocol.QUIC ? NlbProtocol.UDP : protocol, 'healthCheck'));
  }
  const cited = findings.map(citingAws);
  const errors = cited.filter((f) => f.severity === Severity.ERROR);
  warnings.push(...cited.filter((f) => f.severity !== Severity.ERROR));
  if (errors.length > 0) throw new NlbUdpLoadBalancerError(name, errors);

  return {
    nlb,
    scheme: nlb.scheme,
    allocateEips: nlb.eips === 'allocate' ? input.subnets.length : 0,
    givenEips: Array.isArray(input.eips) ? input.eips : undefined,
    listeners,
    targetType: nlb.targetType,
    healthCheck: resolveHealthCheck({
      ...nlb.healthCheck,
      interval: nlb.healthCheck.interval ?? NLB_DEFAULTS.healthCheckInterval,
      timeout: nlb.healthCheck.timeout ?? NLB_DEFAULTS.healthCheckTimeout,
    }),
    dualstack: nlb.ipAddressType === NlbIpAddressType.DUALSTACK,
    securityGroups: Array.isArray(input.securityGroups) ? input.securityGroups : [],
    recordName: nlb.dns?.hostname,
    srv: (nlb.dns?.srv ?? []).map((record) => ({
      name: record.name,
      key: record.key,
      values: record.targets.map((target) => formatSrvTarget(target)),
    })),
    ttl: nlb.dns?.ttl ?? NLB_DEFAULTS.ttlSeconds,
    warnings: warnings.filter((w) => !disabled.has(w.ruleId)),
  };
}
