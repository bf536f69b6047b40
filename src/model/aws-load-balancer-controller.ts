/**
 * The AWS Load Balancer Controller's facts, shared by the cdk8s `NlbUdpLoadBalancer` (which writes its annotations)
 * and the rules (which read them): the annotation keys, the class that selects it, its health-check defaults, and how
 * it parses list and map annotations. Keys checked against the controller's `pkg/annotations/constants.go` and
 * `docs/guide/service/annotations.md`.
 */
import { HealthCheckTimingDefaults } from './health-check';

const PREFIX = 'service.beta.kubernetes.io/';

/**
 * The Service annotations of the AWS Load Balancer Controller (and the subset the in-tree provider reads) that the
 * NLB rules look at. Keys checked against the controller's `pkg/annotations/constants.go` and
 * `docs/guide/service/annotations.md`.
 */
export const AwsNlbAnnotations = {
  /** `external` (the controller), `nlb-ip` (the controller, deprecated) or `nlb` (the legacy in-tree provider). */
  TYPE: `${PREFIX}aws-load-balancer-type`,
  /** `ip` or `instance` (the controller only). */
  TARGET_TYPE: `${PREFIX}aws-load-balancer-nlb-target-type`,
  /** `internal` (the controller's default) or `internet-facing` (the controller only). */
  SCHEME: `${PREFIX}aws-load-balancer-scheme`,
  /** `"true"` for an internal load balancer: the in-tree provider's switch, deprecated in the controller. */
  INTERNAL: `${PREFIX}aws-load-balancer-internal`,
  /** Subnet ids or names, comma-separated. */
  SUBNETS: `${PREFIX}aws-load-balancer-subnets`,
  /** Elastic IP allocation ids, comma-separated, one per subnet (internet-facing only). */
  EIP_ALLOCATIONS: `${PREFIX}aws-load-balancer-eip-allocations`,
  /** `ipv4` or `dualstack` (the controller only). */
  IP_ADDRESS_TYPE: `${PREFIX}aws-load-balancer-ip-address-type`,
  /** `on` or `off`: an IPv6 prefix per subnet for source NAT, needed by UDP on a dualstack NLB (controller >= 2.10). */
  ENABLE_PREFIX_FOR_IPV6_SOURCE_NAT: `${PREFIX}aws-load-balancer-enable-prefix-for-ipv6-source-nat`,
  /** Load-balancer attributes `key=value,...`, for example `load_balancing.cross_zone.enabled=true` (controller only). */
  ATTRIBUTES: `${PREFIX}aws-load-balancer-attributes`,
  /** Cross-zone load balancing `"true"`/`"false"`: the in-tree switch, deprecated in the controller since 2.3. */
  CROSS_ZONE: `${PREFIX}aws-load-balancer-cross-zone-load-balancing-enabled`,
  /** Target-group attributes `key=value,...` (the controller only). */
  TARGET_GROUP_ATTRIBUTES: `${PREFIX}aws-load-balancer-target-group-attributes`,
  /** `"true"`: TCP and UDP on one port as one TCP_UDP listener (controller >= 2.13). */
  ENABLE_TCP_UDP_LISTENER: `${PREFIX}aws-load-balancer-enable-tcp-udp-listener`,
  /**
   * Service ports (numbers or names, comma-separated) whose UDP listener becomes QUIC, and whose TCP_UDP listener
   * becomes TCP_QUIC (controller >= 2.15); any other port listed makes the controller fail.
   */
  QUIC_ENABLED_PORTS: `${PREFIX}aws-load-balancer-quic-enabled-ports`,
  /** Security group ids or names for the NLB, comma-separated, instead of the controller's managed one. */
  SECURITY_GROUPS: `${PREFIX}aws-load-balancer-security-groups`,
  /** `"true"`: no security group on the NLB (controller >= 2.14; it creates one by default since 2.6). */
  DISABLE_NLB_SG: `${PREFIX}aws-load-balancer-disable-nlb-sg`,
  /** `tcp`, `http` or `https` (case-insensitive). */
  HEALTHCHECK_PROTOCOL: `${PREFIX}aws-load-balancer-healthcheck-protocol`,
  /** `traffic-port`, a port number, or the name of a port of the Service. */
  HEALTHCHECK_PORT: `${PREFIX}aws-load-balancer-healthcheck-port`,
  /** The HTTP(S) path. */
  HEALTHCHECK_PATH: `${PREFIX}aws-load-balancer-healthcheck-path`,
  /** Seconds between checks. */
  HEALTHCHECK_INTERVAL: `${PREFIX}aws-load-balancer-healthcheck-interval`,
  /** Seconds before a check fails. */
  HEALTHCHECK_TIMEOUT: `${PREFIX}aws-load-balancer-healthcheck-timeout`,
  /** Successes before healthy. */
  HEALTHCHECK_HEALTHY_THRESHOLD: `${PREFIX}aws-load-balancer-healthcheck-healthy-threshold`,
  /** Failures before unhealthy. */
  HEALTHCHECK_UNHEALTHY_THRESHOLD: `${PREFIX}aws-load-balancer-healthcheck-unhealthy-threshold`,
  /** HTTP codes that mean healthy (HTTP and HTTPS only). */
  HEALTHCHECK_SUCCESS_CODES: `${PREFIX}aws-load-balancer-healthcheck-success-codes`,
} as const;

/**
 * The pod-template annotation naming the containers (comma-separated) the controller injects a QUIC server id into,
 * as the environment variable `AWS_LBC_QUIC_SERVER_ID` (controller >= 2.15).
 */
export const QUIC_ENABLED_CONTAINERS_ANNOTATION = `${PREFIX}aws-load-balancer-quic-enabled-containers`;

/**
 * The namespace label (`elbv2.k8s.aws/quic-server-id-inject: enabled`) without which the controller's webhook injects
 * no QUIC server id into the namespace's pods.
 */
export const QUIC_SERVER_ID_INJECT_LABEL = { key: 'elbv2.k8s.aws/quic-server-id-inject', value: 'enabled' } as const;

/** The environment variable the controller injects the QUIC server id as (its default name). */
export const QUIC_SERVER_ID_ENV = 'AWS_LBC_QUIC_SERVER_ID';

/**
 * The controller releases that changed what this library emits or checks, up to 3.5.0 (August 2026):
 *
 * - 2.6: a managed security group on every NLB by default (feature gate NLBSecurityGroup), kept through 3.x;
 * - 2.10: `aws-load-balancer-enable-prefix-for-ipv6-source-nat` (UDP on a dualstack NLB);
 * - 2.13: TCP_UDP listeners for TCP and UDP on one port, still opt-in in 3.x
 *   (`aws-load-balancer-enable-tcp-udp-listener`, or the EnableTCPUDPListener feature gate, off by default);
 * - 2.14: `aws-load-balancer-disable-nlb-sg`, no security group for one Service;
 * - 2.15: QUIC and TCP_QUIC listeners (`aws-load-balancer-quic-enabled-ports`), server ids injected into pods.
 *
 * 3.0 to 3.5 changed none of the Service annotations this library writes. Facts that hold in every release and need no
 * version: NLB's UDP idle timeout is fixed at 120 s (only TCP's is configurable; this library sets none), and client IP
 * preservation cannot be turned off for UDP, TCP_UDP, QUIC and TCP_QUIC target groups (checked by UDP551 and UDP566).
 */
export const AWS_LBC_RELEASES = {
  /** TCP_UDP listeners. */
  tcpUdpListener: '2.13',
  /** `aws-load-balancer-disable-nlb-sg`. */
  disableNlbSecurityGroup: '2.14',
  /** QUIC and TCP_QUIC listeners and server-id injection. */
  quic: '2.15',
} as const;

/** `spec.loadBalancerClass` that selects the AWS Load Balancer Controller. */
export const AWS_LBC_LOAD_BALANCER_CLASS = 'service.k8s.aws/nlb';

/** Which implementation builds the NLB of a Service. */
export type NlbControllerId = 'aws-load-balancer-controller' | 'aws-in-tree';

/** A comma-separated annotation as the controller reads it: trimmed entries, empty ones dropped. */
export function parseStringList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A `key=value,...` annotation as the controller reads it; `undefined` entries are the ones without `=`. */
export function parseStringMap(value: string): { readonly entries: Record<string, string>; readonly malformed: string[] } {
  const entries: Record<string, string> = {};
  const malformed: string[] = [];
  for (const part of parseStringList(value)) {
    const at = part.indexOf('=');
    if (at < 0) malformed.push(part);
    else entries[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return { entries, malformed };
}

/** The controller's health-check defaults (`pkg/service/model_builder.go`), which differ from AWS's. */
const LBC_HEALTH_CHECK_DEFAULTS = {
  interval: 10,
  timeout: 10,
  /** Instance targets with externalTrafficPolicy Local: HTTP /healthz on healthCheckNodePort. */
  localInterval: 10,
  localTimeout: 6,
} as const;

/**
 * The interval and timeout the AWS Load Balancer Controller sends when the annotations give none
 * (`pkg/service/model_builder.go`; with the NLBHealthCheckAdvancedConfiguration feature gate, on by default, the
 * timeout is sent too) for a LoadBalancer Service: 10 and 10, or 10 and 6 for instance targets with
 * externalTrafficPolicy Local (kube-proxy's healthCheckNodePort). The linter's UDP563 and the cdk8s
 * `NlbUdpLoadBalancer` check the health check with these, not with AWS's defaults (30, and 6 or 10).
 *
 * @param targetType `ip` or `instance`
 * @param externalTrafficPolicy the Service's `Cluster` or `Local`
 */
export function controllerHealthCheckTiming(
  targetType: string | undefined,
  externalTrafficPolicy: string | undefined,
): Required<HealthCheckTimingDefaults> {
  const local = targetType === 'instance' && externalTrafficPolicy === 'Local';
  return {
    interval: local ? LBC_HEALTH_CHECK_DEFAULTS.localInterval : LBC_HEALTH_CHECK_DEFAULTS.interval,
    timeout: local ? LBC_HEALTH_CHECK_DEFAULTS.localTimeout : LBC_HEALTH_CHECK_DEFAULTS.timeout,
    whose: "the controller's",
  };
}
