/**
 * ExternalDNS hostname and TTL annotations on Services (`hostname`, `ttl`, `externalDnsPrefix` of every
 * `ServiceBase`), and the checks of DNS props that have no field of their own in the emitted objects.
 */
import { ApiObjectMetadataDefinition, Duration } from 'cdk8s';
import { ServiceType } from './service-type';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';
import { checkHostname, checkTtl, withoutTrailingDot } from '../model/dns';

/**
 * Which ExternalDNS annotation prefix the hostname and TTL annotations are written under.
 *
 * ExternalDNS reads exactly one prefix (`--annotation-prefix`): `external-dns.alpha.kubernetes.io/` up to v0.21, and
 * `external-dns.kubernetes.io/` by default from v0.22.0, with no fallback to the other. Writing both is harmless: each
 * version reads its own and ignores the other.
 */
export enum ExternalDnsPrefix {
  /** Both prefixes, so that ExternalDNS before and after v0.22.0 publishes the records (the default). */
  BOTH = 'both',
  /** `external-dns.alpha.kubernetes.io/` only: ExternalDNS up to v0.21, or later with that `--annotation-prefix`. */
  ALPHA = 'alpha',
  /** `external-dns.kubernetes.io/` only: ExternalDNS v0.22.0 or later with its default `--annotation-prefix`. */
  STABLE = 'stable',
}

/** The ExternalDNS annotation prefix up to v0.21. */
export const EXTERNAL_DNS_ALPHA_PREFIX = 'external-dns.alpha.kubernetes.io/';
/** The ExternalDNS annotation prefix from v0.22.0 on. */
export const EXTERNAL_DNS_STABLE_PREFIX = 'external-dns.kubernetes.io/';

/**
 * The annotation prefixes of `prefix`, in the order they are written (the alpha one first).
 *
 * @param prefix which prefix or prefixes
 * @returns an empty list for a value that is not an `ExternalDnsPrefix` (reported as UDP408)
 */
export function externalDnsPrefixes(prefix: ExternalDnsPrefix = ExternalDnsPrefix.BOTH): string[] {
  switch (prefix) {
    case ExternalDnsPrefix.BOTH: return [EXTERNAL_DNS_ALPHA_PREFIX, EXTERNAL_DNS_STABLE_PREFIX];
    case ExternalDnsPrefix.ALPHA: return [EXTERNAL_DNS_ALPHA_PREFIX];
    case ExternalDnsPrefix.STABLE: return [EXTERNAL_DNS_STABLE_PREFIX];
    default: return [];
  }
}

/** DNS names ExternalDNS publishes for a Service (`--source=service`). */
export interface ExternalDnsOptions {
  /**
   * The DNS name or names ExternalDNS publishes for the Service, pointing at its address: A/AAAA for a load balancer
   * IP, CNAME (an ALIAS on Route 53) for a load balancer hostname, the node addresses for a NodePort Service, the pod
   * addresses for a headless one. Written as the `hostname` annotation (comma-separated). DNS names of at most 253
   * characters with labels of 1..63 letters, digits and hyphens; `*.example.com` is allowed; a trailing dot is dropped.
   * @default - no hostname annotation
   */
  readonly hostname?: string | string[];
  /**
   * The TTL of the records ExternalDNS publishes for the Service: whole seconds, or a cdk8s `Duration` of whole
   * seconds, 1..2147483647. Written as the `ttl` annotation, in seconds.
   * @default - no ttl annotation: the DNS provider's default (ExternalDNS uses 300 s on Route 53)
   */
  readonly ttl?: number | Duration;
  /**
   * Which annotation prefix the `hostname` and `ttl` annotations are written under.
   * @default ExternalDnsPrefix.BOTH
   */
  readonly externalDnsPrefix?: ExternalDnsPrefix;
}

/** A TTL in seconds, from seconds or a `Duration` (possibly fractional: the checks report it). */
export function ttlSeconds(ttl: number | Duration): number {
  return ttl instanceof Duration ? ttl.toSeconds({ integral: false }) : ttl;
}

/** A hostname prop as a list, with its field paths (`hostname`, or `hostname[1]` for a list). */
function hostnameEntries(hostname: string | string[] | undefined, field: string): Array<{ name: unknown; field: string }> {
  if (hostname === undefined) return [];
  if (Array.isArray(hostname)) return hostname.map((name, i) => ({ name, field: `${field}[${i}]` }));
  return [{ name: hostname, field }];
}

/**
 * Checks ExternalDNS options: each hostname a DNS name (wildcards allowed), the TTL 1..2147483647 whole seconds, the
 * prefix one of `ExternalDnsPrefix`.
 *
 * @param options the options as given
 * @param prefix the path of the options in the props, for example `dns.` (empty for the top level)
 */
export function checkExternalDnsOptions(options: ExternalDnsOptions, prefix = ''): Finding[] {
  const findings: Finding[] = [];
  for (const { name, field } of hostnameEntries(options.hostname, `${prefix}hostname`)) {
    findings.push(...checkHostname(name, field, true));
  }
  if (options.ttl !== undefined) {
    const seconds = ttlSeconds(options.ttl);
    for (const finding of checkTtl(seconds, `${prefix}ttl`)) {
      findings.push(options.ttl instanceof Duration ? { ...finding, message: `${finding.message} (a Duration of ${seconds} s)` } : finding);
    }
  }
  const prefixValue = options.externalDnsPrefix;
  if (prefixValue !== undefined && externalDnsPrefixes(prefixValue).length === 0) {
    findings.push(findingOf(RULES.UDP408, {
      field: `${prefix}externalDnsPrefix`,
      value: prefixValue,
      message: 'is not an ExternalDnsPrefix',
      allowed: `ExternalDnsPrefix.BOTH ("both"), ALPHA ("alpha", ${EXTERNAL_DNS_ALPHA_PREFIX}) or STABLE ("stable", ${EXTERNAL_DNS_STABLE_PREFIX})`,
    }));
  }
  return findings;
}

/**
 * The ExternalDNS annotations of one Service: `hostname` (comma-separated) and `ttl` (seconds) under the chosen
 * prefixes. Built by every `ServiceBase` from its `hostname`, `ttl` and `externalDnsPrefix`; constructs that publish
 * more names on a Service (the per-protocol hostnames of a split `DualProtocolEndpoint`) add them with
 * `addHostname()`.
 *
 * Only valid values are written: a hostname that is not a DNS name, or a TTL out of range, is reported at synthesis
 * and left out. An annotation the user wrote in `metadata.annotations` wins over the props (and UDP407 reports it).
 */
export class ExternalDnsAnnotations {
  private readonly names: string[] = [];
  private readonly own: Readonly<Record<string, string>>;
  private ttl: number | undefined;

  /**
   * @param metadata the Service's metadata, written to
   * @param options the Service's `hostname`, `ttl` and `externalDnsPrefix`
   * @param ownAnnotations the annotations the user gave in `metadata`, which win
   */
  constructor(private readonly metadata: ApiObjectMetadataDefinition, private readonly options: ExternalDnsOptions,
    ownAnnotations: Readonly<Record<string, string>> = {}) {
    this.own = ownAnnotations;
    for (const { name } of hostnameEntries(options.hostname, 'hostname')) this.add(name);
    if (options.ttl !== undefined) this.useTtl(ttlSeconds(options.ttl));
    this.render();
  }

  /** The names written in the `hostname` annotation, in order, without trailing dots. */
  public get hostnames(): string[] {
    return [...this.names];
  }

  /** The TTL written in the `ttl` annotation, in seconds, or `undefined`. */
  public get ttlSeconds(): number | undefined {
    return this.ttl;
  }

  /** The annotations written on the Service (a copy). */
  public get annotations(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const prefix of externalDnsPrefixes(this.options.externalDnsPrefix)) {
      const hostnameKey = `${prefix}hostname`;
      const ttlKey = `${prefix}ttl`;
      if (this.names.length > 0 && !(hostnameKey in this.own)) result[hostnameKey] = this.names.join(',');
      if (this.ttl !== undefined && !(ttlKey in this.own)) result[ttlKey] = String(this.ttl);
    }
    return result;
  }

  /**
   * Publishes one more name for the Service (the caller checks it: a name that is not a DNS name is left out).
   *
   * @param hostname a DNS name; a trailing dot is dropped
   */
  public addHostname(hostname: string): void {
    this.add(hostname);
    this.render();
  }

  /**
   * Sets the TTL when the Service's own `ttl` is unset (for example the `dns.ttl` of a `DualProtocolEndpoint`).
   *
   * @param ttl seconds or a Duration; left out when it is not 1..2147483647 whole seconds
   */
  public defaultTtl(ttl: number | Duration): void {
    if (this.options.ttl !== undefined) return;
    this.useTtl(ttlSeconds(ttl));
    this.render();
  }

  /**
   * The findings of the options: DNS names, the TTL, the prefix, props that an annotation in `metadata` overrides,
   * and (a warning) names on a ClusterIP Service.
   *
   * @param type the Service's type, when known
   */
  public findings(type?: ServiceType): Finding[] {
    const findings = checkExternalDnsOptions(this.options);
    if (type === ServiceType.CLUSTER_IP && this.names.length > 0) {
      findings.push(findingOf(RULES.UDP411, {
        field: 'hostname',
        value: this.names.length === 1 ? this.names[0] : this.names,
        message: 'is on a ClusterIP Service: ExternalDNS publishes it only when run with --publish-internal-services, '
          + 'and then to the cluster IP, reachable only inside the cluster',
        allowed: 'type LOAD_BALANCER or NODE_PORT (HEADLESS publishes the pod IPs), or ExternalDNS with --publish-internal-services',
      }));
    }
    const twice = (field: 'hostname' | 'ttl', value: unknown) => {
      const keys = externalDnsPrefixes(this.options.externalDnsPrefix).map((p) => `${p}${field}`).filter((k) => k in this.own);
      if (keys.length === 0) return;
      findings.push(findingOf(RULES.UDP407, {
        field,
        value,
        message: `is also set by the annotation ${keys.map((k) => JSON.stringify(k)).join(' and ')} in metadata.annotations, which wins`,
        allowed: `the prop or the annotation, not both (the prop writes ${field} under ${this.prefixText()})`,
      }));
    };
    if (this.options.hostname !== undefined) twice('hostname', this.options.hostname);
    if (this.options.ttl !== undefined) twice('ttl', this.options.ttl instanceof Duration ? ttlSeconds(this.options.ttl) : this.options.ttl);
    return findings;
  }

  private prefixText(): string {
    return externalDnsPrefixes(this.options.externalDnsPrefix).join(' and ');
  }

  private add(name: unknown): void {
    if (checkHostname(name, 'hostname', true).length > 0) return;
    const clean = withoutTrailingDot(name as string);
    if (!this.names.includes(clean)) this.names.push(clean);
  }

  private useTtl(seconds: number): void {
    if (checkTtl(seconds, 'ttl').length === 0) this.ttl = seconds;
  }

  private render(): void {
    for (const [key, value] of Object.entries(this.annotations)) this.metadata.addAnnotation(key, value);
  }
}
