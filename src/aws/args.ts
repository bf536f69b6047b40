import type * as pulumi from '@pulumi/pulumi';
import type { SrvProtocol } from '../model/dns';
import type { HealthCheck } from '../model/health-check';
import type { ListenerProtocol, NlbTargetType } from '../model/nlb-listeners';
import type { LoadBalancerScheme } from '../model/placement';
import type { TargetGroupAttributes } from '../model/target-group-attributes';

/** One listener of the load balancer, and the target group it forwards to. */
export interface NlbListenerArgs {
  /** The port clients connect to: 1..65535. */
  readonly port: number;
  /**
   * `UDP`, `TCP`, or `TCP_UDP` for TCP and UDP on the same port (one listener; two listeners on one port are
   * refused).
   */
  readonly protocol: ListenerProtocol | 'UDP' | 'TCP' | 'TCP_UDP';
  /**
   * The port the targets receive the traffic on: with instance targets, the NodePort of the Kubernetes Service.
   * @default - the listener's `port`
   */
  readonly targetPort?: number;
}

/**
 * What the target groups register. Instances and Auto Scaling groups make `instance` targets; IP addresses make
 * `ip` targets; the two cannot be mixed.
 *
 * Child resource names are made from the values (`${name}-udp-53-instance-i-0abc...`), so reordering the lists
 * changes nothing. Auto Scaling group names given as outputs are named by position instead.
 */
export interface NlbTargetsArgs {
  /**
   * EC2 instance ids (`i-...`), registered on every target group with the listener's `targetPort`.
   * @default - none
   */
  readonly instanceIds?: readonly string[];
  /**
   * Auto Scaling group names, attached to every target group (`aws.autoscaling.Attachment`), so that instances
   * the group launches are registered automatically (EKS managed node groups expose their group names).
   * @default - none
   */
  readonly autoScalingGroupNames?: readonly pulumi.Input<string>[];
  /**
   * IP addresses in the VPC, registered on every target group with the listener's `targetPort`.
   * @default - none
   */
  readonly ipAddresses?: readonly string[];
}

/** One SRV record set, `_service._proto.hostname`, pointing at the load balancer's hostname. */
export interface NlbSrvArgs {
  /** The service name, with or without its underscore: `kerberos`, `ldap`, `sip`, `domain`. */
  readonly service: string;
  /** `udp` or `tcp`. */
  readonly protocol: SrvProtocol | 'udp' | 'tcp';
  /**
   * The port clients connect to: 0..65535.
   * @default - the port of the only listener that carries this protocol (UDP or TCP_UDP for udp; TCP or TCP_UDP for
   * tcp); required when there is none or more than one
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
   * The domain the record lives under, `_service._proto.domain` (for example `example.com` for
   * `_kerberos._udp.example.com`). It must be in the hosted zone `dns.zoneId`.
   * @default - `dns.hostname`
   */
  readonly domain?: string;
}

/** Route 53 records for the load balancer. */
export interface NlbDnsArgs {
  /** The Route 53 hosted zone the records are created in. */
  readonly zoneId: pulumi.Input<string>;
  /**
   * The load balancer's hostname: an A alias record (and AAAA for `ipAddressType: 'dualstack'`) to the NLB, and the
   * domain of the SRV records. A DNS name; a trailing dot is allowed.
   */
  readonly hostname: string;
  /**
   * TTL of the SRV records in seconds, 1..2147483647 (alias records take the NLB's own TTL).
   * @default 300
   */
  readonly ttl?: number;
  /**
   * SRV record sets; entries with the same service and protocol become one record set with several targets.
   * @default - none
   */
  readonly srv?: readonly NlbSrvArgs[];
}

/**
 * The arguments of {@link NlbUdpLoadBalancer}. The same names as the cdk8s `NlbUdpLoadBalancer` where the concept
 * is the same (`scheme`, `crossZone`, `healthCheck`, `targetGroupAttributes`, `dns`).
 */
export interface NlbUdpLoadBalancerArgs {
  /** The VPC of the target groups. */
  readonly vpcId: pulumi.Input<string>;
  /**
   * The subnets, one per Availability Zone. The list itself must be known when the program runs (its entries may be
   * outputs), so that the Elastic IPs can be paired with it.
   */
  readonly subnetIds: readonly pulumi.Input<string>[];
  /**
   * `internal` or `internet-facing`. Changing it replaces the load balancer.
   * @default LoadBalancerScheme.INTERNAL
   */
  readonly scheme?: LoadBalancerScheme | 'internal' | 'internet-facing';
  /**
   * Elastic IPs, internet-facing only, paired with `subnetIds` by position: `'allocate'` to allocate one per
   * subnet (named `${name}-eip-${i}`, kept on delete unless `retainEipsOnDelete: false`), or the allocation ids of
   * existing EIPs, exactly one per subnet.
   * @default - no Elastic IPs (AWS assigns addresses that change when the load balancer is replaced)
   */
  readonly eips?: 'allocate' | readonly pulumi.Input<string>[];
  /**
   * Whether `pulumi destroy` (or removing the component) leaves the allocated Elastic IPs in the account
   * (`retainOnDelete`), so that the addresses clients and allow-lists know survive. Opt out for throw-away stacks.
   * @default true
   */
  readonly retainEipsOnDelete?: boolean;
  /**
   * Cross-zone load balancing. Off, an Availability Zone without a healthy target stops answering on its address.
   * @default true
   */
  readonly crossZone?: boolean;
  /**
   * `ipv4` or `dualstack`. With `dualstack`, an AAAA alias record is added and, when a listener carries UDP, the
   * IPv6 source-NAT prefix is turned on (`enablePrefixForIpv6SourceNat: 'on'`), which UDP on dualstack requires.
   * @default 'ipv4'
   */
  readonly ipAddressType?: 'ipv4' | 'dualstack';
  /** The listeners, each with its own target group. */
  readonly listeners: readonly NlbListenerArgs[];
  /**
   * How targets are registered.
   * @default - `ip` when `targets.ipAddresses` is given, else `instance`
   */
  readonly targetType?: NlbTargetType | 'instance' | 'ip';
  /**
   * The targets to register on every target group.
   * @default - none (register them elsewhere, for example with the target group ARNs this component outputs)
   */
  readonly targets?: NlbTargetsArgs;
  /**
   * The health check of every target group: TCP, HTTP or HTTPS (never UDP), with the ranges of the cdk8s construct.
   * A UDP-only target never answers on its traffic port: give `port` (a health NodePort or sidecar).
   * @default - TCP on the traffic port, AWS's intervals and thresholds (interval 30, timeout 10, thresholds 5 and 2)
   */
  readonly healthCheck?: HealthCheck;
  /**
   * Target-group attributes: deregistration delay, connection termination, source-IP stickiness.
   * @default - AWS's defaults
   */
  readonly targetGroupAttributes?: TargetGroupAttributes;
  /**
   * Deletion protection of the load balancer.
   * @default false
   */
  readonly deletionProtection?: boolean;
  /**
   * Route 53 records: an A alias (and AAAA for dualstack) and SRV record sets.
   * @default - no records
   */
  readonly dns?: NlbDnsArgs;
  /**
   * Tags for every AWS resource the component creates.
   * @default - none
   */
  readonly tags?: Readonly<Record<string, pulumi.Input<string>>>;
  /**
   * Ids of warning rules to silence (for example `['UDP509']`). Errors cannot be silenced.
   * @default - none
   */
  readonly disabledRules?: readonly string[];
}
