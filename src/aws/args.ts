import type * as pulumi from '@pulumi/pulumi';
import type { NlbDnsOptions, NlbOptions } from '../model/nlb-options';

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
  /**
   * QUIC server ids by target (instance id or IP address), for the QUIC or TCP_QUIC listener: `0x` and 16 lower-case
   * hexadecimal digits, a different id per target. The server on each target puts its id in the connection ids it
   * issues, so that the load balancer routes a migrating client back to it: give the ids your servers use. Changing a
   * target's id replaces its registration.
   * @default - for each target, an id derived from the component's name, the listener and the target (the first 8
   * bytes of their SHA-256), the same on every run
   */
  readonly quicServerIds?: Readonly<Record<string, string>>;
}

/** Route 53 records for the load balancer: the shared `dns` options, and the hosted zone they go to. */
export interface NlbDnsArgs extends NlbDnsOptions {
  /** The Route 53 hosted zone the records are created in. */
  readonly zoneId: pulumi.Input<string>;
  /**
   * The load balancer's hostname: an A alias record (and AAAA for `ipAddressType: 'dualstack'`) to the NLB, and the
   * default host and domain of the SRV records. A DNS name; a trailing dot is allowed.
   */
  readonly hostname: string;
}

/**
 * The arguments of {@link NlbUdpLoadBalancer}: the options every Network Load Balancer of this library shares with the
 * cdk8s `NlbUdpLoadBalancer` (`NlbOptions`: the same names, types, units and defaults), and what only a component that
 * creates the AWS resources itself needs (the VPC, the targets, tags). `subnets` and `eips` also take Pulumi outputs.
 */
export interface NlbUdpLoadBalancerArgs extends Omit<NlbOptions, 'subnets' | 'eips' | 'dns' | 'securityGroups'> {
  /** The VPC of the target groups. */
  readonly vpcId: pulumi.Input<string>;
  /**
   * The subnets, one per Availability Zone. The list itself must be known when the program runs (its entries may be
   * outputs), so that the Elastic IPs can be paired with it.
   */
  readonly subnets: readonly pulumi.Input<string>[];
  /**
   * Elastic IPs, internet-facing only, paired with `subnets` by position: the allocation ids of existing EIPs, exactly
   * one per subnet, or `'allocate'` to allocate one per subnet (named `${name}-eip-${i}`, kept on delete unless
   * `retainEipsOnDelete: false`).
   * @default - no Elastic IPs (AWS assigns addresses that change when the load balancer is replaced)
   */
  readonly eips?: 'allocate' | readonly pulumi.Input<string>[];
  /**
   * Security group ids of the load balancer (`aws.lb.LoadBalancer` `securityGroups`), or `[]` for none. AWS takes
   * them only when it creates the load balancer: going from none to some, or from some to none, replaces it (a new
   * address unless it holds Elastic IPs). A load balancer with security groups cannot carry a QUIC or TCP_QUIC port.
   * @default - none
   */
  readonly securityGroups?: readonly pulumi.Input<string>[];
  /**
   * Whether `pulumi destroy` (or removing the component) leaves the allocated Elastic IPs in the account
   * (`retainOnDelete`), so that the addresses clients and allow-lists know survive. Opt out for throw-away stacks.
   * @default true
   */
  readonly retainEipsOnDelete?: boolean;
  /**
   * The targets to register on every target group.
   * @default - none (register them elsewhere, for example with the target group ARNs this component outputs)
   */
  readonly targets?: NlbTargetsArgs;
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
