import * as pulumi from '@pulumi/pulumi';
import { NlbListenerArgs, NlbSrvArgs, NlbTargetsArgs, NlbUdpLoadBalancerArgs } from './args';
import {
  checkHostname, checkSrvNumber, checkSrvProtocol, checkSrvService, checkTtl, DNS_HOSTNAME, fqdn, hostnameProblem, SRV_NUMBER, SRV_SERVICE,
  srvProtocolLabel, srvRecordName, withoutTrailingDot,
} from '../model/dns';
import { checkIpAddressType, checkPlacement, checkSwitch, EIP_ALLOCATION_ID_FORM, LoadBalancerScheme, SUBNET_IDS } from '../model/eip';
import { checkHealthCheck, checkHealthCheckForTraffic, NlbSources, resolveHealthCheck, ResolvedHealthCheck } from '../model/health-check';
import {
  ARGUMENT_TYPE, checkListeners, checkTargets, checkTargetType, INSTANCE_ID_FORM, inferTargetType, IP_ADDRESS_FORM, ListenerProtocol, listenerKey,
  NlbTargetsInput, NlbTargetType,
} from '../model/nlb-listeners';
import { checkTargetGroupAttributes } from '../model/target-group-attributes';
import { Finding, formatFinding, Severity } from '../rules/finding';
import { findingOf } from '../rules/rule';

/** The type token of the component. */
export const NLB_UDP_LOAD_BALANCER_TYPE = 'k8s-udp-constructs:aws:NlbUdpLoadBalancer';

/** The default TTL of the SRV records, in seconds. */
export const DEFAULT_SRV_TTL = 300;
/** The default SRV priority. */
export const DEFAULT_SRV_PRIORITY = 10;
/** The default SRV weight. */
export const DEFAULT_SRV_WEIGHT = 100;

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
  UDP520: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html',
  UDP522: NlbSources.SUBNET_MAPPING,
  UDP526: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html',
  UDP527: NlbSources.LOAD_BALANCER_ATTRIBUTES,
};

function citingAws(finding: Finding): Finding {
  const source = AWS_AUTHORITY[finding.ruleId];
  return source && finding.source === NlbSources.LBC_ANNOTATIONS ? { ...finding, source } : finding;
}

/** A listener with its defaults filled in and its stable key. */
export interface PlannedListener {
  /** `udp-53`, `tcp-udp-53`: the stable part of child names. */
  readonly key: string;
  /** The listener port. */
  readonly port: number;
  /** The listener (and target group) protocol. */
  readonly protocol: ListenerProtocol;
  /** The target port. */
  readonly targetPort: number;
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

/** Whether `value` is an object of named fields: not `null`, not a list, not a number or a string (untyped input). */
function isFieldObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listenerCarries(protocol: ListenerProtocol, srvProtocol: string): boolean {
  if (protocol === ListenerProtocol.TCP_UDP) return true;
  return protocol.toLowerCase() === srvProtocol;
}

/**
 * Checks every argument and resolves the defaults. Pure: registers nothing.
 *
 * @throws NlbUdpLoadBalancerError listing every error
 */
export function planNlb(name: string, args: NlbUdpLoadBalancerArgs): NlbPlan {
  const input = (args ?? {}) as NlbUdpLoadBalancerArgs;
  const findings: Finding[] = [];
  const eips = input.eips;
  const eipsKnown = eips === undefined || eips === 'allocate' || Array.isArray(eips);
  if (!eipsKnown) {
    findings.push(findingOf(EIP_ALLOCATION_ID_FORM, {
      field: 'eips',
      value: eips,
      message: "must be 'allocate' or a list of allocation ids",
      allowed: "'allocate' (one new EIP per subnet) or ['eipalloc-...', ...] (one per subnet)",
    }));
  }
  findings.push(...checkIpAddressType(input.ipAddressType, 'ipAddressType'));
  const raw = input as unknown as Record<string, unknown>;
  const wrongType = (field: string, message: string, allowed: string) => {
    findings.push(findingOf(ARGUMENT_TYPE, { field, value: raw[field], message, allowed }));
  };
  if (typeof raw.vpcId !== 'string' && !pulumi.Output.isInstance(raw.vpcId)) wrongType('vpcId', 'must be a VPC id', 'a string or an output such as vpc.id');
  if (raw.tags !== undefined && (typeof raw.tags !== 'object' || raw.tags === null || Array.isArray(raw.tags))) {
    wrongType('tags', 'must be an object of tags', 'an object such as { team: \'games\' }');
  }
  if (raw.disabledRules !== undefined && !(Array.isArray(raw.disabledRules) && raw.disabledRules.every((id) => typeof id === 'string'))) {
    wrongType('disabledRules', 'must be a list of rule ids', 'a list such as [\'UDP509\']');
  }
  if (input.subnetIds !== undefined && !Array.isArray(input.subnetIds)) {
    findings.push(findingOf(SUBNET_IDS, {
      field: 'subnetIds',
      value: shown(input.subnetIds),
      message: 'must be a list known when the program runs, so that Elastic IPs and subnets can be paired',
      allowed: 'an array whose entries may be outputs: [subnetA.id, subnetB.id] rather than vpc.publicSubnetIds',
      hint: 'list the subnets, one per Availability Zone: their ids may be outputs',
    }));
  }
  findings.push(...checkPlacement({
    scheme: input.scheme,
    subnets: Array.isArray(input.subnetIds) ? input.subnetIds : undefined,
    subnetsRequired: input.subnetIds === undefined || Array.isArray(input.subnetIds),
    eips: !eipsKnown ? undefined : eips === 'allocate' ? (Array.isArray(input.subnetIds) ? input.subnetIds.length : 0) : eips,
    eipsValue: eips,
    isDeferred,
    fields: { scheme: 'scheme', subnets: 'subnetIds', eips: 'eips' },
  }));
  // switches given as something else (untyped input: 'false' is truthy) are refused, never read as truthy or falsy
  for (const field of ['retainEipsOnDelete', 'crossZone', 'deletionProtection'] as const) {
    findings.push(...checkSwitch(input[field], field));
  }
  findings.push(...checkListeners(input.listeners, 'listeners'));
  // (targets: null is no targets, as dns: null is no DNS; targets that are no object are UDP540, never read as none)
  const givenTargets: unknown = input.targets ?? {};
  const targets: NlbTargetsArgs = isFieldObject(givenTargets) ? givenTargets : {};
  if (isFieldObject(givenTargets)) {
    findings.push(...checkTargets({ ...targets, targetType: input.targetType, isDeferred }, 'targets', 'targetType'));
  } else {
    findings.push(...checkTargetType(input.targetType, 'targetType'), ...checkTargets(givenTargets as NlbTargetsInput, 'targets'));
  }
  // Instance ids and IP addresses name the attachments (ChildNames), so they are strings, never outputs (or promises);
  // checkTargets reports every other entry that is no string.
  for (const [list, rule, what] of [['instanceIds', INSTANCE_ID_FORM, 'an EC2 instance id'], ['ipAddresses', IP_ADDRESS_FORM, 'an IP address']] as const) {
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
  findings.push(...checkHealthCheck(input.healthCheck, 'healthCheck'));

  // (entries that are no listener object are UDP530: none is planned)
  const givenListeners: readonly unknown[] = Array.isArray(input.listeners) ? input.listeners : [];
  const listeners: PlannedListener[] = (givenListeners.filter(isFieldObject) as unknown as NlbListenerArgs[]).map((listener) => ({
    key: listenerKey(listener),
    port: listener.port,
    protocol: listener.protocol as ListenerProtocol,
    targetPort: listener.targetPort ?? listener.port,
  }));
  findings.push(...checkTargetGroupAttributes(input.targetGroupAttributes, listeners.map((l) => l.protocol), 'targetGroupAttributes'));

  let recordName: string | undefined;
  const srv: PlannedSrvRecord[] = [];
  const ttl = input.dns?.ttl ?? DEFAULT_SRV_TTL;
  // (dns: null is no DNS, as srv: null is no SRV record)
  if (input.dns != null) {
    const dns = input.dns;
    findings.push(...checkHostname(dns.hostname, 'dns.hostname'));
    if (dns.ttl !== undefined) findings.push(...checkTtl(dns.ttl, 'dns.ttl'));
    recordName = typeof dns.hostname === 'string' ? withoutTrailingDot(dns.hostname) : undefined;
    // record sets by name, in lower case: DNS names are case-insensitive, so `_Kerberos._udp` is `_kerberos._udp`
    const groups = new Map<string, { key: string; name: string; values: string[] }>();
    const entries: unknown = dns.srv ?? [];
    if (!Array.isArray(entries)) {
      findings.push(findingOf(SRV_SERVICE, {
        field: 'dns.srv',
        value: shown(entries),
        message: 'must be a list of SRV record sets',
        allowed: "for example [{ service: 'kerberos', protocol: 'udp' }]",
      }));
    }
    (Array.isArray(entries) ? entries as Array<NlbSrvArgs | null> : []).forEach((given, index) => {
      // (an entry that is no object has no service and no protocol: UDP403 and UDP404)
      const entry: NlbSrvArgs = given ?? ({} as NlbSrvArgs);
      const field = `dns.srv[${index}]`;
      const before = findings.length;
      findings.push(...checkSrvService(entry.service, `${field}.service`));
      findings.push(...checkSrvProtocol(entry.protocol, `${field}.protocol`));
      const priority = entry.priority ?? DEFAULT_SRV_PRIORITY;
      const weight = entry.weight ?? DEFAULT_SRV_WEIGHT;
      findings.push(...checkSrvNumber(priority, `${field}.priority`));
      findings.push(...checkSrvNumber(weight, `${field}.weight`));
      let port = entry.port;
      const proto = typeof entry.protocol === 'string' ? srvProtocolLabel(entry.protocol) : '';
      if (port === undefined && findings.length === before) {
        const carriers = listeners.filter((l) => listenerCarries(l.protocol, proto));
        const ports = [...new Set(carriers.map((l) => l.port))];
        if (ports.length === 1) {
          port = ports[0];
        } else {
          findings.push(findingOf(SRV_NUMBER, {
            field: `${field}.port`,
            value: undefined,
            message: ports.length === 0
              ? `is needed: no listener carries ${proto}`
              : `is needed: ${ports.length} listeners carry ${proto} (ports ${ports.join(', ')})`,
            allowed: '0..65535, the port clients of this service connect to',
          }));
        }
      } else if (port !== undefined) {
        findings.push(...checkSrvNumber(port, `${field}.port`));
      }
      const host = entry.host ?? dns.hostname;
      if (entry.host !== undefined) findings.push(...checkHostname(entry.host, `${field}.host`));
      if (entry.domain !== undefined) findings.push(...checkHostname(entry.domain, `${field}.domain`));
      if (findings.length > before || recordName === undefined || typeof host !== 'string') return;
      const service = entry.service.startsWith('_') ? entry.service.slice(1) : entry.service;
      const setName = srvRecordName(service, proto, entry.domain ?? recordName);
      const nameProblem = hostnameProblem(setName.replace(/_/g, 'x'));
      if (nameProblem !== undefined) {
        findings.push(findingOf(DNS_HOSTNAME, {
          field: entry.domain !== undefined ? `${field}.domain` : 'dns.hostname',
          value: entry.domain ?? dns.hostname,
          message: `makes the record name ${setName}, of ${setName.length} characters: ${nameProblem}`,
          allowed: 'a shorter domain: _service._proto.domain is at most 253 characters',
        }));
        return;
      }
      // the child is named by the record name, in lower case: unique, as entries with the same name are one record set
      // (a name made of service, protocol and domain was not: a-udp without domain and a with domain udp collided)
      const key = `srv-${setName.toLowerCase()}`;
      const group = groups.get(setName.toLowerCase()) ?? { key, name: setName, values: [] };
      group.values.push(`${priority} ${weight} ${port} ${fqdn(host)}`);
      groups.set(setName.toLowerCase(), group);
    });
    srv.push(...groups.values());
  }

  const scheme = (input.scheme ?? LoadBalancerScheme.INTERNAL) as LoadBalancerScheme;
  // (only silences warnings: a list that is none, or an entry that is no rule id, silences nothing)
  const disabledRules: unknown = input.disabledRules;
  const disabled = new Set((Array.isArray(disabledRules) ? disabledRules : []).filter((id) => typeof id === 'string').map((id: string) => id.toUpperCase()));
  const warnings: Finding[] = [];
  for (const protocol of new Set(listeners.map((l) => l.protocol))) {
    warnings.push(...checkHealthCheckForTraffic(input.healthCheck, protocol, 'healthCheck'));
  }
  const cited = findings.map(citingAws);
  const errors = cited.filter((f) => f.severity === Severity.ERROR);
  warnings.push(...cited.filter((f) => f.severity !== Severity.ERROR));
  if (errors.length > 0) throw new NlbUdpLoadBalancerError(name, errors);

  return {
    scheme,
    allocateEips: eips === 'allocate' ? input.subnetIds.length : 0,
    givenEips: Array.isArray(eips) ? eips : undefined,
    listeners,
    targetType: inferTargetType({ ...targets, targetType: input.targetType }),
    healthCheck: resolveHealthCheck(input.healthCheck),
    dualstack: input.ipAddressType === 'dualstack',
    recordName,
    srv,
    ttl,
    warnings: warnings.filter((w) => !disabled.has(w.ruleId)),
  };
}
