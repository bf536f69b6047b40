/**
 * The names of the child resources of an `NlbUdpLoadBalancer`. They are part of each resource's URN: a renamed
 * child is a new resource (a renamed EIP is a new address), so these functions never change once released, and a
 * test pins every one of them.
 */
export const ChildNames = {
  /** The `i`-th allocated Elastic IP (0-based, paired with `subnets[i]`): `${name}-eip-${i}`. */
  eip: (name: string, index: number): string => `${name}-eip-${index}`,
  /** The load balancer: `${name}-nlb`. */
  loadBalancer: (name: string): string => `${name}-nlb`,
  /** The target group of a listener: `${name}-tg-${listenerKey}`, for example `dns-tg-tcp-udp-53`. */
  targetGroup: (name: string, listenerKey: string): string => `${name}-tg-${listenerKey}`,
  /** A listener: `${name}-listener-${listenerKey}`, for example `dns-listener-udp-53`. */
  listener: (name: string, listenerKey: string): string => `${name}-listener-${listenerKey}`,
  /** An instance registered on a target group: `${name}-${listenerKey}-instance-${instanceId}`. */
  instanceTarget: (name: string, listenerKey: string, instanceId: string): string =>
    `${name}-${listenerKey}-instance-${instanceId}`,
  /** An IP registered on a target group: `${name}-${listenerKey}-ip-${ip}` (IPv6 colons become `-`). */
  ipTarget: (name: string, listenerKey: string, ip: string): string =>
    `${name}-${listenerKey}-ip-${ip.replace(/:/g, '-')}`,
  /**
   * An Auto Scaling group attached to a target group: `${name}-${listenerKey}-asg-${groupName}`, or by position
   * (`asg-0`) when the group name is an output.
   */
  autoScalingTarget: (name: string, listenerKey: string, group: string | number): string =>
    `${name}-${listenerKey}-asg-${typeof group === 'number' ? group : group.replace(/:/g, '-')}`,
  /** The A alias record: `${name}-a`. */
  aRecord: (name: string): string => `${name}-a`,
  /** The AAAA alias record (dualstack): `${name}-aaaa`. */
  aaaaRecord: (name: string): string => `${name}-aaaa`,
  /**
   * An SRV record set: `${name}-srv-${recordName}`, by its record name in lower case and without the trailing dot,
   * for example `dns-srv-_domain._udp.dns.example.com`. Unique: entries with the same record name (compared
   * case-insensitively, as DNS does) are one record set. (DNS names hold no `:`, so never the `::` of a URN.)
   */
  srvRecord: (name: string, srvKey: string): string => `${name}-${srvKey}`,
} as const;
