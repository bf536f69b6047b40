import { isDuration, secondsOf } from './duration';
import { checkHealthCheck, HealthCheck } from './health-check';
import { planNlbDns, PlannedNlbDns } from './nlb-dns';
import { checkTargetType, NlbProtocol, NlbTargetType } from './nlb-listeners';
import { NlbHealthCheck, NlbIpAddressType, NlbOptions } from './nlb-options';
import { checkAddressesKept, checkIpAddressType, checkPlacement, checkSwitch, LoadBalancerScheme } from './placement';
import { isFieldObject } from './shape';
import { checkTargetGroupAttributes, TargetGroupAttributes } from './target-group-attributes';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';

/**
 * What one side needs to say about itself for the shared description: the cdk8s construct (the AWS Load Balancer
 * Controller builds the load balancer from annotations) or the Pulumi component (it calls AWS itself).
 */
export interface NlbSide {
  /** The target type when `targetType` is not given. */
  readonly defaultTargetType: NlbTargetType;
  /** Whether `subnets` must be given (the Pulumi component creates the load balancer itself). */
  readonly subnetsRequired: boolean;
  /** Whether a subnet may be given by its Name tag (the controller's annotation takes names; AWS's API does not). */
  readonly subnetNames: boolean;
  /** Whether `eips: 'allocate'` is understood (the Pulumi component allocates Elastic IPs). */
  readonly allocatesEips: boolean;
  /** Whether the DNS records need a hostname (Pulumi's alias record). */
  readonly hostnameRequired: boolean;
  /**
   * Whether a value is known only when the program runs (a Pulumi output): counted, never checked.
   * @default - none is
   */
  readonly isDeferred?: (value: unknown) => boolean;
  /**
   * How such a value is shown in findings.
   * @default - as it is
   */
  readonly shown?: (value: unknown) => unknown;
}

/** A port of the load balancer, normalized. */
export interface NlbPortDescription {
  /** The port clients connect to. */
  readonly port: number;
  /** The protocol, UDP when not given. */
  readonly protocol: NlbProtocol;
  /** The port (or, on the cdk8s side, the port name) the targets receive the traffic on. */
  readonly targetPort: number | string;
}

/**
 * One Network Load Balancer as both sides build it: every shared option checked once, defaults filled in, in the
 * units AWS uses (seconds). The cdk8s construct renders Service annotations from it, the Pulumi component AWS
 * resources.
 */
export interface NlbDescription {
  /** Internal or internet-facing. */
  readonly scheme: LoadBalancerScheme;
  /** The subnets as given, or `undefined`. */
  readonly subnets?: readonly unknown[];
  /** The Elastic IPs as given: allocation ids, `'allocate'`, or `undefined` for none. */
  readonly eips?: readonly unknown[] | 'allocate';
  /** Cross-zone load balancing. */
  readonly crossZone: boolean;
  /** Deletion protection. */
  readonly deletionProtection: boolean;
  /** IPv4 or dualstack. */
  readonly ipAddressType: NlbIpAddressType;
  /** The IPv6 source-NAT prefix: given, or on for dualstack with UDP, else `undefined`. */
  readonly ipv6SourceNatPrefix?: boolean;
  /** How targets are registered. */
  readonly targetType: NlbTargetType;
  /** The ports that are port objects, normalized. */
  readonly ports: readonly NlbPortDescription[];
  /** The health check as given, in seconds (each side fills in what it leaves unset). */
  readonly healthCheck: HealthCheck;
  /** Whether a health check object was given. */
  readonly healthCheckGiven: boolean;
  /** The target-group attributes as given. */
  readonly targetGroupAttributes?: TargetGroupAttributes;
  /** The DNS records, when `dns` is given. */
  readonly dns?: PlannedNlbDns;
}

/** The options as any caller may give them (untyped input included). */
type Given = { readonly [K in keyof NlbOptions]?: unknown };

/** Whether the protocols carry UDP (a UDP or TCP_UDP port). */
export function carriesUdp(ports: readonly NlbPortDescription[]): boolean {
  return ports.some((p) => p.protocol === NlbProtocol.UDP || p.protocol === NlbProtocol.TCP_UDP);
}

/**
 * The health check as the model's seconds: a `Duration` interval or timeout becomes seconds; anything else there is
 * UDP504/UDP505 and left out (the default applies).
 */
function healthCheckSeconds(given: unknown): { readonly healthCheck: HealthCheck; readonly findings: Finding[] } {
  if (!isFieldObject(given)) return { healthCheck: {}, findings: [] };
  const hc = given as NlbHealthCheck;
  const findings: Finding[] = [];
  const seconds: Record<string, number | undefined> = {};
  for (const [field, rule] of [['interval', RULES.UDP504], ['timeout', RULES.UDP505]] as const) {
    const value: unknown = hc[field];
    if (value === undefined) continue;
    if (isDuration(value)) {
      seconds[field] = secondsOf(value);
      continue;
    }
    findings.push(findingOf(rule, {
      field: `healthCheck.${field}`,
      value,
      message: 'is not a Duration',
      allowed: `a Duration, for example Duration.seconds(${typeof value === 'number' && Number.isFinite(value) ? value : 10})`,
    }));
  }
  return {
    healthCheck: {
      protocol: hc.protocol,
      port: hc.port,
      path: hc.path,
      interval: seconds.interval,
      timeout: seconds.timeout,
      healthyThreshold: hc.healthyThreshold,
      unhealthyThreshold: hc.unhealthyThreshold,
      successCodes: hc.successCodes,
    },
    findings,
  };
}

/**
 * Builds and checks the shared description of a Network Load Balancer from either side's options: placement (scheme,
 * subnets, Elastic IPs), the switches, the IP address type and IPv6 source-NAT prefix, the target type, the health
 * check (its `Duration`s in seconds, its ranges with the side's defaults), the target-group attributes against the
 * ports' protocols, and the DNS records. The findings name the shared props, so both sides report a mistake the same
 * way. Ports are read here, not checked: each side checks its own port entries.
 *
 * @param options the options as given (untyped input included)
 * @param ports the port entries to describe (the construct's own list, which includes ports added later)
 * @param side what the side says about itself
 */
export function describeNlb(
  options: Given,
  ports: readonly unknown[],
  side: NlbSide,
): { readonly nlb: NlbDescription; readonly findings: readonly Finding[] } {
  const findings: Finding[] = [];
  const eipsGiven = options.eips;
  // (null is no Elastic IPs to the controller's side, as an unset prop; the Pulumi side refuses it, as it always has)
  const eipsKnown = eipsGiven === undefined || Array.isArray(eipsGiven)
    || (side.allocatesEips ? eipsGiven === 'allocate' : eipsGiven === null);
  if (!eipsKnown && side.allocatesEips) {
    findings.push(findingOf(RULES.UDP523, {
      field: 'eips',
      value: eipsGiven,
      message: "must be 'allocate' or a list of allocation ids",
      allowed: "'allocate' (one new Elastic IP per subnet) or ['eipalloc-...', ...] (one per subnet)",
    }));
  }
  const subnets = Array.isArray(options.subnets) ? options.subnets as readonly unknown[] : undefined;
  if (side.subnetsRequired && options.subnets !== undefined && subnets === undefined) {
    findings.push(findingOf(RULES.UDP524, {
      field: 'subnets',
      value: (side.shown ?? ((v: unknown) => v))(options.subnets),
      message: 'must be a list known when the program runs, so that Elastic IPs and subnets can be paired',
      allowed: 'an array whose entries may be outputs: [subnetA.id, subnetB.id] rather than vpc.publicSubnetIds',
      hint: 'list the subnets, one per Availability Zone: their ids may be outputs',
    }));
  }
  findings.push(...checkPlacement({
    scheme: options.scheme,
    subnets: side.subnetsRequired && options.subnets !== undefined && subnets === undefined ? undefined : options.subnets,
    subnetsRequired: side.subnetsRequired && (options.subnets === undefined || subnets !== undefined),
    subnetNames: side.subnetNames,
    // a count is what the model reads for allocation ('allocate': one per subnet); a number given by the user is a
    // wrong type, shown as given
    eips: !eipsKnown ? (side.allocatesEips ? undefined : typeof eipsGiven === 'number' ? String(eipsGiven) : eipsGiven)
      : eipsGiven === 'allocate' ? (subnets?.length ?? 0) : eipsGiven,
    eipsValue: eipsGiven,
    isDeferred: side.isDeferred,
    fields: { scheme: 'scheme', subnets: 'subnets', eips: 'eips' },
  }));
  findings.push(...checkAddressesKept(options.scheme, eipsGiven, 'eips'));
  for (const field of ['crossZone', 'deletionProtection', 'ipv6SourceNatPrefix'] as const) {
    findings.push(...checkSwitch(options[field], field));
  }
  findings.push(...checkIpAddressType(options.ipAddressType, 'ipAddressType'));
  findings.push(...checkTargetType(options.targetType, 'targetType'));

  const described: NlbPortDescription[] = ports.filter(isFieldObject).map((p) => {
    const port = p as { port: number; protocol?: NlbProtocol; targetPort?: number | string };
    return { port: port.port, protocol: port.protocol ?? NlbProtocol.UDP, targetPort: port.targetPort ?? port.port };
  });

  const hcGiven: unknown = options.healthCheck;
  const { healthCheck, findings: durationFindings } = healthCheckSeconds(hcGiven);
  findings.push(...durationFindings);
  if (hcGiven !== undefined && hcGiven !== null && !isFieldObject(hcGiven)) {
    findings.push(...checkHealthCheck(hcGiven as HealthCheck, 'healthCheck'));
  }

  findings.push(...checkTargetGroupAttributes(options.targetGroupAttributes as TargetGroupAttributes | undefined,
    [...new Set(described.map((p) => p.protocol))], 'targetGroupAttributes'));

  const dns = planNlbDns(options.dns as NlbOptions['dns'] | null | undefined, ports,
    { hostnameRequired: side.hostnameRequired, shown: side.shown });
  findings.push(...dns.findings);

  const ipAddressType = options.ipAddressType === NlbIpAddressType.DUALSTACK ? NlbIpAddressType.DUALSTACK : NlbIpAddressType.IPV4;
  const prefixGiven = options.ipv6SourceNatPrefix;
  const targetType = options.targetType === NlbTargetType.IP || options.targetType === NlbTargetType.INSTANCE
    ? options.targetType : side.defaultTargetType;
  return {
    nlb: {
      scheme: options.scheme === LoadBalancerScheme.INTERNET_FACING ? LoadBalancerScheme.INTERNET_FACING : LoadBalancerScheme.INTERNAL,
      subnets,
      eips: eipsGiven === 'allocate' && side.allocatesEips ? 'allocate' : Array.isArray(eipsGiven) ? eipsGiven : undefined,
      // a switch that is no boolean (untyped input: 'false' is truthy) is reported and leaves the default
      crossZone: typeof options.crossZone === 'boolean' ? options.crossZone : true,
      deletionProtection: options.deletionProtection === true,
      ipAddressType,
      ipv6SourceNatPrefix: typeof prefixGiven === 'boolean' ? prefixGiven
        : prefixGiven === undefined && ipAddressType === NlbIpAddressType.DUALSTACK && carriesUdp(described) ? true : undefined,
      targetType,
      ports: described,
      healthCheck,
      healthCheckGiven: isFieldObject(hcGiven),
      targetGroupAttributes: isFieldObject(options.targetGroupAttributes) ? options.targetGroupAttributes as TargetGroupAttributes : undefined,
      dns: dns.dns,
    },
    findings,
  };
}
