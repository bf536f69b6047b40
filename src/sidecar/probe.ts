import { Duration } from 'cdk8s';
import { millisOf } from './millis';

/** How the sidecar decides that a UDP server is serving. */
export enum UdpProbeMode {
  /** A UDP socket is bound to the port in the pod's network namespace (`/proc/net/udp`, `/proc/net/udp6`). */
  BOUND = 'bound',
  /** A datagram sent to the port gets a reply within the timeout, optionally matching a pattern. */
  EXCHANGE = 'exchange',
  /** A DNS query sent to the port gets a DNS response with an accepted response code. */
  DNS = 'dns',
}

/** The query types busybox `nslookup -type=` accepts. */
export enum DnsQueryType {
  /** IPv4 address. */
  A = 'a',
  /** IPv6 address. */
  AAAA = 'aaaa',
  /** Canonical name. */
  CNAME = 'cname',
  /** Mail exchanger. */
  MX = 'mx',
  /** Name server. */
  NS = 'ns',
  /** Pointer (reverse lookup). */
  PTR = 'ptr',
  /** Start of authority. */
  SOA = 'soa',
  /** Service locator. */
  SRV = 'srv',
  /** Text. */
  TXT = 'txt',
}

/** DNS response codes (RFC 1035 section 4.1.1), as busybox nslookup prints them. */
export enum DnsResponseCode {
  /** No error: the name exists (with or without data of the asked type). */
  NOERROR = 'NOERROR',
  /** The server could not interpret the query. */
  FORMERR = 'FORMERR',
  /** The server failed to answer (for a resolver, often: its upstream is unreachable). */
  SERVFAIL = 'SERVFAIL',
  /** The name does not exist: an authoritative, working answer. */
  NXDOMAIN = 'NXDOMAIN',
  /** The server does not implement this kind of query. */
  NOTIMP = 'NOTIMP',
  /** The server refuses to answer (policy). */
  REFUSED = 'REFUSED',
}

/** Options of an `exchange` probe. */
export interface ExchangeProbeOptions {
  /**
   * The datagram to send: a string (sent as UTF-8) or raw bytes. 1 to 512 bytes.
   */
  readonly payload: string | Uint8Array;
  /**
   * An extended regular expression (busybox `grep -E`) that some line of the reply must match.
   *
   * @default - any reply of at least one byte passes
   */
  readonly expect?: string;
  /**
   * How long to wait for the reply: whole seconds, 1 to 30. The probe ends at the first reply datagram; a server
   * that does not answer costs the whole timeout, and a closed port fails at once (the kernel refuses it).
   *
   * @default Duration.seconds(1)
   */
  readonly timeout?: Duration;
  /**
   * The address to send to: an IPv4 or IPv6 address in the pod's network namespace.
   *
   * @default '127.0.0.1'
   */
  readonly host?: string;
}

/** Options of a `dns` probe. */
export interface DnsProbeOptions {
  /**
   * The name to query. Pick one the server answers itself (a zone it is authoritative for, or a local name), so that
   * the probe tests this server and not its upstream.
   *
   * @default 'localhost'
   */
  readonly name?: string;
  /**
   * The query type.
   *
   * @default DnsQueryType.A
   */
  readonly type?: DnsQueryType;
  /**
   * The response codes that count as serving. A response with another code (SERVFAIL, REFUSED) counts as a failure,
   * and so does no response.
   *
   * @default [DnsResponseCode.NOERROR, DnsResponseCode.NXDOMAIN]
   */
  readonly rcodes?: readonly DnsResponseCode[];
  /**
   * How long to wait for the response: whole seconds, 1 to 30. The query is sent twice within that time.
   *
   * @default Duration.seconds(2)
   */
  readonly timeout?: Duration;
  /**
   * The address of the DNS server: an IPv4 or IPv6 address in the pod's network namespace.
   *
   * @default '127.0.0.1'
   */
  readonly host?: string;
}

/**
 * One check of one UDP port of the pod, run by the health-check sidecar every probe period.
 *
 * - `UdpProbe.bound(port)`: the port is bound (for fire-and-forget protocols: StatsD, syslog, and protocols that drop
 *   unauthenticated packets, such as WireGuard);
 * - `UdpProbe.exchange(port, { payload, expect })`: a datagram gets a reply (echo, NTP, game servers, custom);
 * - `UdpProbe.dns(port, { name })`: a DNS query gets a DNS response (DNS servers).
 */
export class UdpProbe {
  /**
   * Passes while a UDP socket is bound to `port` in the pod's network namespace. It cannot tell a hung server from a
   * working one, but it is the only probe that fits protocols which never answer (StatsD, syslog) or answer only
   * authenticated peers (WireGuard).
   *
   * @param port the UDP port, 1..65535
   */
  public static bound(port: number): UdpProbe {
    return new UdpProbe(UdpProbeMode.BOUND, port, undefined, undefined);
  }

  /**
   * Passes when a datagram sent to `port` gets a reply within the timeout (and the reply matches `expect`, if given).
   *
   * @param port the UDP port, 1..65535
   * @param options what to send and expect
   */
  public static exchange(port: number, options: ExchangeProbeOptions): UdpProbe {
    // Untyped input never throws here: what is wrong is reported at synth (no options or no payload: no bytes, UDP605).
    const o: Partial<ExchangeProbeOptions> = options ?? {};
    const payload = typeof o.payload === 'string' ? Buffer.from(o.payload, 'utf8') : o.payload;
    return new UdpProbe(UdpProbeMode.EXCHANGE, port, o.host ?? '127.0.0.1', o.timeout ?? Duration.seconds(1), {
      payload: payload == null ? new Uint8Array(0) : Uint8Array.from(payload),
      expect: o.expect ?? undefined,
    });
  }

  /**
   * Passes when a DNS query sent to `port` gets a DNS response whose response code is accepted.
   *
   * @param port the UDP port of the DNS server, usually 53 (1..65535)
   * @param options what to query and accept
   */
  public static dns(port: number, options: DnsProbeOptions = {}): UdpProbe {
    const o: DnsProbeOptions = options ?? {};
    const rcodes = o.rcodes ?? [DnsResponseCode.NOERROR, DnsResponseCode.NXDOMAIN];
    return new UdpProbe(UdpProbeMode.DNS, port, o.host ?? '127.0.0.1', o.timeout ?? Duration.seconds(2), {
      name: o.name ?? 'localhost',
      type: o.type ?? DnsQueryType.A,
      // a copy of the list; anything else is kept as given, for UDP608 to report at synth
      rcodes: Array.isArray(rcodes) ? [...rcodes] : rcodes as DnsResponseCode[],
    });
  }

  /** The datagram an `exchange` probe sends; empty for the other modes. */
  public readonly payload: Uint8Array;
  /** The pattern an `exchange` probe's reply must match, if any. */
  public readonly expect?: string;
  /** The name a `dns` probe queries. */
  public readonly name?: string;
  /** The query type of a `dns` probe. */
  public readonly type?: DnsQueryType;
  /** The response codes a `dns` probe accepts. */
  public readonly rcodes: readonly DnsResponseCode[];

  private constructor(
    /** How this probe decides. */
    public readonly mode: UdpProbeMode,
    /** The probed UDP port. */
    public readonly port: number,
    /** The address probed (`exchange`, `dns`); `undefined` for `bound`, which reads the pod's socket table. */
    public readonly host: string | undefined,
    /** How long the probe waits for an answer (`exchange`, `dns`). */
    public readonly timeout: Duration | undefined,
    extra: { payload?: Uint8Array; expect?: string; name?: string; type?: DnsQueryType; rcodes?: DnsResponseCode[] } = {},
  ) {
    this.payload = extra.payload ?? new Uint8Array(0);
    this.expect = extra.expect;
    this.name = extra.name;
    this.type = extra.type;
    this.rcodes = extra.rcodes ?? [];
  }

  /**
   * The line that describes this probe to the sidecar script (one line of `UDP_HEALTH_PROBES`):
   * `bound PORT`, `exchange HOST PORT TIMEOUT PAYLOAD EXPECT` or `dns HOST PORT TIMEOUT NAME TYPE RCODES`,
   * where PAYLOAD and EXPECT are printf-escaped (see `printfEscape`) and EXPECT is `-` when any reply passes.
   */
  public toScriptLine(): string {
    // (invalid values, reported at synth, must not throw here: the construct builds the line before synth)
    const seconds = this.timeout ? Math.round(millisOf(this.timeout) / 1000) : 0;
    switch (this.mode) {
      case UdpProbeMode.BOUND:
        return `bound ${this.port}`;
      case UdpProbeMode.EXCHANGE:
        return `exchange ${this.host} ${this.port} ${seconds} ${printfEscape(this.payload)} `
          + (this.expect === undefined ? '-' : printfEscape(Buffer.from(String(this.expect), 'utf8')));
      case UdpProbeMode.DNS:
        return `dns ${this.host} ${this.port} ${seconds} ${this.name} ${this.type} ${[this.rcodes].flat().join(',')}`;
    }
  }

  /** How long one run of this probe can take at most, in seconds (the sidecar runs probes one after another). */
  public worstCaseSeconds(): number {
    if (!this.timeout) return 1;
    // The timeout, plus a second for the programs around it (exchange: netcat is ended by `timeout` after it).
    return Math.ceil(millisOf(this.timeout) / 1000) + 1;
  }

  /** A short description for messages, for example `exchange udp/9999`. */
  public toString(): string {
    return `${this.mode} udp/${this.port}`;
  }
}

/**
 * Escapes bytes for a printf format string: letters and digits stay, every other byte becomes a three-digit octal
 * escape (`\ooo`). The result contains no space, quote, backslash sequence or `%` conversion that the shell or printf
 * could misread, and `printf "$escaped"` writes back the exact bytes (NUL included).
 */
export function printfEscape(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) {
    const isAlnum = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
    out += isAlnum ? String.fromCharCode(byte) : '\\' + byte.toString(8).padStart(3, '0');
  }
  return out;
}
