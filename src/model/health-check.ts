import { isFieldObject, isWholeNumberIn } from './shape';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';

/**
 * The protocols AWS can health-check a Network Load Balancer target with. There is no UDP health check: a UDP
 * target group is checked over TCP, HTTP or HTTPS.
 */
export enum HealthCheckProtocol {
  /** A TCP connection to the health-check port. */
  TCP = 'TCP',
  /** An HTTP GET of `path`, expecting one of `successCodes`. */
  HTTP = 'HTTP',
  /** An HTTPS GET of `path` (the certificate is not verified), expecting one of `successCodes`. */
  HTTPS = 'HTTPS',
}

/** The health-check port value that means "the port each target receives traffic on". */
export const TRAFFIC_PORT = 'traffic-port';

/**
 * How a Network Load Balancer checks its targets. The same names, ranges and errors in the cdk8s
 * `NlbUdpLoadBalancer` (which emits `aws-load-balancer-healthcheck-*` annotations; it converts its cdk8s `Duration`s
 * to seconds) and in the Pulumi `NlbUdpLoadBalancer` (which sets `TargetGroup.healthCheck`).
 *
 * Every field is optional; {@link resolveHealthCheck} fills in the AWS defaults.
 */
export interface HealthCheck {
  /**
   * The protocol of the check: TCP, HTTP or HTTPS. UDP is not possible: AWS cannot health-check over UDP.
   * @default HealthCheckProtocol.TCP
   */
  readonly protocol?: HealthCheckProtocol | 'TCP' | 'HTTP' | 'HTTPS';
  /**
   * The port to check: a port number 1..65535 or `'traffic-port'` (the port the target receives traffic on).
   *
   * A UDP-only target never answers TCP on its traffic port: give the port of a TCP or HTTP health endpoint (the
   * health-check sidecar, or kube-proxy's `healthCheckNodePort` with `externalTrafficPolicy: Local`).
   * @default 'traffic-port'
   */
  readonly port?: number | 'traffic-port';
  /**
   * The HTTP(S) path to request. Only for HTTP and HTTPS; must start with `/`; at most 1024 characters.
   * @default '/' for HTTP and HTTPS; none for TCP
   */
  readonly path?: string;
  /**
   * Seconds between two checks of one target: a whole number 5..300, at least `timeout` (equal is accepted).
   * @default 30
   */
  readonly interval?: number;
  /**
   * Seconds without a response after which a check fails: a whole number 2..120, at most `interval` (AWS refuses a
   * timeout above the interval).
   * @default 10 for TCP and HTTPS, 6 for HTTP
   */
  readonly timeout?: number;
  /**
   * Consecutive successes before an unhealthy target is healthy: 2..10.
   * @default 5
   */
  readonly healthyThreshold?: number;
  /**
   * Consecutive failures before a healthy target is unhealthy: 2..10.
   * @default 2
   */
  readonly unhealthyThreshold?: number;
  /**
   * The HTTP codes that mean healthy, for HTTP and HTTPS only: codes 200..599, comma-separated (`"200,204"`) or a
   * range (`"200-399"`).
   * @default '200-399' for HTTP and HTTPS; none for TCP
   */
  readonly successCodes?: string;
}

/** A {@link HealthCheck} with every default filled in: what the load balancer will really do. */
export interface ResolvedHealthCheck {
  /** The protocol of the check. */
  readonly protocol: HealthCheckProtocol;
  /** A port number, or `'traffic-port'`. */
  readonly port: number | 'traffic-port';
  /** The path, for HTTP and HTTPS only. */
  readonly path?: string;
  /** Seconds between checks. */
  readonly interval: number;
  /** Seconds before a check fails. */
  readonly timeout: number;
  /** Successes before healthy. */
  readonly healthyThreshold: number;
  /** Failures before unhealthy. */
  readonly unhealthyThreshold: number;
  /** Success codes, for HTTP and HTTPS only. */
  readonly successCodes?: string;
}

/** The ranges AWS accepts for a Network Load Balancer health check (CreateTargetGroup). */
export const HEALTH_CHECK_LIMITS = {
  /** `interval`, in seconds. */
  interval: { min: 5, max: 300 },
  /** `timeout`, in seconds. */
  timeout: { min: 2, max: 120 },
  /** `healthyThreshold` and `unhealthyThreshold`. */
  threshold: { min: 2, max: 10 },
  /** The longest `path`. */
  pathLength: 1024,
  /** The HTTP codes an NLB accepts in `successCodes`. */
  successCode: { min: 200, max: 599 },
} as const;

/** AWS's defaults for a Network Load Balancer target group of protocol TCP, UDP or TCP_UDP (CreateTargetGroup). */
export const HEALTH_CHECK_DEFAULTS = {
  /** The default protocol of an NLB health check. */
  protocol: HealthCheckProtocol.TCP,
  /** The default port: the traffic port. */
  port: TRAFFIC_PORT,
  /** The default interval in seconds. */
  interval: 30,
  /** The default timeout in seconds for HTTP checks. */
  httpTimeout: 6,
  /** The default timeout in seconds for TCP and HTTPS checks. */
  timeout: 10,
  /** The default healthy threshold. */
  healthyThreshold: 5,
  /** The default unhealthy threshold. */
  unhealthyThreshold: 2,
  /** The default path of HTTP and HTTPS checks. */
  path: '/',
  /** The default success codes of HTTP and HTTPS checks on an NLB. */
  successCodes: '200-399',
} as const;

const HC_PROTOCOLS: readonly string[] = [HealthCheckProtocol.TCP, HealthCheckProtocol.HTTP, HealthCheckProtocol.HTTPS];
const HTTP_PROTOCOLS: readonly string[] = [HealthCheckProtocol.HTTP, HealthCheckProtocol.HTTPS];

/**
 * The health check with AWS's defaults filled in (a protocol outside TCP/HTTP/HTTPS is kept as given, so that
 * {@link checkHealthCheck} can report it). `null`, like `undefined`, is no health check given: every default.
 */
export function resolveHealthCheck(given?: HealthCheck | null): ResolvedHealthCheck {
  // (a health check that is no object, which checkHealthCheck reports, has no field of its own)
  const healthCheck: HealthCheck = isFieldObject(given) ? given : {};
  const protocol = (healthCheck.protocol ?? HEALTH_CHECK_DEFAULTS.protocol) as HealthCheckProtocol;
  const http = HTTP_PROTOCOLS.includes(protocol);
  return {
    protocol,
    port: healthCheck.port ?? TRAFFIC_PORT,
    path: healthCheck.path ?? (http ? HEALTH_CHECK_DEFAULTS.path : undefined),
    interval: healthCheck.interval ?? HEALTH_CHECK_DEFAULTS.interval,
    timeout: healthCheck.timeout ??
      (protocol === HealthCheckProtocol.HTTP ? HEALTH_CHECK_DEFAULTS.httpTimeout : HEALTH_CHECK_DEFAULTS.timeout),
    healthyThreshold: healthCheck.healthyThreshold ?? HEALTH_CHECK_DEFAULTS.healthyThreshold,
    unhealthyThreshold: healthCheck.unhealthyThreshold ?? HEALTH_CHECK_DEFAULTS.unhealthyThreshold,
    successCodes: healthCheck.successCodes ?? (http ? HEALTH_CHECK_DEFAULTS.successCodes : undefined),
  };
}

/** Whether `codes` is a valid NLB matcher: `200`, `200,204`, or `200-399`, every code in 200..599. */
function successCodesProblem(codes: unknown): string | undefined {
  if (typeof codes !== 'string' || codes.trim() === '') return 'must be a non-empty string';
  const { min, max } = HEALTH_CHECK_LIMITS.successCode;
  const inRange = (text: string) => /^\d{3}$/.test(text) && Number(text) >= min && Number(text) <= max;
  const range = /^(\d+)-(\d+)$/.exec(codes);
  if (range) {
    if (!inRange(range[1]) || !inRange(range[2])) return `must be HTTP codes between ${min} and ${max}`;
    if (Number(range[1]) > Number(range[2])) return 'must be a range from a lower to a higher code';
    return undefined;
  }
  for (const code of codes.split(',')) {
    if (!inRange(code)) return `must be HTTP codes between ${min} and ${max}, comma-separated, or one range`;
  }
  return undefined;
}

/**
 * The interval and timeout a health check gets when it leaves them unset, when AWS is not the one filling them in:
 * the AWS Load Balancer Controller sends its own defaults (10 and 10) rather than leaving AWS's (30, and 6 or 10).
 */
export interface HealthCheckTimingDefaults {
  /**
   * The interval in seconds.
   * @default - AWS's, 30
   */
  readonly interval?: number;
  /**
   * The timeout in seconds.
   * @default - AWS's: 6 for HTTP, 10 for TCP and HTTPS
   */
  readonly timeout?: number;
  /**
   * Whose defaults they are, as messages name them: `the controller's` gives "(the controller's default timeout)".
   * @default 'the'
   */
  readonly whose?: string;
}

/**
 * UDP507, the one check of the interval against the timeout: AWS refuses a Network Load Balancer health check whose
 * timeout is above its interval, and accepts a timeout equal to it (aws-cdk #16446; the AWS Load Balancer
 * Controller's own defaults are 10 and 10). Omitted values take `defaults`, else AWS's. Nothing is reported while
 * either value is outside its range: UDP504 and UDP505 say that.
 *
 * The constructs and the Pulumi component reach it through {@link checkHealthCheck}, and so does the linter's UDP563.
 *
 * @param healthCheck the health check as given
 * @param field the prop path for findings, for example `healthCheck`
 * @param defaults the interval and timeout used when omitted, when they are not AWS's
 */
export function checkHealthCheckTiming(
  healthCheck: HealthCheck | null | undefined,
  field = 'healthCheck',
  defaults: HealthCheckTimingDefaults = {},
): Finding[] {
  // (a health check that is no object is reported by checkHealthCheck, UDP501)
  if (healthCheck !== undefined && healthCheck !== null && !isFieldObject(healthCheck)) return [];
  const hc = (healthCheck ?? {}) as Record<string, unknown>;
  const resolved = resolveHealthCheck(healthCheck);
  const interval = hc.interval ?? defaults.interval ?? resolved.interval;
  const timeout = hc.timeout ?? defaults.timeout ?? resolved.timeout;
  const limits = HEALTH_CHECK_LIMITS;
  if (!isWholeNumberIn(interval, limits.interval.min, limits.interval.max)) return [];
  if (!isWholeNumberIn(timeout, limits.timeout.min, limits.timeout.max)) return [];
  if (timeout <= interval) return [];
  const whose = defaults.whose ?? 'the';
  if (hc.interval === undefined && hc.timeout !== undefined) {
    return [findingOf(RULES.UDP507, {
      field: `${field}.timeout`,
      value: timeout,
      message: `must be at most the interval, ${interval} seconds (${whose} default interval)`,
      allowed: `a timeout of at most ${interval} seconds, or an interval of at least ${timeout}`,
    })];
  }
  const defaulted = hc.timeout === undefined ? ` (${whose} default timeout)` : '';
  return [findingOf(RULES.UDP507, {
    field: `${field}.interval`,
    value: interval,
    message: `must be at least the timeout, ${timeout} seconds${defaulted}`,
    allowed: `an interval of at least ${timeout} seconds, or a timeout of at most ${interval}`,
  })];
}

/**
 * Checks a health check against what AWS accepts for a Network Load Balancer target group.
 *
 * Works on untyped input too (JavaScript callers, parsed annotations): a protocol of `UDP` or `TCP_UDP`, a port of
 * `"8080"` or a fractional interval are all reported. `null`, like `undefined`, is no health check given (every AWS
 * default); a health check that is no object (`5`, `'TCP'`, a list) is reported (UDP501), never read as empty.
 *
 * @param healthCheck the health check as given (omitted fields take the AWS defaults)
 * @param field the prop path for findings, for example `healthCheck`
 * @param defaults the interval and timeout that whoever creates the target group sends when they are omitted, when
 * that is not AWS (the AWS Load Balancer Controller sends its own)
 * @returns the findings; an empty array when AWS would accept it
 */
export function checkHealthCheck(
  healthCheck: HealthCheck | null | undefined,
  field = 'healthCheck',
  defaults: HealthCheckTimingDefaults = {},
): Finding[] {
  if (healthCheck === undefined || healthCheck === null) return [];
  if (!isFieldObject(healthCheck)) {
    return [findingOf(RULES.UDP501, {
      field,
      value: healthCheck,
      message: 'is not a health check',
      allowed: "a health check such as { protocol: 'HTTP', port: 30080, path: '/healthz' }, or none for AWS's defaults",
    })];
  }
  const findings: Finding[] = [];
  const hc = healthCheck as Record<string, unknown>;

  const protocol = hc.protocol ?? HEALTH_CHECK_DEFAULTS.protocol;
  const protocolKnown = typeof protocol === 'string' && HC_PROTOCOLS.includes(protocol);
  if (!protocolKnown) {
    const udp = protocol === 'UDP' || protocol === 'TCP_UDP';
    findings.push(findingOf(RULES.UDP501, {
      field: `${field}.protocol`,
      value: hc.protocol,
      message: udp ? 'is not possible: AWS cannot health-check over UDP' : 'is not a health-check protocol',
      allowed: 'TCP, HTTP or HTTPS',
      hint: udp ? 'check a TCP or HTTP health port (a health sidecar, or healthCheckNodePort with Local)' : undefined,
    }));
  }
  const http = typeof protocol === 'string' && HTTP_PROTOCOLS.includes(protocol);

  if (hc.port !== undefined && hc.port !== TRAFFIC_PORT && !isWholeNumberIn(hc.port, 1, 65535)) {
    findings.push(findingOf(RULES.UDP502, {
      field: `${field}.port`,
      value: hc.port,
      message: "must be a port number between 1 and 65535 or 'traffic-port'",
      allowed: "1..65535 or 'traffic-port'",
    }));
  }

  if (hc.path !== undefined) {
    if (protocolKnown && !http) {
      findings.push(findingOf(RULES.UDP503, {
        field: `${field}.path`,
        value: hc.path,
        message: `is not supported by ${String(protocol)} health checks`,
        allowed: 'a path only with protocol HTTP or HTTPS',
      }));
    } else if (typeof hc.path !== 'string' || !hc.path.startsWith('/') || hc.path.length > HEALTH_CHECK_LIMITS.pathLength) {
      findings.push(findingOf(RULES.UDP503, {
        field: `${field}.path`,
        value: hc.path,
        message: `must start with '/' and be at most ${HEALTH_CHECK_LIMITS.pathLength} characters`,
        allowed: 'for example /healthz',
      }));
    }
  }

  const { interval, timeout, threshold } = HEALTH_CHECK_LIMITS;
  if (hc.interval !== undefined && !isWholeNumberIn(hc.interval, interval.min, interval.max)) {
    findings.push(findingOf(RULES.UDP504, {
      field: `${field}.interval`,
      value: hc.interval,
      message: `must be a whole number of seconds between ${interval.min} and ${interval.max}`,
      allowed: `${interval.min}..${interval.max} seconds`,
    }));
  }
  if (hc.timeout !== undefined && !isWholeNumberIn(hc.timeout, timeout.min, timeout.max)) {
    findings.push(findingOf(RULES.UDP505, {
      field: `${field}.timeout`,
      value: hc.timeout,
      message: `must be a whole number of seconds between ${timeout.min} and ${timeout.max}`,
      allowed: `${timeout.min}..${timeout.max} seconds`,
    }));
  }
  for (const name of ['healthyThreshold', 'unhealthyThreshold']) {
    if (hc[name] !== undefined && !isWholeNumberIn(hc[name], threshold.min, threshold.max)) {
      findings.push(findingOf(RULES.UDP506, {
        field: `${field}.${name}`,
        value: hc[name],
        message: `must be a whole number between ${threshold.min} and ${threshold.max}`,
        allowed: `${threshold.min}..${threshold.max}`,
      }));
    }
  }

  findings.push(...checkHealthCheckTiming(healthCheck, field, defaults));

  if (hc.successCodes !== undefined) {
    if (protocolKnown && !http) {
      findings.push(findingOf(RULES.UDP508, {
        field: `${field}.successCodes`,
        value: hc.successCodes,
        message: `is not supported by ${String(protocol)} health checks`,
        allowed: 'success codes only with protocol HTTP or HTTPS',
      }));
    } else {
      const problem = successCodesProblem(hc.successCodes);
      if (problem) {
        findings.push(findingOf(RULES.UDP508, {
          field: `${field}.successCodes`,
          value: hc.successCodes,
          message: problem,
          allowed: 'for example "200", "200,204" or "200-399"',
        }));
      }
    }
  }
  return findings;
}

/**
 * Warns when a TCP health check targets the traffic port of a target that only serves UDP: the check can never
 * succeed. A TCP_UDP target (TCP and UDP on the same port) answers TCP, so it is fine.
 *
 * @param healthCheck the health check as given
 * @param trafficProtocol the protocol of the target group the check belongs to: `UDP`, `TCP` or `TCP_UDP`
 * @param field the prop path for findings, for example `healthCheck`
 */
export function checkHealthCheckForTraffic(
  healthCheck: HealthCheck | null | undefined,
  trafficProtocol: string,
  field = 'healthCheck',
): Finding[] {
  // (a health check that is no object is an error, UDP501, reported by checkHealthCheck: nothing to warn about)
  if (healthCheck !== undefined && healthCheck !== null && !isFieldObject(healthCheck)) return [];
  const resolved = resolveHealthCheck(healthCheck);
  if (trafficProtocol !== 'UDP' || resolved.port !== TRAFFIC_PORT) return [];
  return [findingOf(RULES.UDP509, {
    field: `${field}.port`,
    value: healthCheck?.port,
    message: `checks the traffic port of a UDP target over ${resolved.protocol}, which never answers`,
    allowed: 'the port of a TCP or HTTP health endpoint',
    hint: 'set healthCheck.port to a health NodePort or sidecar port',
  })];
}
