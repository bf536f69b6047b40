/**
 * The AWS Load Balancer Controller's NLB gateway (`gateway.k8s.aws/nlb`): the NLB options of the library's one
 * vocabulary (`scheme`, `subnets`, `eips`, `crossZone`, `loadBalancerSourceRanges`, `targetType`, `healthCheck`,
 * `targetGroupAttributes`, `ipAddressType`, `deletionProtection`, `healthSidecar`) emitted as the controller's
 * LoadBalancerConfiguration (referenced by the Gateway's `spec.infrastructure.parametersRef`) and
 * TargetGroupConfiguration (referencing the Service), and checked by the same model functions, with the same rule ids,
 * as the Service-based `NlbUdpLoadBalancer`.
 */
import { Construct } from 'constructs';
import { L4Gateway } from './l4-gateway';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';
import { LoadBalancerConfiguration, TargetGroupConfiguration } from '../imports/gateway.k8s.aws';
import { NlbHealthCheck, NlbIpAddressType } from '../k8s/nlb-udp-load-balancer';
import { AWS_GATEWAY_GROUP } from '../model/gateway-implementation';
import { checkHealthCheck, HealthCheck, HealthCheckProtocol } from '../model/health-check';
import { checkTargetType, NlbTargetType } from '../model/nlb-listeners';
import { checkIpAddressType, checkPlacement, checkSwitch, LoadBalancerScheme } from '../model/placement';
import { isFieldObject } from '../model/shape';
import { checkTargetGroupAttributes, TargetGroupAttributes, targetGroupAttributeEntries } from '../model/target-group-attributes';
import { UdpHealthCheck, UdpHealthCheckProps } from '../sidecar/health-check';
import { isDuration } from '../sidecar/millis';
import { UdpProbe } from '../sidecar/probe';
import { delegateFindings } from '../sidecar/reporting';
import { recognizeSelection } from '../workloads/recognize';
import { PodSelection } from '../workloads/types';

/** The NLB of an AWS Load Balancer Controller NLB gateway, and its target groups. */
export interface NlbGatewayOptions {
  /**
   * `internal` (reachable from the VPC and what is peered with it) or `internet-facing`. Changing it replaces the NLB.
   * @default LoadBalancerScheme.INTERNAL
   */
  readonly scheme?: LoadBalancerScheme;
  /**
   * The subnets, one per Availability Zone, as subnet ids (`subnet-...`).
   * @default - the controller discovers them by their tags
   */
  readonly subnets?: string[];
  /**
   * Elastic IP allocation ids (`eipalloc-...`), internet-facing only, exactly one per subnet, paired with `subnets` by
   * position, so that the NLB keeps its addresses when it is replaced.
   * @default - no Elastic IPs
   */
  readonly eips?: string[];
  /**
   * Cross-zone load balancing. Off, an Availability Zone without a healthy target stops answering on its address.
   * @default true
   */
  readonly crossZone?: boolean;
  /**
   * The client CIDRs allowed to reach the NLB (`sourceRanges` of the LoadBalancerConfiguration).
   * @default - everyone (0.0.0.0/0)
   */
  readonly loadBalancerSourceRanges?: string[];
  /**
   * IPv4 only, or IPv4 and IPv6.
   * @default NlbIpAddressType.IPV4
   */
  readonly ipAddressType?: NlbIpAddressType;
  /**
   * Deletion protection of the NLB.
   * @default false
   */
  readonly deletionProtection?: boolean;
  /**
   * How targets are registered: by pod IP (the VPC CNI) or through the nodes.
   * @default NlbTargetType.IP
   */
  readonly targetType?: NlbTargetType;
  /**
   * How the NLB checks its targets: TCP, HTTP or HTTPS, never UDP.
   * @default - HTTP on the UDP health-check sidecar (ip targets with a UDP-only port), else AWS's TCP check of the
   * traffic port
   */
  readonly healthCheck?: NlbHealthCheck;
  /**
   * Target-group attributes: deregistration delay, connection termination, source-IP stickiness, client IP
   * preservation.
   * @default - AWS's defaults
   */
  readonly targetGroupAttributes?: TargetGroupAttributes;
  /**
   * The UDP health-check sidecar added to the workload (ip targets with a UDP-only port and no `healthCheck.port`):
   * its props, or `false` for none.
   * @default - with a UDP-only port, a sidecar that checks every UDP port is bound
   */
  readonly healthSidecar?: Partial<UdpHealthCheckProps> | false;
}

/** The NLB-level options: they configure the Gateway's load balancer, which only a Gateway made here can carry. */
const LOAD_BALANCER_OPTIONS = ['scheme', 'subnets', 'eips', 'crossZone', 'loadBalancerSourceRanges', 'ipAddressType', 'deletionProtection'] as const;

/** What the endpoint tells the NLB gateway parameters. */
export interface NlbGatewayTarget {
  /** The name and namespace of the objects (the endpoint's). */
  readonly name: string | undefined;
  readonly namespace: string | undefined;
  /** The Service the target groups are built from. */
  readonly serviceName: () => string;
  /** The Gateway made by the endpoint, or `undefined` for one that exists. */
  readonly gateway: L4Gateway | undefined;
  /** The workload behind the Service. */
  readonly selector: PodSelection | undefined;
  /** The pods' UDP port numbers behind the Service (what the sidecar probes). */
  readonly udpTargetPorts: () => number[];
  /** Whether some port is served on UDP only (no TCP on the same port that a TCP health check could reach). */
  readonly hasUdpOnly: () => boolean;
  /** The target-group protocols: UDP, TCP, TCP_UDP. */
  readonly protocols: () => string[];
}

/**
 * The AWS Load Balancer Controller's parameters of an NLB gateway: a LoadBalancerConfiguration (on a Gateway made
 * here) and a TargetGroupConfiguration for the Service, with the health check on the UDP health-check sidecar. Made
 * by `GatewayEndpoint` from its `nlb` prop.
 */
export class NlbGatewayParameters extends Construct {
  /** The LoadBalancerConfiguration, on a Gateway made here. */
  public readonly loadBalancerConfiguration?: LoadBalancerConfiguration;
  /** The TargetGroupConfiguration of the Service. */
  public readonly targetGroupConfiguration: TargetGroupConfiguration;
  /** The health-check sidecar the NLB checks, when there is one. */
  public readonly healthSidecar?: UdpHealthCheck;

  private readonly options: NlbGatewayOptions;
  private readonly target: NlbGatewayTarget;
  private readonly sidecarFindings: () => Finding[];

  constructor(scope: Construct, id: string, options: NlbGatewayOptions, target: NlbGatewayTarget) {
    super(scope, id);
    this.options = options;
    this.target = target;
    const selection = target.selector === undefined ? undefined : recognizeSelection(target.selector);
    const pod = selection?.kind === 'workload' ? selection.workload : undefined;
    const existing = pod && UdpHealthCheck.of(pod.construct);
    this.healthSidecar = pod && this.needsSidecar() ? existing ?? UdpHealthCheck.addTo(pod.construct, this.sidecarProps()) : undefined;
    this.sidecarFindings = this.healthSidecar && this.healthSidecar !== existing ? delegateFindings(this.healthSidecar, 'nlb.healthSidecar.') : () => [];

    const metadata = { name: target.name, namespace: target.namespace };
    const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
    if (target.gateway) {
      this.loadBalancerConfiguration = new LoadBalancerConfiguration(this, 'load-balancer', {
        metadata: clean(metadata),
        spec: this.loadBalancerSpec() as never,
      });
      target.gateway.useParameters({ group: AWS_GATEWAY_GROUP, kind: 'LoadBalancerConfiguration', name: this.loadBalancerConfiguration.name });
    }
    const parameters = this;
    this.targetGroupConfiguration = new TargetGroupConfiguration(this, 'target-group', {
      metadata: clean(metadata),
      spec: {
        get targetReference() {
          return { name: target.serviceName() };
        },
        get defaultConfiguration() {
          return parameters.targetGroupSpec();
        },
      } as never,
    });
  }

  /** The findings of the options: the same model checks and rule ids as the Service-based NLB. */
  public findings(): Finding[] {
    const o = this.options as unknown as Record<string, unknown>;
    const findings: Finding[] = [];
    if (!this.target.gateway) {
      for (const key of LOAD_BALANCER_OPTIONS.filter((k) => o[k] !== undefined)) {
        findings.push(findingOf(RULES.UDP712, {
          field: `nlb.${key}`,
          value: o[key],
          message: 'configures the NLB of the Gateway, which is not made here: its owner sets it in the Gateway\'s LoadBalancerConfiguration',
          allowed: 'the target-group options (targetType, healthCheck, targetGroupAttributes, healthSidecar), or a Gateway made here (gatewayClassName)',
        }));
      }
    }
    findings.push(...checkPlacement({
      scheme: o.scheme,
      subnets: o.subnets,
      eips: o.eips,
      fields: { scheme: 'nlb.scheme', subnets: 'nlb.subnets', eips: 'nlb.eips' },
    }));
    findings.push(...checkSwitch(o.crossZone, 'nlb.crossZone'), ...checkSwitch(o.deletionProtection, 'nlb.deletionProtection'));
    findings.push(...checkIpAddressType(o.ipAddressType, 'nlb.ipAddressType'), ...checkTargetType(o.targetType, 'nlb.targetType'));
    findings.push(...checkHealthCheck(this.healthCheckModel(this.givenHealthCheck()), 'nlb.healthCheck'));
    findings.push(...checkTargetGroupAttributes(this.options.targetGroupAttributes, this.target.protocols(), 'nlb.targetGroupAttributes'));
    findings.push(...this.sidecarFindings());
    return findings;
  }

  private givenHealthCheck(): NlbHealthCheck | undefined {
    const given: unknown = this.options.healthCheck;
    return isFieldObject(given) ? given : undefined;
  }

  private get targetType(): NlbTargetType {
    return this.options.targetType ?? NlbTargetType.IP;
  }

  /**
   * The sidecar joins ip targets with a UDP-only port, or any port when its props were given, unless a health-check
   * port was given or it is turned off.
   */
  private needsSidecar(): boolean {
    const asked = isFieldObject(this.options.healthSidecar);
    return this.targetType === NlbTargetType.IP && this.options.healthSidecar !== false
      && this.givenHealthCheck()?.port === undefined && (this.target.hasUdpOnly() || asked) && this.target.udpTargetPorts().length > 0;
  }

  private sidecarProps(): UdpHealthCheckProps {
    const given: Partial<UdpHealthCheckProps> = isFieldObject(this.options.healthSidecar) ? this.options.healthSidecar : {};
    return { ...given, probes: given.probes ?? this.target.udpTargetPorts().map((port) => UdpProbe.bound(port)) };
  }

  private healthCheckModel(hc: NlbHealthCheck | undefined): HealthCheck {
    const seconds = (value: unknown) => (isDuration(value) ? value.toSeconds({ integral: false }) : undefined);
    return hc === undefined ? {} : {
      protocol: hc.protocol,
      port: hc.port,
      path: hc.path,
      interval: seconds(hc.interval),
      timeout: seconds(hc.timeout),
      healthyThreshold: hc.healthyThreshold,
      unhealthyThreshold: hc.unhealthyThreshold,
      successCodes: hc.successCodes,
    };
  }

  /** The health check the NLB will run: on the sidecar's HTTP port, or as given. */
  private effectiveHealthCheck(): HealthCheck {
    const given = this.healthCheckModel(this.givenHealthCheck());
    const sidecar = this.healthSidecar;
    if (sidecar && given.protocol === HealthCheckProtocol.TCP && sidecar.tcpPort !== undefined) return { ...given, port: sidecar.tcpPort };
    if (sidecar?.httpPort !== undefined) {
      return { ...given, protocol: given.protocol ?? HealthCheckProtocol.HTTP, port: sidecar.httpPort, path: given.path ?? sidecar.healthPath };
    }
    return given;
  }

  private loadBalancerSpec(): Record<string, unknown> {
    const o = this.options;
    const subnets = Array.isArray(o.subnets) ? o.subnets : undefined;
    const eips = Array.isArray(o.eips) ? o.eips : [];
    const attributes = [
      { key: 'load_balancing.cross_zone.enabled', value: String(o.crossZone === false ? false : true) },
      ...o.deletionProtection === undefined ? [] : [{ key: 'deletion_protection.enabled', value: String(o.deletionProtection === true) }],
    ];
    return {
      scheme: o.scheme ?? LoadBalancerScheme.INTERNAL,
      ipAddressType: o.ipAddressType,
      loadBalancerSubnets: subnets?.map((identifier, i) => ({ identifier, eipAllocation: eips[i] })),
      sourceRanges: Array.isArray(o.loadBalancerSourceRanges) ? o.loadBalancerSourceRanges : undefined,
      loadBalancerAttributes: attributes,
    };
  }

  private targetGroupSpec(): Record<string, unknown> {
    const hc = this.effectiveHealthCheck();
    const healthCheckConfig = Object.keys(hc).some((k) => (hc as Record<string, unknown>)[k] !== undefined) ? {
      healthCheckProtocol: hc.protocol,
      healthCheckPort: hc.port === undefined ? undefined : String(hc.port),
      healthCheckPath: hc.path,
      healthCheckInterval: hc.interval,
      healthCheckTimeout: hc.timeout,
      healthyThresholdCount: hc.healthyThreshold,
      unhealthyThresholdCount: hc.unhealthyThreshold,
      matcher: hc.successCodes === undefined ? undefined : { httpCode: hc.successCodes },
    } : undefined;
    const attributes = isFieldObject(this.options.targetGroupAttributes)
      ? targetGroupAttributeEntries(this.options.targetGroupAttributes).map(([key, value]) => ({ key, value }))
      : [];
    return {
      targetType: this.targetType,
      healthCheckConfig,
      targetGroupAttributes: attributes.length > 0 ? attributes : undefined,
    };
  }
}
