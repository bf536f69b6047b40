/**
 * The DNS of a `DualProtocolEndpoint`: its `dns` option, which makes `_service._udp` and `_service._tcp` SRV records
 * (`SrvRecord`s) and publishes the hostnames they point at on the endpoint's Services.
 */
import { ApiObjectMetadata, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ExternalDnsAnnotations, checkExternalDnsOptions } from './external-dns';
import { DEFAULT_SRV_PRIORITY, DEFAULT_SRV_WEIGHT, markCheckedByOwner, SrvRecord } from './srv-record';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';
import { checkExternalDnsVersion, checkHostname, checkSrvNumber, checkSrvService, hostnameProblem, SrvProtocol, srvServiceLabel, withoutTrailingDot } from '../model/dns';
import { Protocol } from '../model/protocol';

/**
 * What the DNS of an endpoint needs to know of it: the endpoint (`DualProtocolEndpoint`) without a dependency on it.
 */
export interface DualProtocolServices extends Construct {
  /** Whether TCP and UDP are two Services. */
  readonly split: boolean;
  /** How the two Services share one address, or `undefined` when they do not. */
  readonly sharedAddress: string | undefined;
  /** Why the endpoint is one Service or two. */
  readonly reason: string;
  /** The endpoint's ports. */
  readonly ports: ReadonlyArray<{ readonly port: number }>;
  /** The Service that carries `protocol`, with its ExternalDNS annotations. */
  serviceFor(protocol: Protocol.TCP | Protocol.UDP): { readonly externalDns: ExternalDnsAnnotations };
}

/** DNS for a `DualProtocolEndpoint`: `_service._udp` and `_service._tcp` SRV records and the hostnames they point at. */
export interface DualProtocolDnsOptions {
  /**
   * The SRV service name, with or without its underscore: an RFC 6335 name of 1..15 letters, digits and hyphens
   * (`kerberos`, `ldap`, `sip`, `domain`). The records are `_<service>._udp.<domain>` and `_<service>._tcp.<domain>`.
   */
  readonly service: string;
  /**
   * The endpoint's hostname, which the SRV records point at and the Services publish (ExternalDNS `hostname`
   * annotation). When the endpoint is split into two Services on two addresses (the provider cannot share one:
   * `sharedAddress` is undefined), each protocol gets its own name, `tcp.<hostname>` and `udp.<hostname>` (or
   * `tcpHostname` / `udpHostname`), published on the matching Service; otherwise both records point at this one.
   * @default - none: `tcpHostname` and `udpHostname` are then both needed
   */
  readonly hostname?: string;
  /**
   * The name the `_tcp` record points at, published on the Service that carries TCP.
   * @default - `tcp.<hostname>` when split on two addresses, else `hostname`
   */
  readonly tcpHostname?: string;
  /**
   * The name the `_udp` record points at, published on the Service that carries UDP.
   * @default - `udp.<hostname>` when split on two addresses, else `hostname`
   */
  readonly udpHostname?: string;
  /**
   * The domain the SRV records live under, for example `example.com` for `_kerberos._udp.example.com`.
   * @default - `hostname` (as the Pulumi component's `dns.srv[].domain`)
   */
  readonly domain?: string;
  /**
   * The port the records name, one of the endpoint's ports.
   * @default - the endpoint's first port
   */
  readonly port?: number;
  /**
   * The TTL of the SRV records, and of the hostname records unless the endpoint's own `ttl` is set: whole seconds or
   * a `Duration`, 1..2147483647 s.
   * @default - unset: ExternalDNS's default for the provider (300 s on Route 53)
   */
  readonly ttl?: number | Duration;
  /**
   * The priority of the records' target, 0..65535.
   * @default 10
   */
  readonly priority?: number;
  /**
   * The weight of the records' target, 0..65535.
   * @default 100
   */
  readonly weight?: number;
  /**
   * The ExternalDNS release that publishes the SRV records, such as `'0.20'` (see `SrvRecordProps.externalDnsVersion`).
   * @default - v0.22.0 or later: SRV targets end with a dot
   */
  readonly externalDnsVersion?: string;
}

/**
 * The DNS records of a `DualProtocolEndpoint` with `dns`: the `_udp` and `_tcp` SRV records and the per-protocol
 * hostnames they point at. Built by the endpoint; read it from `endpoint.dns`.
 */
export class DualProtocolDns {
  /** The `_service._udp` record. */
  public readonly udpRecord: SrvRecord;
  /** The `_service._tcp` record. */
  public readonly tcpRecord: SrvRecord;
  /** The name the `_udp` record points at (published on the UDP Service), when there is one. */
  public readonly udpHostname: string | undefined;
  /** The name the `_tcp` record points at (published on the TCP Service), when there is one. */
  public readonly tcpHostname: string | undefined;
  /** Whether each protocol has its own hostname: the endpoint is split and its Services do not share an address. */
  public readonly perProtocol: boolean;

  private port: number | undefined;

  /**
   * @param endpoint the endpoint, with its Services built and no port added yet
   * @param options the `dns` option
   * @param metadata the endpoint's metadata: the records are named `<name>-srv-udp` and `<name>-srv-tcp` in its namespace
   */
  constructor(private readonly endpoint: DualProtocolServices, private readonly options: DualProtocolDnsOptions,
    metadata?: ApiObjectMetadata) {
    this.perProtocol = endpoint.split && endpoint.sharedAddress === undefined;
    const clean = (name: string | undefined) => typeof name === 'string' ? withoutTrailingDot(name) : name;
    const base = clean(options.hostname);
    this.udpHostname = clean(options.udpHostname) ?? (base !== undefined && this.perProtocol ? `udp.${base}` : base);
    this.tcpHostname = clean(options.tcpHostname) ?? (base !== undefined && this.perProtocol ? `tcp.${base}` : base);

    const name = metadata?.name;
    const namespace = metadata?.namespace;
    const common = {
      service: options.service,
      domain: options.domain ?? options.hostname ?? '',
      ttl: options.ttl,
      externalDnsVersion: options.externalDnsVersion,
    };
    this.udpRecord = new SrvRecord(endpoint, 'srv-udp', {
      ...common,
      protocol: SrvProtocol.UDP,
      metadata: name || namespace ? { name: name && `${name}-srv-udp`, namespace } : undefined,
    });
    this.tcpRecord = new SrvRecord(endpoint, 'srv-tcp', {
      ...common,
      protocol: SrvProtocol.TCP,
      metadata: name || namespace ? { name: name && `${name}-srv-tcp`, namespace } : undefined,
    });
    markCheckedByOwner(this.udpRecord);
    markCheckedByOwner(this.tcpRecord);

    for (const [protocol, host] of [[Protocol.UDP, this.udpHostname], [Protocol.TCP, this.tcpHostname]] as const) {
      const service = endpoint.serviceFor(protocol);
      if (host !== undefined && hostnameProblem(host) === undefined) service.externalDns.addHostname(host);
      if (options.ttl !== undefined) service.externalDns.defaultTtl(options.ttl);
    }
  }

  /**
   * Adds the targets when `port` is the one the records name (`dns.port`, or the endpoint's first port). Called by
   * the endpoint for each port it adds.
   */
  public portAdded(port: number): void {
    if (this.port !== undefined || (this.options.port !== undefined && this.options.port !== port)) return;
    this.port = port;
    const priority = this.options.priority ?? DEFAULT_SRV_PRIORITY;
    const weight = this.options.weight ?? DEFAULT_SRV_WEIGHT;
    if (this.udpHostname !== undefined) this.udpRecord.addTarget({ host: this.udpHostname, port, priority, weight });
    if (this.tcpHostname !== undefined) this.tcpRecord.addTarget({ host: this.tcpHostname, port, priority, weight });
  }

  /** The findings of the `dns` option, under `dns.` field names. */
  public findings(): Finding[] {
    const o = this.options;
    const findings: Finding[] = [...checkSrvService(o.service, 'dns.service')];
    if (o.hostname !== undefined) findings.push(...checkHostname(o.hostname, 'dns.hostname'));
    for (const [field, value] of [['dns.udpHostname', o.udpHostname], ['dns.tcpHostname', o.tcpHostname]] as const) {
      if (value !== undefined) findings.push(...checkHostname(value, field));
    }
    this.derivedHostnameFindings(findings);
    this.missingHostFindings(findings);
    if (o.domain !== undefined) {
      findings.push(...checkHostname(o.domain, 'dns.domain'));
    } else if (o.hostname === undefined) {
      findings.push(findingOf(RULES.UDP401, {
        field: 'dns.domain',
        value: undefined,
        message: 'is needed when dns.hostname is unset: the SRV records live under it',
        allowed: 'a DNS name such as example.com (for _service._udp.example.com)',
      }));
    }
    if (findings.every((f) => !f.field.startsWith('dns.domain') && !f.field.startsWith('dns.hostname') && !f.field.startsWith('dns.service'))) {
      // the record name itself: _service._proto.domain within 253 characters
      findings.push(...this.udpRecord.propFindings().filter((f) => f.field === 'domain').map((f) => ({ ...f, field: o.domain !== undefined ? 'dns.domain' : 'dns.hostname' })));
    }
    if (o.priority !== undefined) findings.push(...checkSrvNumber(o.priority, 'dns.priority'));
    if (o.weight !== undefined) findings.push(...checkSrvNumber(o.weight, 'dns.weight'));
    findings.push(...checkExternalDnsOptions({ ttl: o.ttl }, 'dns.'));
    findings.push(...checkExternalDnsVersion(o.externalDnsVersion, 'dns.externalDnsVersion'));
    this.portFindings(findings);
    return findings;
  }

  /** `udp.<hostname>` / `tcp.<hostname>` must be DNS names too (a hostname of 250 characters is, these are not). */
  private derivedHostnameFindings(findings: Finding[]): void {
    const o = this.options;
    if (!this.perProtocol || o.hostname === undefined || hostnameProblem(o.hostname) !== undefined) return;
    for (const [label, explicit, host] of [['UDP', o.udpHostname, this.udpHostname], ['TCP', o.tcpHostname, this.tcpHostname]] as const) {
      if (explicit !== undefined || host === undefined) continue;
      const problem = hostnameProblem(host);
      if (problem === undefined) continue;
      findings.push(findingOf(RULES.UDP401, {
        field: 'dns.hostname',
        value: o.hostname,
        message: `makes the ${label} Service's hostname ${host}, which ${problem}`,
        allowed: `a shorter hostname, or an explicit dns.${label.toLowerCase()}Hostname`,
      }));
    }
  }

  /** Each record needs a host: on a split endpoint on two addresses, a per-protocol one. */
  private missingHostFindings(findings: Finding[]): void {
    const o = this.options;
    const missing = [['udp', this.udpHostname], ['tcp', this.tcpHostname]].filter(([, host]) => host === undefined).map(([p]) => p);
    if (missing.length === 0) return;
    const records = missing.map((p) => `_${srvServiceLabel(String(o.service))}._${p}`).join(' and ');
    findings.push(findingOf(RULES.UDP406, {
      field: 'dns.hostname',
      value: undefined,
      message: this.perProtocol
        ? `is needed: the endpoint is split into two Services on two addresses (${this.endpoint.reason}), so ${records} `
          + `must point at a hostname of ${missing.length === 2 ? 'each' : 'its'} protocol's Service, and there is none`
        : `is needed: ${records} must point at the endpoint's hostname, and there is none`,
      allowed: this.perProtocol
        ? 'dns.hostname (the Services publish tcp.<hostname> and udp.<hostname>), or dns.tcpHostname and dns.udpHostname'
        : 'dns.hostname, or dns.tcpHostname and dns.udpHostname',
    }));
  }

  /** The records name one of the endpoint's ports. */
  private portFindings(findings: Finding[]): void {
    if (this.port !== undefined) return;
    const ports = this.endpoint.ports.map((p) => p.port);
    if (this.options.port !== undefined) {
      findings.push(findingOf(RULES.UDP410, {
        field: 'dns.port',
        value: this.options.port,
        message: ports.length > 0 ? 'is not a port of the endpoint' : 'is not a port of the endpoint, which has none',
        allowed: ports.length > 0 ? `one of the endpoint's ports: ${ports.join(', ')}` : 'a port added with ports or addPort()',
      }));
    } else {
      findings.push(findingOf(RULES.UDP410, {
        field: 'ports',
        value: [],
        message: 'is empty: the SRV records of dns need a port to name',
        allowed: 'a port added with ports or addPort()',
      }));
    }
  }
}

/**
 * The findings of a split endpoint's `hostname` (UDP409): one name cannot point at two Services on two addresses.
 *
 * @param endpoint the endpoint
 * @param hostname the endpoint's `hostname` prop
 */
export function splitHostnameFindings(endpoint: DualProtocolServices, hostname: string | string[] | undefined): Finding[] {
  if (hostname === undefined || !endpoint.split || endpoint.sharedAddress !== undefined) return [];
  if (Array.isArray(hostname) && hostname.length === 0) return [];
  return [findingOf(RULES.UDP409, {
    field: 'hostname',
    value: hostname,
    message: `would be published by both Services of a split endpoint, which get two addresses (${endpoint.reason}): `
      + 'one name cannot point at both',
    allowed: 'dns: { service, hostname }, which publishes tcp.<hostname> and udp.<hostname> and SRV records for each, '
      + 'or a provider that shares one address',
  })];
}
