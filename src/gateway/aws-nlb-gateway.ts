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
import { isCidr } from '../model/cidr';
import { AWS_GATEWAY_GROUP } from '../model/gateway-implementation';
import { checkHealthCheck, HealthCheck, HealthCheckProtocol } from '../model/health-check';
import { describeNlb, NlbDescription } from '../model/nlb';
import { NlbProtocol, NlbTargetType } from '../model/nlb-listeners';
import { NlbHealthCheck, NlbOptions } from '../model/nlb-options';
import { isFieldObject } from '../model/shape';
import { targetGroupAttributeEntries } from '../model/target-group-attributes';
import { UdpHealthCheck, UdpHealthCheckProps } from '../sidecar/health-check';
import { UdpProbe } from '../sidecar/probe';
import { delegateFindings } from '../sidecar/reporting';
import { recognizeSelection } from '../workloads/recognize';
import { PodSelection } from '../workloads/types';

/**
 * The NLB of an AWS Load Balancer Controller NLB gateway, and its target groups: the shared NLB options (`NlbOptions`:
 * `scheme`, `subnets`, `eips`, `crossZone`, `ipAddressType`, `deletionProtection`, `targetType`, `healthCheck`,
 * `targetGroupAttributes`, with the same names, types, units, defaults and checks as the `NlbUdpLoadBalancer`s), the
 * client CIDRs and the health-check sidecar. The ports are the endpoint's; DNS is the endpoint's `dns`.
 */
export interface NlbGatewayOptions extends Omit<NlbOptions, 'ports' | 'dns' | 'ipv6SourceNatPrefix'> {
  /**
   * The client CIDRs allowed to reach the NLB (`sourceRanges` of the LoadBalancerConfiguration).
   * @default - no restriction beyond the scheme's
   */
  readonly loadBalancerSourceRanges?: readonly string[];
  /**
   * The UDP health-check sidecar added to the workload (ip targets, no `healthCheck.port`): its props, or `false` for
   * none. Given (even `{}`), it is added whatever the ports.
   * @default - with a UDP-only port, a sidecar probing each UDP target port with `UdpProbe.bound`, answering HTTP on
   * 10080; none when every port is TCP and UDP (the NLB checks the TCP side on the traffic port)
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
  /** The ports behind the Gateway: UDP, or TCP_UDP for TCP and UDP on one port; the targets' port numbers. */
  readonly ports: () => ReadonlyArray<{ readonly port: number; readonly protocol: NlbProtocol; readonly targetPort: number }>;
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

  /**
   * The findings of the options: the shared description's checks (the same model functions, rule ids and messages as
   * the `NlbUdpLoadBalancer`s), each field under `nlb.`.
   */
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
    const described = this.describe();
    // the props are under `nlb.`: in the field, and where the allowed value names the scheme prop
    const prefixed = (list: readonly Finding[]) => list.map((f) => ({
      ...f, field: `nlb.${f.field}`, allowed: f.allowed?.replace(/^scheme: /, 'nlb.scheme: '),
    }));
    findings.push(...prefixed(described.findings));
    const ranges: unknown = this.options.loadBalancerSourceRanges;
    if (ranges !== undefined && !Array.isArray(ranges)) {
      findings.push(findingOf(RULES.UDP114, { field: 'nlb.loadBalancerSourceRanges', value: ranges, message: 'must be a list', allowed: 'an array of CIDRs' }));
    }
    (Array.isArray(ranges) ? ranges as unknown[] : []).forEach((range, i) => {
      if (typeof range === 'string' && isCidr(range.trim())) return;
      findings.push(findingOf(RULES.UDP114, {
        field: `nlb.loadBalancerSourceRanges[${i}]`,
        value: range,
        message: 'must be a CIDR',
        allowed: 'an IPv4 or IPv6 CIDR such as "10.0.0.0/8" or "2001:db8::/32"',
      }));
    });
    if (described.nlb.healthCheckGiven || this.healthSidecar) findings.push(...prefixed(checkHealthCheck(this.effectiveHealthCheck(), 'healthCheck')));
    findings.push(...this.sidecarFindings());
    return findings;
  }

  /** The shared description of this NLB over the endpoint's ports. */
  private describe(): { readonly nlb: NlbDescription; readonly findings: readonly Finding[] } {
    return describeNlb(this.options, this.target.ports(), {
      defaultTargetType: NlbTargetType.IP,
      subnetsRequired: false,
      subnetNames: true,
      allocatesEips: false,
      hostnameRequired: false,
    });
  }

  private givenHealthCheck(): NlbHealthCheck | undefined {
    const given: unknown = this.options.healthCheck;
    return isFieldObject(given) ? given : undefined;
  }

  private get targetType(): NlbTargetType {
    return this.options.targetType === NlbTargetType.INSTANCE ? NlbTargetType.INSTANCE : NlbTargetType.IP;
  }

  private get udpTargetPorts(): number[] {
    return [...new Set(this.target.ports().map((p) => p.targetPort))];
  }

  /**
   * The sidecar joins ip targets with a UDP-only port, or any port when its props were given, unless a health-check
   * port was given or it is turned off.
   */
  private needsSidecar(): boolean {
    const asked = isFieldObject(this.options.healthSidecar);
    const udpOnly = this.target.ports().some((p) => p.protocol === NlbProtocol.UDP);
    return this.targetType === NlbTargetType.IP && this.options.healthSidecar !== false
      && this.givenHealthCheck()?.port === undefined && (udpOnly || asked) && this.udpTargetPorts.length > 0;
  }

  private sidecarProps(): UdpHealthCheckProps {
    const given: Partial<UdpHealthCheckProps> = isFieldObject(this.options.healthSidecar) ? this.options.healthSidecar : {};
    return { ...given, probes: given.probes ?? this.udpTargetPorts.map((port) => UdpProbe.bound(port)) };
  }

  /** The health check the NLB will run: on the sidecar's HTTP port, or as given. */
  private effectiveHealthCheck(): HealthCheck {
    const given = this.describe().nlb.healthCheck;
    const sidecar = this.healthSidecar;
    if (sidecar && given.protocol === HealthCheckProtocol.TCP && sidecar.tcpPort !== undefined) return { ...given, port: sidecar.tcpPort };
    if (sidecar?.httpPort !== undefined) {
      return { ...given, protocol: given.protocol ?? HealthCheckProtocol.HTTP, port: sidecar.httpPort, path: given.path ?? sidecar.healthPath };
    }
    return given;
  }

  private loadBalancerSpec(): Record<string, unknown> {
    const nlb = this.describe().nlb;
    const eips = Array.isArray(nlb.eips) ? nlb.eips : [];
    const ranges = this.options.loadBalancerSourceRanges;
    return {
      scheme: nlb.scheme,
      ipAddressType: this.options.ipAddressType === undefined ? undefined : nlb.ipAddressType,
      loadBalancerSubnets: nlb.subnets?.map((identifier, i) => ({ identifier, eipAllocation: eips[i] })),
      sourceRanges: Array.isArray(ranges) ? ranges : undefined,
      loadBalancerAttributes: [
        { key: 'load_balancing.cross_zone.enabled', value: String(nlb.crossZone) },
        ...this.options.deletionProtection === undefined ? [] : [{ key: 'deletion_protection.enabled', value: String(nlb.deletionProtection) }],
      ],
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
    const given = this.describe().nlb.targetGroupAttributes;
    const attributes = given ? targetGroupAttributeEntries(given).map(([key, value]) => ({ key, value })) : [];
    return {
      targetType: this.targetType,
      healthCheckConfig,
      targetGroupAttributes: attributes.length > 0 ? attributes : undefined,
    };
  }
}
