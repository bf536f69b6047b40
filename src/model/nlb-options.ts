import type { Duration } from 'cdk8s';
import type { SrvProtocol } from './dns';
import type { HealthCheckProtocol } from './health-check';
import type { NlbProtocol, NlbTargetType } from './nlb-listeners';
import type { LoadBalancerScheme } from './placement';
import type { TargetGroupAttributes } from './target-group-attributes';

/**
 * The options of a Network Load Balancer that mean the same thing in the cdk8s `NlbUdpLoadBalancer` (which the AWS
 * Load Balancer Controller builds from Service annotations) and in the Pulumi `NlbUdpLoadBalancer` (which creates the
 * AWS resources itself): one name, one type, one unit and one default each, declared here once and extended by both.
 *
 * The naming rule: a prop that sets a field of a Kubernetes object keeps the field's name
 * (`loadBalancerSourceRanges`, `externalTrafficPolicy`); every other prop is named after the AWS concept, in
 * camelCase, without a unit in its name (`subnets`, `eips`, `crossZone`); durations are `Duration`s.
 */
export interface NlbOptions {
  /**
   * The ports clients connect to. Each becomes a listener and a target group.
   */
  readonly ports: readonly NlbPortOptions[];
  /**
   * `internal` (reachable from the VPC and what is peered with it) or `internet-facing`. Changing it replaces the load
   * balancer.
   * @default LoadBalancerScheme.INTERNAL
   */
  readonly scheme?: LoadBalancerScheme | 'internal' | 'internet-facing';
  /**
   * The subnets, one per Availability Zone, as subnet ids (`subnet-...`).
   * @default - cdk8s: the controller discovers them by their tags; Pulumi: required
   */
  readonly subnets?: readonly string[];
  /**
   * Elastic IP allocation ids (`eipalloc-...`), internet-facing only, exactly one per subnet, paired with `subnets` by
   * position, so that the load balancer keeps its addresses when it is replaced.
   * @default - no Elastic IPs: AWS assigns addresses that change when the load balancer is replaced
   */
  readonly eips?: readonly string[];
  /**
   * Cross-zone load balancing. Off, an Availability Zone without a healthy target stops answering on its address.
   * @default true
   */
  readonly crossZone?: boolean;
  /**
   * IPv4 only, or IPv4 and IPv6.
   * @default NlbIpAddressType.IPV4
   */
  readonly ipAddressType?: NlbIpAddressType | 'ipv4' | 'dualstack';
  /**
   * An IPv6 prefix per subnet for source NAT, which UDP on a dualstack load balancer requires.
   * @default - on for a dualstack load balancer with a UDP or TCP_UDP port, unset otherwise
   */
  readonly ipv6SourceNatPrefix?: boolean;
  /**
   * The security groups of the load balancer: ids (`sg-...`; on the cdk8s side names too), or `[]` for none. AWS
   * associates security groups only when it creates the load balancer: changing between none and some later replaces
   * it (Pulumi) or is refused by the controller (cdk8s: "conflicting security groups configuration"). A load balancer
   * with security groups cannot carry a QUIC or TCP_QUIC port.
   * @default - cdk8s: the controller's own managed security group (controller 2.6 or later), none when a port is QUIC or
   * TCP_QUIC; Pulumi: none
   */
  readonly securityGroups?: readonly string[];
  /**
   * Deletion protection of the load balancer.
   * @default false
   */
  readonly deletionProtection?: boolean;
  /**
   * How targets are registered: by IP address (pods with the VPC CNI) or by instance (through the nodes' NodePorts).
   * @default NlbTargetType.IP, except where only instances can be targets: the in-tree provider (cdk8s), instance ids
   * or Auto Scaling groups as targets (Pulumi)
   */
  readonly targetType?: NlbTargetType | 'ip' | 'instance';
  /**
   * How the load balancer checks its targets: TCP, HTTP or HTTPS, never UDP.
   * @default - see `NlbHealthCheck`
   */
  readonly healthCheck?: NlbHealthCheck;
  /**
   * Target-group attributes: deregistration delay, connection termination, source-IP stickiness, client IP
   * preservation.
   * @default - AWS's defaults
   */
  readonly targetGroupAttributes?: TargetGroupAttributes;
  /**
   * DNS records for the load balancer: its hostname and SRV records.
   * @default - no records
   */
  readonly dns?: NlbDnsOptions;
}

/** The protocols one port of a Network Load Balancer carries. */
export interface NlbPortOptions {
  /** The port clients connect to: 1..65535. */
  readonly port: number;
  /**
   * `UDP`, `TCP`, or `TCP_UDP` for TCP and UDP on the same port (one listener and one target group); `QUIC`, or
   * `TCP_QUIC` for TCP and QUIC on the same port (one QUIC port per load balancer, none beside UDP or TCP_UDP ports).
   * @default NlbProtocol.UDP
   */
  readonly protocol?: NlbProtocol | 'UDP' | 'TCP' | 'TCP_UDP' | 'QUIC' | 'TCP_QUIC';
  /**
   * The port the targets receive the traffic on: the pods' port with ip targets, the NodePort with instance targets.
   * @default - the port
   */
  readonly targetPort?: number;
}

/** The IP address types of a Network Load Balancer. */
export enum NlbIpAddressType {
  /** IPv4 only. */
  IPV4 = 'ipv4',
  /** IPv4 and IPv6. UDP on a dualstack load balancer needs an IPv6 prefix for source NAT. */
  DUALSTACK = 'dualstack',
}

/**
 * How a Network Load Balancer checks its targets. Every field is optional; the defaults are the same on both sides
 * (the values the AWS Load Balancer Controller sends, which the Pulumi component sends too).
 */
export interface NlbHealthCheck {
  /**
   * TCP, HTTP or HTTPS. AWS cannot health-check over UDP.
   * @default - cdk8s: HTTP on the health-check sidecar (ip targets) or on kube-proxy's healthCheckNodePort (instance
   * targets with Local), TCP otherwise; Pulumi: TCP
   */
  readonly protocol?: HealthCheckProtocol | 'TCP' | 'HTTP' | 'HTTPS';
  /**
   * A port number, or `'traffic-port'` (the port each target receives traffic on). A UDP-only target never answers
   * TCP on its traffic port: give a health endpoint's port.
   * @default - cdk8s: the sidecar's HTTP port (ip targets), kube-proxy's healthCheckNodePort (instance targets with
   * Local), the traffic port otherwise; Pulumi: the traffic port
   */
  readonly port?: number | 'traffic-port';
  /**
   * The HTTP(S) path: starts with `/`, at most 1024 characters; HTTP and HTTPS only.
   * @default '/healthz' on the sidecar and kube-proxy, '/' otherwise
   */
  readonly path?: string;
  /**
   * Time between two checks of one target: whole seconds 5..300, at least `timeout`.
   * @default Duration.seconds(10)
   */
  readonly interval?: Duration;
  /**
   * Time without an answer after which a check fails: whole seconds 2..120, at most `interval`.
   * @default Duration.seconds(10) (6 seconds for kube-proxy's healthCheckNodePort, as the controller sends)
   */
  readonly timeout?: Duration;
  /**
   * Consecutive successes before an unhealthy target is healthy: 2..10.
   * @default 5 (AWS's)
   */
  readonly healthyThreshold?: number;
  /**
   * Consecutive failures before a healthy target is unhealthy: 2..10.
   * @default 2 (AWS's)
   */
  readonly unhealthyThreshold?: number;
  /**
   * The HTTP codes that mean healthy: `"200"`, `"200,204"` or `"200-399"`, codes 200..599; HTTP and HTTPS only.
   * @default '200-399' (AWS's)
   */
  readonly successCodes?: string;
}

/** DNS records for a Network Load Balancer. */
export interface NlbDnsOptions {
  /**
   * The load balancer's hostname (cdk8s: ExternalDNS publishes it; Pulumi: an A alias record, and AAAA when dualstack),
   * and the default host and domain of the SRV records. A DNS name; a trailing dot is allowed.
   * @default - cdk8s: no hostname record; Pulumi: required
   */
  readonly hostname?: string;
  /**
   * The time to live of the records this library writes: whole seconds 1..2147483647. Alias records take the load
   * balancer's own.
   * @default Duration.seconds(300)
   */
  readonly ttl?: Duration;
  /**
   * SRV record sets; entries with the same service and protocol become one record set with several targets.
   * @default - none
   */
  readonly srv?: readonly NlbSrvOptions[];
}

/** One SRV record, `_service._proto.domain`, pointing at the load balancer's hostname. */
export interface NlbSrvOptions {
  /** The registered service name, with or without its underscore: `kerberos`, `ldap`, `sip`, `domain`. */
  readonly service: string;
  /** `udp` or `tcp`. */
  readonly protocol: SrvProtocol | 'udp' | 'tcp';
  /**
   * The port clients connect to: 0..65535.
   * @default - the port of the only port that carries this protocol (UDP or TCP_UDP for udp; TCP or TCP_UDP for tcp);
   * required when there is none or more than one
   */
  readonly port?: number;
  /**
   * Lower is tried first: 0..65535.
   * @default 10
   */
  readonly priority?: number;
  /**
   * Relative weight among targets of the same priority: 0..65535.
   * @default 100
   */
  readonly weight?: number;
  /**
   * The host the record points at; the trailing dot is always added.
   * @default - `dns.hostname`
   */
  readonly host?: string;
  /**
   * The domain the record lives under, `_service._proto.domain`.
   * @default - `dns.hostname`
   */
  readonly domain?: string;
}

/** The defaults both sides apply, in one place. */
export const NLB_DEFAULTS = {
  /** The SRV TTL and the hostname TTL, in seconds. */
  ttlSeconds: 300,
  /** The SRV priority. */
  srvPriority: 10,
  /** The SRV weight. */
  srvWeight: 100,
  /** Seconds between health checks. */
  healthCheckInterval: 10,
  /** Seconds before a health check fails. */
  healthCheckTimeout: 10,
} as const;
