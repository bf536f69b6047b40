import { Attachment } from '@pulumi/aws/autoscaling';
import { Eip } from '@pulumi/aws/ec2';
import { Listener, LoadBalancer, TargetGroup, TargetGroupAttachment } from '@pulumi/aws/lb';
import { Record as DnsRecord } from '@pulumi/aws/route53';
import type * as awsInputs from '@pulumi/aws/types/input';
import * as pulumi from '@pulumi/pulumi';
import { NlbUdpLoadBalancerArgs } from './args';
import { ChildNames } from './names';
import { NLB_UDP_LOAD_BALANCER_TYPE, NlbPlan, planNlb, PlannedListener } from './plan';
import { formatFinding, Severity } from '../core/finding';
import { HealthCheckProtocol, ResolvedHealthCheck } from '../model/health-check';
import { LoadBalancerScheme } from '../model/placement';
import { TargetGroupAttributes } from '../model/target-group-attributes';

/** The `TargetGroup.healthCheck` input for a resolved health check. */
export function targetGroupHealthCheck(hc: ResolvedHealthCheck): awsInputs.lb.TargetGroupHealthCheck {
  const http = hc.protocol === HealthCheckProtocol.HTTP || hc.protocol === HealthCheckProtocol.HTTPS;
  return {
    enabled: true,
    protocol: hc.protocol,
    port: String(hc.port),
    ...(http ? { path: hc.path, matcher: hc.successCodes } : {}),
    interval: hc.interval,
    timeout: hc.timeout,
    healthyThreshold: hc.healthyThreshold,
    unhealthyThreshold: hc.unhealthyThreshold,
  };
}

/** The `aws.lb.TargetGroup` inputs that carry target-group attributes. */
export interface TargetGroupAttributeInputs {
  /** `deregistration_delay.timeout_seconds`. */
  readonly deregistrationDelay?: number;
  /** `deregistration_delay.connection_termination.enabled`. */
  readonly connectionTermination?: boolean;
  /** `stickiness.enabled` and `stickiness.type`. */
  readonly stickiness?: awsInputs.lb.TargetGroupStickiness;
  /** `preserve_client_ip.enabled`, a string in @pulumi/aws v7. */
  readonly preserveClientIp?: string;
}

/** The `TargetGroup` inputs for typed target-group attributes; unset attributes are left out. */
export function targetGroupAttributeInputs(attributes: TargetGroupAttributes = {}): TargetGroupAttributeInputs {
  return {
    ...(attributes.deregistrationDelay !== undefined ? { deregistrationDelay: attributes.deregistrationDelay } : {}),
    ...(attributes.connectionTermination !== undefined ? { connectionTermination: attributes.connectionTermination } : {}),
    ...(attributes.stickiness !== undefined ? { stickiness: { enabled: attributes.stickiness, type: 'source_ip' } } : {}),
    ...(attributes.preserveClientIp !== undefined ? { preserveClientIp: String(attributes.preserveClientIp) } : {}),
  };
}

/**
 * A Network Load Balancer for UDP (and TCP+UDP) services, created directly in AWS: typically in front of
 * Kubernetes NodePort Services, whose NodePorts are the listeners' `targetPort`s.
 *
 * It creates, as children (names pinned by {@link ChildNames}):
 * - `aws.ec2.Eip` `${name}-eip-${i}` per subnet when `eips: 'allocate'` (kept on delete by default);
 * - `aws.lb.LoadBalancer` `${name}-nlb` (type network, subnet mappings with the EIPs, cross-zone on by default;
 *   `deleteBeforeReplace` when it holds EIPs, because a replacement cannot take allocation ids still in use);
 * - per listener, an auto-named `aws.lb.TargetGroup` `${name}-tg-${key}` (protocol UDP, TCP or TCP_UDP; the health
 *   check is never UDP) and an `aws.lb.Listener` `${name}-listener-${key}` forwarding to it;
 * - per target group and target, an `aws.lb.TargetGroupAttachment` (instances, IPs) or `aws.autoscaling.Attachment`
 *   (Auto Scaling groups);
 * - with `dns`, `aws.route53.Record`s: an A alias (AAAA too for dualstack) and the SRV record sets, whose targets
 *   always end with a dot.
 *
 * Every argument is checked before anything is registered; all errors are thrown together in one
 * {@link NlbUdpLoadBalancerError}.
 *
 * @example
 * const nlb = new NlbUdpLoadBalancer('dns', {
 *   vpcId, subnets, scheme: 'internet-facing', eips: 'allocate',
 *   ports: [{ port: 53, protocol: 'TCP_UDP', targetPort: PORTS.dns.nodePort }],
 *   targets: { autoScalingGroupNames: [nodeGroupAsg] },
 *   healthCheck: { protocol: 'TCP', port: PORTS.health.nodePort, interval: Duration.seconds(10) },
 *   dns: { zoneId, hostname: 'dns.example.com', srv: [{ service: 'domain', protocol: 'udp' }] },
 * });
 */
export class NlbUdpLoadBalancer extends pulumi.ComponentResource {
  /** The type token, `k8s-udp-constructs:aws:NlbUdpLoadBalancer`. */
  public static readonly TYPE = NLB_UDP_LOAD_BALANCER_TYPE;

  /** The load balancer. */
  public readonly loadBalancer: LoadBalancer;
  /** The Elastic IPs this component allocated (none when `eips` is unset or lists existing allocation ids). */
  public readonly eips: readonly Eip[];
  /** The target groups, by listener key (`udp-53`, `tcp-udp-53`). */
  public readonly targetGroups: Readonly<Record<string, TargetGroup>>;
  /** The listeners, by listener key. */
  public readonly listeners: Readonly<Record<string, Listener>>;
  /** The Route 53 records (A, AAAA, SRV), in that order. */
  public readonly records: readonly DnsRecord[];

  /** The load balancer's ARN. */
  public readonly loadBalancerArn: pulumi.Output<string>;
  /** The load balancer's DNS name. */
  public readonly dnsName: pulumi.Output<string>;
  /** The load balancer's canonical hosted zone id (for alias records). */
  public readonly zoneId: pulumi.Output<string>;
  /** The public IPs of the allocated Elastic IPs, in subnet order (empty when none were allocated). */
  public readonly eipPublicIps: pulumi.Output<string[]>;
  /** The allocation ids on the load balancer, in subnet order: allocated or given (empty without EIPs). */
  public readonly eipAllocationIds: pulumi.Output<string[]>;
  /** The target group ARNs, by listener key. */
  public readonly targetGroupArns: pulumi.Output<Record<string, string>>;
  /** The listener ARNs, by listener key. */
  public readonly listenerArns: pulumi.Output<Record<string, string>>;
  /** The names of the Route 53 records created (A, AAAA, SRV), without trailing dots. */
  public readonly recordNames: pulumi.Output<string[]>;

  /**
   * @param name the component's name; child names derive from it
   * @param args the load balancer, its listeners, targets, health check and DNS records
   * @param opts component options (`transformations` is supported; `transforms` is not available under mocks)
   * @throws NlbUdpLoadBalancerError before anything is registered, listing every invalid argument
   */
  constructor(name: string, args: NlbUdpLoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
    const plan = planNlb(name, args);
    super(NLB_UDP_LOAD_BALANCER_TYPE, name, {}, opts);
    for (const warning of plan.warnings) {
      const log = warning.severity === Severity.INFO ? pulumi.log.info : pulumi.log.warn;
      void log(formatFinding(warning, name), this);
    }

    const tags = args.tags ? { tags: { ...args.tags } } : {};
    const parent = { parent: this };

    const eips: Eip[] = [];
    for (let i = 0; i < plan.allocateEips; i++) {
      eips.push(new Eip(ChildNames.eip(name, i), { domain: 'vpc', ...tags }, {
        ...parent,
        retainOnDelete: args.retainEipsOnDelete ?? true,
      }));
    }
    const allocationIds: pulumi.Input<string>[] = plan.givenEips ? [...plan.givenEips] : eips.map((eip) => eip.allocationId);
    const holdsEips = allocationIds.length > 0;

    const loadBalancer = new LoadBalancer(ChildNames.loadBalancer(name), {
      loadBalancerType: 'network',
      internal: plan.scheme === LoadBalancerScheme.INTERNAL,
      ipAddressType: plan.dualstack ? 'dualstack' : 'ipv4',
      subnetMappings: args.subnets.map((subnetId, i) => (holdsEips ? { subnetId, allocationId: allocationIds[i] } : { subnetId })),
      enableCrossZoneLoadBalancing: plan.nlb.crossZone,
      enableDeletionProtection: plan.nlb.deletionProtection,
      ...(plan.nlb.ipv6SourceNatPrefix !== undefined ? { enablePrefixForIpv6SourceNat: plan.nlb.ipv6SourceNatPrefix ? 'on' : 'off' } : {}),
      ...tags,
    }, { ...parent, deleteBeforeReplace: holdsEips });

    const targetGroups: Record<string, TargetGroup> = {};
    const listeners: Record<string, Listener> = {};
    for (const listener of plan.listeners) {
      const targetGroup = this.targetGroup(name, listener, plan, args, tags);
      targetGroups[listener.key] = targetGroup;
      listeners[listener.key] = new Listener(ChildNames.listener(name, listener.key), {
        loadBalancerArn: loadBalancer.arn,
        port: listener.port,
        protocol: listener.protocol,
        defaultActions: [{ type: 'forward', targetGroupArn: targetGroup.arn }],
        ...tags,
      }, parent);
      this.attachTargets(name, listener, targetGroup, args);
    }

    const records: DnsRecord[] = [];
    const dns = args.dns;
    if (dns !== undefined && plan.recordName !== undefined) {
      const alias = [{ name: loadBalancer.dnsName, zoneId: loadBalancer.zoneId, evaluateTargetHealth: true }];
      records.push(new DnsRecord(ChildNames.aRecord(name), {
        zoneId: dns.zoneId, name: plan.recordName, type: 'A', aliases: alias,
      }, parent));
      if (plan.dualstack) {
        records.push(new DnsRecord(ChildNames.aaaaRecord(name), {
          zoneId: dns.zoneId, name: plan.recordName, type: 'AAAA', aliases: alias,
        }, parent));
      }
      for (const srv of plan.srv) {
        records.push(new DnsRecord(ChildNames.srvRecord(name, srv.key), {
          zoneId: dns.zoneId, name: srv.name, type: 'SRV', ttl: plan.ttl, records: [...srv.values],
        }, parent));
      }
    }

    this.loadBalancer = loadBalancer;
    this.eips = eips;
    this.targetGroups = targetGroups;
    this.listeners = listeners;
    this.records = records;
    this.loadBalancerArn = loadBalancer.arn;
    this.dnsName = loadBalancer.dnsName;
    this.zoneId = loadBalancer.zoneId;
    this.eipPublicIps = pulumi.all(eips.map((eip) => eip.publicIp));
    this.eipAllocationIds = pulumi.all(allocationIds);
    this.targetGroupArns = pulumi.all(Object.fromEntries(Object.entries(targetGroups).map(([k, tg]) => [k, tg.arn])));
    this.listenerArns = pulumi.all(Object.fromEntries(Object.entries(listeners).map(([k, l]) => [k, l.arn])));
    const recordNames = [
      ...(plan.recordName !== undefined && dns ? [plan.recordName] : []),
      ...(plan.recordName !== undefined && dns && plan.dualstack ? [plan.recordName] : []),
      ...plan.srv.map((s) => s.name),
    ];
    this.recordNames = pulumi.output(recordNames);
    this.registerOutputs({
      loadBalancerArn: this.loadBalancerArn,
      dnsName: this.dnsName,
      zoneId: this.zoneId,
      eipPublicIps: this.eipPublicIps,
      eipAllocationIds: this.eipAllocationIds,
      targetGroupArns: this.targetGroupArns,
      listenerArns: this.listenerArns,
      recordNames: this.recordNames,
    });
  }

  private targetGroup(
    name: string,
    listener: PlannedListener,
    plan: NlbPlan,
    args: NlbUdpLoadBalancerArgs,
    tags: { tags?: Record<string, pulumi.Input<string>> },
  ): TargetGroup {
    // No `name`: auto-naming lets a replacement be created before the old group is deleted (pulumi #5900).
    return new TargetGroup(ChildNames.targetGroup(name, listener.key), {
      vpcId: args.vpcId,
      port: listener.targetPort,
      protocol: listener.protocol,
      targetType: plan.targetType,
      healthCheck: targetGroupHealthCheck(plan.healthCheck),
      ...targetGroupAttributeInputs(plan.nlb.targetGroupAttributes),
      ...tags,
    }, { parent: this });
  }

  private attachTargets(name: string, listener: PlannedListener, targetGroup: TargetGroup, args: NlbUdpLoadBalancerArgs): void {
    const targets = args.targets ?? {};
    const parent = { parent: this };
    for (const instanceId of targets.instanceIds ?? []) {
      new TargetGroupAttachment(ChildNames.instanceTarget(name, listener.key, instanceId), {
        targetGroupArn: targetGroup.arn, targetId: instanceId, port: listener.targetPort,
      }, parent);
    }
    for (const ip of targets.ipAddresses ?? []) {
      new TargetGroupAttachment(ChildNames.ipTarget(name, listener.key, ip), {
        targetGroupArn: targetGroup.arn, targetId: ip, port: listener.targetPort,
      }, parent);
    }
    (targets.autoScalingGroupNames ?? []).forEach((group, index) => {
      new Attachment(ChildNames.autoScalingTarget(name, listener.key, typeof group === 'string' ? group : index), {
        autoscalingGroupName: group, lbTargetGroupArn: targetGroup.arn,
      }, parent);
    });
  }
}
