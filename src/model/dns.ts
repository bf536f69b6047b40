import { compareReleases, isRelease } from './kubernetes-version';
import { isWholeNumberIn } from './shape';
import { RULES } from '../core/catalog';
import { Finding, formatFinding } from '../core/finding';
import { findingOf } from '../core/rule-info';

/** The protocol label of an SRV record name: `_udp` or `_tcp`. */
export enum SrvProtocol {
  /** `_udp`. */
  UDP = 'udp',
  /** `_tcp`. */
  TCP = 'tcp',
}

/** The TTL range ExternalDNS accepts (and Route 53 too): 1..2147483647 seconds. */
export const TTL_RANGE = { min: 1, max: 2147483647 } as const;

/** One target of an SRV record: `priority weight port host.`. */
export interface SrvTarget {
  /** Lower is tried first: 0..65535. */
  readonly priority: number;
  /** Relative weight among targets of the same priority: 0..65535. */
  readonly weight: number;
  /** The port clients connect to: 0..65535. */
  readonly port: number;
  /** The host name that serves it, with or without the trailing dot (it is always added). */
  readonly host: string;
}

/** Common names of services whose registered SRV name differs (IANA Service Name and Transport Protocol Port Number Registry). */
const REGISTERED_SERVICE_NAMES: Readonly<Record<string, string>> = {
  dns: 'domain',
  kdc: 'kerberos',
  krb5: 'kerberos',
};

const LABEL = /^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?$/;
const SERVICE_NAME = /^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?$/;

/**
 * What is wrong with a hostname, or `undefined` when it is a DNS name: at most 253 characters (254 with the trailing
 * dot), labels of 1..63 letters, digits and hyphens that neither start nor end with a hyphen.
 *
 * @param allowWildcard whether `*` is allowed as the whole first label (`*.example.com`), as for A records
 */
export function hostnameProblem(value: unknown, allowWildcard = false): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'must be a non-empty string';
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  if (name.length > 253) return `must be no more than 253 characters (has ${name.length})`;
  const labels = name.split('.');
  for (const [index, label] of labels.entries()) {
    if (label.length === 0) return 'must not have an empty label (two dots in a row, or a leading dot)';
    if (label.length > 63) return `label "${label.slice(0, 20)}..." must be no more than 63 characters (has ${label.length})`;
    if (allowWildcard && index === 0 && label === '*') continue;
    if (!LABEL.test(label)) {
      return `label "${label}" must consist of letters, digits and '-', and must start and end with a letter or digit`;
    }
  }
  return undefined;
}

/**
 * Checks a hostname to publish (an A/AAAA record, an ExternalDNS `hostname`, an SRV target host).
 *
 * @param value the hostname; a trailing dot is allowed
 * @param field the prop path for findings, for example `dns.hostname`
 * @param allowWildcard whether `*.example.com` is allowed
 */
export function checkHostname(value: unknown, field: string, allowWildcard = false): Finding[] {
  const problem = hostnameProblem(value, allowWildcard);
  if (!problem) return [];
  return [findingOf(RULES.UDP401, {
    field,
    value,
    message: problem,
    allowed: 'a DNS name such as dns.example.com: at most 253 characters, labels of 1..63 [A-Za-z0-9-]',
  })];
}

/**
 * Checks a TTL in seconds: a whole number 1..2147483647.
 *
 * @param value the TTL in seconds (the cdk8s side converts its `Duration` first)
 * @param field the prop path for findings, for example `dns.ttl`
 */
export function checkTtl(value: unknown, field: string): Finding[] {
  if (isWholeNumberIn(value, TTL_RANGE.min, TTL_RANGE.max)) return [];
  return [findingOf(RULES.UDP402, {
    field,
    value,
    message: `must be a whole number of seconds between ${TTL_RANGE.min} and ${TTL_RANGE.max}`,
    allowed: `${TTL_RANGE.min}..${TTL_RANGE.max} seconds`,
  })];
}

/**
 * The service label without its underscore: `kerberos` for `kerberos` or `_kerberos`.
 */
export function srvServiceLabel(service: string): string {
  return service.startsWith('_') ? service.slice(1) : service;
}

/**
 * The protocol label without its underscore, in lower case: `udp` for `udp`, `UDP` or `_udp`.
 */
export function srvProtocolLabel(protocol: string): string {
  return (protocol.startsWith('_') ? protocol.slice(1) : protocol).toLowerCase();
}

/**
 * Checks an SRV service name: an RFC 6335 service name (1..15 letters, digits and hyphens, at least one letter, no
 * hyphen at either end nor two in a row), with or without its leading underscore.
 */
export function checkSrvService(value: unknown, field: string): Finding[] {
  const label = typeof value === 'string' ? srvServiceLabel(value) : undefined;
  let problem: string | undefined;
  if (label === undefined || label.length === 0) {
    problem = 'must be a non-empty string';
  } else if (label.length > 15) {
    problem = `must be no more than 15 characters (has ${label.length})`;
  } else if (!SERVICE_NAME.test(label) || label.includes('--')) {
    problem = "must consist of letters, digits and single '-', and start and end with a letter or digit";
  } else if (!/[A-Za-z]/.test(label)) {
    problem = 'must contain at least one letter';
  }
  if (!problem) {
    const registered = REGISTERED_SERVICE_NAMES[label!.toLowerCase()];
    if (registered === undefined || registered === label!.toLowerCase()) return [];
    return [findingOf(RULES.UDP412, {
      field,
      value,
      message: `is not the registered service name: clients look up _${registered}, not _${label!.toLowerCase()}`,
      allowed: `"${registered}"`,
      hint: `service: '${registered}'`,
    })];
  }
  return [findingOf(RULES.UDP403, {
    field,
    value,
    message: `${problem}, to make the _service label of _service._proto.domain`,
    allowed: 'a service name such as kerberos, ldap or sip',
  })];
}

/** Checks an SRV protocol: `udp` or `tcp` (any case, with or without the underscore). */
export function checkSrvProtocol(value: unknown, field: string): Finding[] {
  if (typeof value === 'string' && (srvProtocolLabel(value) === SrvProtocol.UDP || srvProtocolLabel(value) === SrvProtocol.TCP)) {
    return [];
  }
  return [findingOf(RULES.UDP404, {
    field,
    value,
    message: 'must be udp or tcp, to make _service._udp or _service._tcp',
    allowed: 'udp or tcp',
  })];
}

/** Checks an SRV priority, weight or port: a whole number 0..65535. */
export function checkSrvNumber(value: unknown, field: string): Finding[] {
  if (isWholeNumberIn(value, 0, 65535)) return [];
  return [findingOf(RULES.UDP405, {
    field,
    value,
    message: 'must be a whole number between 0 and 65535',
    allowed: '0..65535',
  })];
}

/**
 * Checks an SRV target: priority, weight and port 0..65535 and a host that is a DNS name.
 *
 * @param target the target as given
 * @param field the prop path for findings, for example `dns.srv[0]`
 */
export function checkSrvTarget(target: Partial<SrvTarget>, field: string): Finding[] {
  const findings: Finding[] = [];
  for (const name of ['priority', 'weight', 'port'] as const) {
    findings.push(...checkSrvNumber(target[name], `${field}.${name}`));
  }
  if (target.host === undefined) {
    findings.push(findingOf(RULES.UDP406, {
      field: `${field}.host`,
      value: undefined,
      message: 'is needed: an SRV target points at a host name',
      allowed: 'a DNS name such as dns.example.com',
    }));
  } else {
    findings.push(...checkHostname(target.host, `${field}.host`));
  }
  return findings;
}

/** How an ExternalDNS release publishes the SRV targets of a DNSEndpoint. */
export enum SrvTargetForm {
  /** v0.22.0 and later: targets must end with a dot (endpoint validation drops the others). */
  DOTTED = 'dotted',
  /** v0.20.0 and earlier: targets must not end with a dot (the CRD source skips them, "illegal target format"). */
  UNDOTTED = 'undotted',
  /** v0.21.x: no DNSEndpoint SRV record is published, dotted or not. */
  NONE = 'none',
}

/**
 * The SRV target form an ExternalDNS release publishes. Unknown (or not a release number), the current form: dotted.
 *
 * @param version the release, such as `0.20` or `v0.22.0`
 */
export function srvTargetForm(version: string | undefined): SrvTargetForm {
  if (version === undefined || !isRelease(version)) return SrvTargetForm.DOTTED;
  if (compareReleases(version, '0.22') >= 0) return SrvTargetForm.DOTTED;
  if (compareReleases(version, '0.21') >= 0) return SrvTargetForm.NONE;
  return SrvTargetForm.UNDOTTED;
}

/**
 * Checks an `externalDnsVersion` prop: a release number such as `0.20` or `v0.22.0`.
 *
 * @param value the version as given; `undefined` means the current release line
 * @param field the prop path for findings
 */
export function checkExternalDnsVersion(value: unknown, field: string): Finding[] {
  if (value === undefined || (typeof value === 'string' && isRelease(value))) return [];
  return [findingOf(RULES.UDP436, {
    field,
    value,
    message: 'is not a release number',
    allowed: 'an ExternalDNS release such as "0.20" or "v0.22.0"',
  })];
}

/** `host` with exactly one trailing dot: `dns.example.com.`. */
export function fqdn(host: string): string {
  return host.endsWith('.') ? host : `${host}.`;
}

/** `host` without its trailing dot: `dns.example.com`. */
export function withoutTrailingDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/**
 * The value of one SRV target, `"priority weight port host."`, ALWAYS with the trailing dot: ExternalDNS (since
 * v0.21.0) drops an SRV target whose host does not end with a dot, with only a warning.
 *
 * @throws when a number is outside 0..65535 or the host is not a DNS name
 */
export function srvTarget(target: SrvTarget): string {
  const findings = checkSrvTarget(target, 'target');
  if (findings.length > 0) {
    throw new Error(findings.map((f) => formatFinding(f, 'srvTarget')).join('\n'));
  }
  return formatSrvTarget(target);
}

/**
 * The one rendering of an SRV target, `"priority weight port host."` with the trailing dot, unchecked: the constructs
 * and the Pulumi component check the values apart (UDP405, UDP401) and render them with this.
 */
export function formatSrvTarget(target: { readonly [K in keyof SrvTarget]: unknown }, form: SrvTargetForm = SrvTargetForm.DOTTED): string {
  const host = form === SrvTargetForm.UNDOTTED ? withoutTrailingDot(String(target.host)) : fqdn(String(target.host));
  return `${String(target.priority)} ${String(target.weight)} ${String(target.port)} ${host}`;
}

/**
 * The name of an SRV record set, `_service._proto.domain` (without a trailing dot), for example
 * `_kerberos._udp.example.com`.
 *
 * @param service the service name, with or without its underscore
 * @param protocol `udp` or `tcp`, with or without its underscore
 * @param domain the domain the record lives under
 */
export function srvRecordName(service: string, protocol: SrvProtocol | string, domain: string): string {
  return `_${srvServiceLabel(service)}._${srvProtocolLabel(protocol)}.${withoutTrailingDot(domain)}`;
}
