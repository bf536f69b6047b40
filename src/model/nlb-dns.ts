import { checkHostname, checkSrvNumber, checkSrvProtocol, checkSrvService, checkTtl, hostnameProblem, srvProtocolLabel, srvRecordName, srvServiceLabel, SrvProtocol, withoutTrailingDot } from './dns';
import { isDuration, secondsOf } from './duration';
import { NlbProtocol } from './nlb-listeners';
import { NLB_DEFAULTS, NlbDnsOptions, NlbSrvOptions } from './nlb-options';
import { isFieldObject } from './shape';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';

/** One target of a planned SRV record set. */
export interface PlannedSrvTarget {
  /** The host, without its trailing dot (renderers add it). */
  readonly host: string;
  /** The port clients connect to. */
  readonly port: number;
  /** The priority. */
  readonly priority: number;
  /** The weight. */
  readonly weight: number;
}

/** An SRV record set to publish, `_service._proto.domain`. */
export interface PlannedSrvRecord {
  /** `_service._proto.domain`, without a trailing dot. */
  readonly name: string;
  /** `srv-` and the name in lower case: unique per record set, the stable part of child names. */
  readonly key: string;
  /** The service label, without its underscore. */
  readonly service: string;
  /** `udp` or `tcp`. */
  readonly protocol: SrvProtocol;
  /** The domain, without a trailing dot. */
  readonly domain: string;
  /** The targets, in the order given. */
  readonly targets: readonly PlannedSrvTarget[];
}

/** The DNS records of a load balancer, checked, with the defaults filled in. */
export interface PlannedNlbDns {
  /** The hostname without its trailing dot, when one was given and is a DNS name. */
  readonly hostname?: string;
  /** The TTL in seconds. */
  readonly ttl: number;
  /** Whether the TTL was given (rather than the default). */
  readonly ttlGiven: boolean;
  /** The SRV record sets. */
  readonly srv: readonly PlannedSrvRecord[];
}

/** A port as the DNS planner reads it. */
interface PortCarrier {
  readonly port: unknown;
  readonly protocol?: unknown;
}

function carries(port: PortCarrier, srvProtocol: string): boolean {
  const protocol = port.protocol ?? NlbProtocol.UDP;
  return protocol === NlbProtocol.TCP_UDP || String(protocol).toLowerCase() === srvProtocol;
}

/**
 * Checks `dns` and plans its records, the same way for the cdk8s and the Pulumi `NlbUdpLoadBalancer`: the hostname a
 * DNS name, the TTL a `Duration` of whole seconds 1..2147483647, each SRV entry's service, protocol, numbers, host and
 * domain; an SRV entry without a port takes the port of the only load-balancer port that carries its protocol.
 * Entries with the same record name (case-insensitive) become one record set.
 *
 * @param dns the `dns` option as given (`undefined` or `null`: no records)
 * @param ports the load balancer's ports as given
 * @param options `hostnameRequired` when the records need a hostname (Pulumi's alias record); `shown` turns a value
 * known only later into its description for findings
 */
export function planNlbDns(
  dns: NlbDnsOptions | null | undefined,
  ports: readonly unknown[],
  options: { readonly hostnameRequired?: boolean; readonly shown?: (value: unknown) => unknown } = {},
): { readonly dns?: PlannedNlbDns; readonly findings: readonly Finding[] } {
  if (dns === undefined || dns === null) return { findings: [] };
  const shown = options.shown ?? ((value: unknown) => value);
  const findings: Finding[] = [];
  if (!isFieldObject(dns)) {
    findings.push(findingOf(RULES.UDP403, {
      field: 'dns',
      value: shown(dns),
      message: 'is not a set of DNS options',
      allowed: "an object such as { hostname: 'dns.example.com', srv: [{ service: 'domain', protocol: SrvProtocol.UDP }] }",
    }));
    return { findings };
  }
  const given = dns as NlbDnsOptions;
  // (a wildcard is a hostname ExternalDNS and Route 53 publish, but no SRV target: SRV entries that default to it say so)
  if (given.hostname !== undefined || options.hostnameRequired) findings.push(...checkHostname(given.hostname, 'dns.hostname', true));
  let ttl: number = NLB_DEFAULTS.ttlSeconds;
  const ttlGiven: unknown = given.ttl;
  if (ttlGiven !== undefined) {
    const seconds = secondsOf(ttlGiven);
    if (!isDuration(ttlGiven)) {
      findings.push(findingOf(RULES.UDP402, {
        field: 'dns.ttl',
        value: shown(ttlGiven),
        message: 'is not a Duration',
        allowed: `a Duration of whole seconds 1..2147483647, for example Duration.seconds(${typeof ttlGiven === 'number' && Number.isFinite(ttlGiven) ? ttlGiven : 300})`,
      }));
    } else {
      const problems = checkTtl(seconds, 'dns.ttl').map((f) => ({ ...f, message: `${f.message} (a Duration of ${seconds} s)` }));
      findings.push(...problems);
      if (problems.length === 0 && seconds !== undefined) ttl = seconds;
    }
  }
  const hostname = typeof given.hostname === 'string' && hostnameProblem(given.hostname, true) === undefined
    ? withoutTrailingDot(given.hostname) : undefined;

  const entries: unknown = given.srv ?? [];
  if (!Array.isArray(entries)) {
    findings.push(findingOf(RULES.UDP403, {
      field: 'dns.srv',
      value: shown(entries),
      message: 'must be a list of SRV record sets',
      allowed: "for example [{ service: 'kerberos', protocol: SrvProtocol.UDP }]",
    }));
  }
  const carriers = ports.filter(isFieldObject) as unknown as PortCarrier[];
  const groups = new Map<string, PlannedSrvRecord & { readonly targets: PlannedSrvTarget[] }>();
  (Array.isArray(entries) ? entries as unknown[] : []).forEach((value, index) => {
    // (an entry that is no object has no service and no protocol: UDP403 and UDP404)
    const entry = (isFieldObject(value) ? value : {}) as unknown as NlbSrvOptions;
    const field = `dns.srv[${index}]`;
    const before = findings.length;
    findings.push(...checkSrvService(entry.service, `${field}.service`));
    findings.push(...checkSrvProtocol(entry.protocol, `${field}.protocol`));
    const priority = entry.priority ?? NLB_DEFAULTS.srvPriority;
    const weight = entry.weight ?? NLB_DEFAULTS.srvWeight;
    findings.push(...checkSrvNumber(priority, `${field}.priority`));
    findings.push(...checkSrvNumber(weight, `${field}.weight`));
    let port = entry.port;
    const proto = typeof entry.protocol === 'string' ? srvProtocolLabel(entry.protocol) : '';
    if (port === undefined && findings.length === before) {
      const numbers = [...new Set(carriers.filter((p) => carries(p, proto)).map((p) => p.port))];
      if (numbers.length === 1 && typeof numbers[0] === 'number') {
        port = numbers[0];
      } else {
        findings.push(findingOf(RULES.UDP405, {
          field: `${field}.port`,
          value: undefined,
          message: numbers.length === 0
            ? `is needed: no port carries ${proto}`
            : `is needed: ${numbers.length} ports carry ${proto} (${numbers.join(', ')})`,
          allowed: '0..65535, the port clients of this service connect to',
        }));
      }
    } else if (port !== undefined) {
      findings.push(...checkSrvNumber(port, `${field}.port`));
    }
    if (entry.host !== undefined) findings.push(...checkHostname(entry.host, `${field}.host`));
    if (entry.domain !== undefined) findings.push(...checkHostname(entry.domain, `${field}.domain`));
    const host = entry.host ?? given.hostname;
    const domain = entry.domain ?? given.hostname;
    if (host === undefined || domain === undefined) {
      if (findings.length === before) {
        findings.push(findingOf(RULES.UDP401, {
          field: `${field}.${host === undefined ? 'host' : 'domain'}`,
          value: undefined,
          message: 'is needed: there is no dns.hostname to default to',
          allowed: 'dns.hostname, or the host and domain of this record',
        }));
      }
      return;
    }
    if (findings.length === before && typeof host === 'string' && hostnameProblem(host) !== undefined && hostnameProblem(host, true) === undefined) {
      findings.push(findingOf(RULES.UDP401, {
        field: `${field}.host`,
        value: host,
        message: 'is a wildcard, which no SRV record can point at',
        allowed: 'the name of one host, such as dns.example.com',
      }));
    }
    if (findings.length > before || typeof host !== 'string' || typeof domain !== 'string' || port === undefined) return;
    const service = srvServiceLabel(entry.service);
    const name = srvRecordName(service, proto, domain);
    const nameProblem = hostnameProblem(name.replace(/_/g, 'x'));
    if (nameProblem !== undefined) {
      findings.push(findingOf(RULES.UDP401, {
        field: entry.domain !== undefined ? `${field}.domain` : 'dns.hostname',
        value: domain,
        message: `makes the record name ${name}, of ${name.length} characters: ${nameProblem}`,
        allowed: 'a shorter domain: _service._proto.domain is at most 253 characters',
      }));
      return;
    }
    const key = name.toLowerCase();
    const group = groups.get(key) ?? { name, key: `srv-${key}`, service, protocol: proto as SrvProtocol, domain: withoutTrailingDot(domain), targets: [] };
    group.targets.push({ host: withoutTrailingDot(host), port, priority, weight });
    groups.set(key, group);
  });
  return { dns: { hostname, ttl, ttlGiven: ttlGiven !== undefined, srv: [...groups.values()] }, findings };
}
