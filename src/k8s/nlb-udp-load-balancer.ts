import { ApiObjectMetadata, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { ExternalDnsOptions } from './external-dns';
import { metadataFindings } from './metadata';
import { NlbController } from './nlb-controller';
import { ProtocolServicePort, ServiceBase, ServiceOptions, ServicePortOptions } from './service-base';
import { ServiceType, TrafficPolicy } from './service-type';
import { checkIpAddressType, checkPlacement, checkSwitch, LoadBalancerScheme } from '../model/eip';
import {
  checkHealthCheck, HEALTH_CHECK_INTERVAL, HEALTH_CHECK_TIMEOUT, HealthCheck, HealthCheckProtocol,
} from '../model/health-check';
import { KubernetesVersion } from '../model/kubernetes-version';
import { decideMixedProtocol, LoadBalancerProvider } from '../model/load-balancer-provider';
import { checkTargetType, LISTENER_PORT, LISTENERS_REQUIRED, NlbTargetType } from '../model/nlb-listeners';
import { PortRange } from '../model/port-range';
import { Protocol } from '../model/protocol';
import { checkTargetGroupAttributes, formatTargetGroupAttributes, TargetGroupAttributes } from '../model/target-group-attributes';
import { AWS_LBC_LOAD_BALANCER_CLASS, AwsNlbAnnotations as A, controllerHealthCheckTiming } from '../rules/aws-nlb';
import { kubernetesVersionFindings } from '../rules/endpoint-values';
import { Finding } from '../rules/finding';
import {
  NLB_CONTROLLER, NLB_IN_TREE_IP_TARGETS, NLB_IN_TREE_UNSUPPORTED, NLB_NODE_PORTS_INSTANCE, NLB_PORT_PROTOCOL, NLB_SIDECAR_PROPS,
  NLB_SIDECAR_TARGET_PORT, NLB_SIDECAR_WORKLOAD, NLB_TCP_UDP_UNSUPPORTED,
} from '../rules/nlb-values';
import { findingOf } from '../rules/rule';
import { SERVICE_PROP_TYPE } from '../rules/service-values';
import { UdpHealthCheck, UdpHealthCheckProps } from '../sidecar/health-check';
import { isDuration } from '../sidecar/millis';
import { UdpProbe } from '../sidecar/probe';
import { delegateFindings } from '../sidecar/reporting';
import { addRuleValidation } from '../validation/rule-validation';
import { describeValue, recognizeSelection } from '../workloads/recognize';
import { PodSelection } from '../workloads/types';
import { Workload } from '../workloads/workload';

/** The sidecar's TCP port when the NLB checks it over TCP. */
const SIDECAR_TCP_PORT = 10081;

/** The protocols one port of an NLB can serve. */
export enum NlbPortProtocol {
  /** UDP only. */
  UDP = 'UDP',
  /** TCP and UDP on the same port, as one TCP_UDP listener (AWS Load Balancer Controller 2.13 or later). */
  TCP_UDP = 'TCP_UDP',
}

/** A port of an `NlbUdpLoadBalancer`. */
export interface NlbPort extends ServicePortOptions {
  /**
   * UDP, or TCP and UDP on this port.
   * @default NlbPortProtocol.UDP
   */
  readonly protocol?: NlbPortProtocol;
}

/** The IP address types of an NLB. */
export enum NlbIpAddressType {
  /** IPv4 only. */
  IPV4 = 'ipv4',
  /** IPv4 and IPv6. UDP on a dualstack NLB needs an IPv6 prefix for source NAT (controller 2.10 or later). */
  DUALSTACK = 'dualstack',
}

/** How the NLB checks its targets. The same names and ranges as the Pulumi component's `healthCheck`. */
export interface NlbHealthCheck {
  /**
   * TCP, HTTP or HTTPS. AWS cannot check UDP.
   * @default - HTTP on the health-check sidecar (ip targets) or on kube-proxy's healthCheckNodePort (instance targets
   * with Local); the controller's default otherwise
   */
  readonly protocol?: HealthCheckProtocol;
  /**
   * The port to check, or `'traffic-port'`. Setting it turns the health-check sidecar off.
   * @default - the sidecar's HTTP port (ip targets), kube-proxy's healthCheckNodePort (instance targets with Local)
   */
  readonly port?: number | 'traffic-port';
  /**
   * The HTTP(S) path; HTTP and HTTPS only.
   * @default '/healthz' when the default health check is used
   */
  readonly path?: string;
  /**
   * Time between checks, 5 to 300 seconds, at least the timeout.
   * @default - the AWS Load Balancer Controller's default, 10 seconds (it always sends one, so AWS's own, 30, never
   * applies; the in-tree provider has defaults of its own)
   */
  readonly interval?: Duration;
  /**
   * Time before a check fails, 2 to 120 seconds, at most the interval.
   * @default - the AWS Load Balancer Controller's default: 10 seconds, or 6 for instance targets with Local (the
   * HTTP check of kube-proxy's healthCheckNodePort); the in-tree provider has defaults of its own
   */
  readonly timeout?: Duration;
  /**
   * Successes before healthy, 2..10.
   * @default - AWS's default, 5
   */
  readonly healthyThreshold?: number;
  /**
   * Failures before unhealthy, 2..10.
   * @default - AWS's default, 2
   */
  readonly unhealthyThreshold?: number;
  /**
   * HTTP success codes (`"200"`, `"200,204"` or `"200-399"`); HTTP and HTTPS only.
   * @default - AWS's default, 200-399
   */
  readonly successCodes?: string;
}

/** Props of an `NlbUdpLoadBalancer` (with `hostname`, `ttl` and `externalDnsPrefix` for ExternalDNS). */
export interface NlbUdpLoadBalancerProps extends ExternalDnsOptions {
  /**
   * Name, namespace, labels and annotations of the Service.
   * @default - a name generated by cdk8s
   */
  readonly metadata?: ApiObjectMetadata;
  /**
   * The pods behind the NLB. A cdk8s-plus workload gets the health-check sidecar (ip targets) and its UDP ports
   * declared.
   */
  readonly selector: PodSelection;
  /** The ports: UDP, or TCP and UDP on one port. */
  readonly ports: NlbPort[];
  /**
   * The implementation that builds the NLB.
   * @default NlbController.awsLoadBalancerController()
   */
  readonly controller?: NlbController;
  /**
   * How pods are registered: their IP addresses (the VPC CNI), or the nodes through NodePorts.
   * @default NlbTargetType.IP (NlbTargetType.INSTANCE with the in-tree provider)
   */
  readonly targetType?: NlbTargetType;
  /**
   * Internal or internet-facing. Changing it replaces the NLB (a new address).
   * @default LoadBalancerScheme.INTERNAL
   */
  readonly scheme?: LoadBalancerScheme;
  /**
   * The subnets (ids or Name tags), one per availability zone.
   * @default - discovered by the controller from subnet tags
   */
  readonly subnets?: string[];
  /**
   * Elastic IP allocation ids (`eipalloc-...`), one per subnet, in the order of `subnets`; internet-facing only.
   * @default - AWS assigns addresses
   */
  readonly eipAllocations?: string[];
  /**
   * Cross-zone load balancing. With Local and a zone without a ready pod, that zone's address goes silent unless it is
   * on.
   * @default true
   */
  readonly crossZone?: boolean;
  /**
   * Which endpoints get external traffic. Local keeps the client's source IP (instance targets) and skips a hop.
   * @default TrafficPolicy.LOCAL
   */
  readonly externalTrafficPolicy?: TrafficPolicy;
  /**
   * Whether the cluster allocates NodePorts for the Service (`spec.allocateLoadBalancerNodePorts`). With ip targets the
   * NLB sends traffic to the pods directly, so `false` spares a NodePort per port on every node; instance targets need
   * them (UDP578).
   * @default - unset: the cluster allocates them
   */
  readonly allocateLoadBalancerNodePorts?: boolean;
  /**
   * Client CIDRs allowed to reach the NLB (`spec.loadBalancerSourceRanges`).
   * @default - no restriction beyond the scheme's
   */
  readonly sourceRanges?: string[];
  /**
   * Target-group attributes (controller only).
   * @default - AWS's defaults
   */
  readonly targetGroupAttributes?: TargetGroupAttributes;
  /**
   * NLB deletion protection (controller only).
   * @default false
   */
  readonly deletionProtection?: boolean;
  /**
   * IPv4 or dualstack (controller only).
   * @default NlbIpAddressType.IPV4
   */
  readonly ipAddressType?: NlbIpAddressType;
  /**
   * An IPv6 prefix per subnet for source NAT (`aws-load-balancer-enable-prefix-for-ipv6-source-nat: on`), which UDP
   * on a dualstack NLB needs.
   * @default - on for a dualstack NLB with UDP ports, unset otherwise
   */
  readonly ipv6SourceNatPrefix?: boolean;
  /**
   * The health check.
   * @default - see `NlbHealthCheck`: the health-check sidecar with ip targets, kube-proxy's healthCheckNodePort with
   * instance targets and Local
   */
  readonly healthCheck?: NlbHealthCheck;
  /**
   * The health-check sidecar added to the workload with ip targets (its probes, ports, image), or `false` for none.
   * Given (even `{}`), it is added whatever the ports, and the NLB checks it: with TCP_UDP ports only, it probes
   * their UDP side instead of the TCP answer on the traffic port.
   * @default - with ip targets and a UDP-only port, a sidecar probing each UDP target port with `UdpProbe.bound`,
   * answering HTTP on 10080; none when every port is TCP_UDP (the NLB checks the TCP side on the traffic port)
   */
  readonly healthSidecar?: Partial<UdpHealthCheckProps> | false;
  /**
   * The Kubernetes version: TCP and UDP in one LoadBalancer Service need 1.24 or later.
   * @default KubernetesVersion.V1_28
   */
  readonly kubernetesVersion?: KubernetesVersion;
  /**
   * The cluster's `--service-node-port-range`.
   * @default PortRange.DEFAULT_NODE_PORTS
   */
  readonly nodePortRange?: PortRange;
}

/** The Service of an NLB. */
class NlbService extends ServiceBase {
  constructor(scope: Construct, id: string, options: ServiceOptions, kubernetesVersion: KubernetesVersion) {
    super(scope, id, options);
    this.kubernetesVersion = kubernetesVersion;
  }

  public addEntry(port: ProtocolServicePort): void {
    this.addProtocolPort(port);
  }

  public disableRules(ids: readonly string[]): void {
    this.disabledRules.push(...ids);
  }
}

/**
 * Object rules the construct leaves to its prop checks, which run the same model functions and name the prop: the
 * NLB annotation checks of placement, health check and attributes, the mixed-protocol rules (UDP570 says it for a
 * TCP_UDP port), and a Service without ports (UDP530 says it for `ports`).
 */
const COVERED_BY_PROP_CHECKS = ['UDP117', 'UDP301', 'UDP302', 'UDP560', 'UDP561', 'UDP562', 'UDP563', 'UDP566', 'UDP567'];

/** Whether a port entry is an object, as a port is (untyped input may give null, a number or a list). */
function isPortObject(value: unknown): value is NlbPort {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a port list has a TCP_UDP port. */
function hasTcpUdp(ports: readonly unknown[]): boolean {
  return ports.some((p) => isPortObject(p) && p.protocol === NlbPortProtocol.TCP_UDP);
}

/** Whether a port list has a UDP-only port. */
function hasUdpOnly(ports: readonly unknown[]): boolean {
  return ports.some((p) => isPortObject(p) && (p.protocol ?? NlbPortProtocol.UDP) === NlbPortProtocol.UDP);
}

/** Whether a value is an `NlbController` (of this copy of the library, or of another one). */
function isNlbController(value: unknown): value is NlbController {
  if (value instanceof NlbController) return true;
  const c = value as Partial<NlbController> | null;
  return typeof c === 'object' && c !== null && typeof c.asProvider === 'function' && typeof c.isAtLeast === 'function'
    && (c.id === 'aws-load-balancer-controller' || c.id === 'aws-in-tree');
}

/**
 * A UDP service (and TCP+UDP pairs) behind an AWS Network Load Balancer, right by default:
 *
 * - the controller's exact annotations: `external` with ip targets, internal unless asked, cross-zone on
 *   (`load_balancing.cross_zone.enabled=true`), `externalTrafficPolicy: Local`;
 * - a health check AWS can run: with ip targets the UDP health-check sidecar joins the pods and the NLB checks it over
 *   HTTP (its readinessProbe also takes a pod with a dead UDP server out of the endpoints); with instance targets and
 *   Local, kube-proxy's healthCheckNodePort (HTTP `/healthz`);
 * - EIPs checked against the subnets and the scheme, target-group attributes and health-check ranges checked against
 *   what AWS accepts, TCP_UDP listeners only where the controller and Kubernetes build them.
 *
 * @example
 * new NlbUdpLoadBalancer(chart, 'game', {
 *   selector: gameServer,
 *   ports: [{ port: 7777 }],
 *   scheme: LoadBalancerScheme.INTERNET_FACING,
 *   subnets: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
 *   eipAllocations: ['eipalloc-0a1b2c3d4e5f60001', 'eipalloc-0a1b2c3d4e5f60002'],
 * });
 */
export class NlbUdpLoadBalancer extends Construct {
  /** The LoadBalancer Service. */
  public readonly service: ServiceBase;
  /** The health-check sidecar, when one was added. */
  public readonly healthSidecar: UdpHealthCheck | undefined;
  /** The implementation that builds the NLB. */
  public readonly controller: NlbController;
  /** How targets are registered. */
  public readonly targetType: NlbTargetType;

  private readonly props: NlbUdpLoadBalancerProps;
  private readonly kubernetesVersion: KubernetesVersion;
  /** The findings of the sidecar this construct made, named as the props that made it. */
  private readonly sidecarFindings: () => Finding[];
  /** The computed annotations, with those of ports added later. */
  private readonly computed: Record<string, string>;
  /** The ports as given, in order: those of `props.ports` (replayed through `addPort()`), then those added later. */
  private readonly given: unknown[] = [];

  constructor(scope: Construct, id: string, props: NlbUdpLoadBalancerProps) {
    super(scope, id);
    this.props = props;
    // a controller that is none (untyped input) is reported at synthesis (UDP576); the default builds meanwhile, so
    // that the construct is complete and every error is reported together
    this.controller = isNlbController(props.controller) ? props.controller : NlbController.awsLoadBalancerController();
    this.targetType = props.targetType ?? (this.controller.isInTree ? NlbTargetType.INSTANCE : NlbTargetType.IP);
    this.kubernetesVersion = KubernetesVersion.ofProp(props.kubernetesVersion);
    // ports that are not a list (untyped input) are reported at synthesis (UDP530) and add nothing
    const ports: readonly unknown[] = Array.isArray(props.ports) ? props.ports : [];

    // one sidecar per pod: a second NLB in front of the same workload is checked through the one already there
    const pod = workloadOf(props.selector);
    const existing = pod && UdpHealthCheck.of(pod.construct);
    this.healthSidecar = this.needsSidecar(ports) && pod
      ? existing ?? UdpHealthCheck.addTo(pod.construct, this.sidecarProps(ports))
      : undefined;
    // a sidecar made here from `healthSidecar` is reported here, under the prop names the user wrote
    this.sidecarFindings = this.healthSidecar && this.healthSidecar !== existing
      ? delegateFindings(this.healthSidecar, 'healthSidecar.')
      : () => [];

    this.computed = this.renderAnnotations(ports);
    const own = props.metadata?.annotations ?? {};
    const lbc = !this.controller.isInTree;
    this.service = new NlbService(this, 'Service', {
      metadata: { ...isRecord(props.metadata) ? props.metadata : {}, annotations: { ...this.computed, ...own } },
      selector: props.selector,
      type: ServiceType.LOAD_BALANCER,
      externalTrafficPolicy: props.externalTrafficPolicy ?? TrafficPolicy.LOCAL,
      // (ranges that are no list are reported here, as sourceRanges, and emit nothing)
      loadBalancerSourceRanges: Array.isArray(props.sourceRanges) ? props.sourceRanges : undefined,
      // (a value that is no boolean is reported, UDP527, and sets nothing)
      allocateLoadBalancerNodePorts: typeof props.allocateLoadBalancerNodePorts === 'boolean' ? props.allocateLoadBalancerNodePorts : undefined,
      loadBalancerClass: lbc && this.controller.useLoadBalancerClass ? AWS_LBC_LOAD_BALANCER_CLASS : undefined,
      nodePortRange: props.nodePortRange,
      provider: this.controller.asProvider(),
      hostname: props.hostname,
      ttl: props.ttl,
      externalDnsPrefix: props.externalDnsPrefix,
    }, this.kubernetesVersion);
    (this.service as NlbService).disableRules(COVERED_BY_PROP_CHECKS);
    // props replay through addPort(), as the library's constructs do: the checks read the construct's own list
    for (const port of ports) this.addPort(port as NlbPort);
    addRuleValidation(this, () => this.evaluate());
  }

  /** The Service's name. */
  public get name(): string {
    return this.service.name;
  }

  /** The annotations the construct emits (a copy). */
  public get annotations(): Readonly<Record<string, string>> {
    return { ...this.computed };
  }

  /**
   * Adds a port: a UDP entry, or a TCP and a UDP entry with the same targetPort and nodePort. A TCP_UDP port added
   * after construction gets the controller's TCP_UDP listener opt-in (and a UDP port on a dualstack NLB the IPv6
   * source-NAT prefix) as a port of the props does; the health-check sidecar probes the ports given at construction.
   */
  public addPort(port: NlbPort): void {
    this.given.push(port);
    // anything but an object (untyped input: null, a number) is reported at synthesis (UDP531) and adds no entry
    if (!isPortObject(port)) return;
    const { protocol, ...common } = port;
    const service = this.service as NlbService;
    if (protocol === NlbPortProtocol.TCP_UDP) {
      service.addEntry({ ...common, name: `${port.name ?? `p${port.port}`}-tcp`, protocol: Protocol.TCP });
      service.addEntry({ ...common, name: `${port.name ?? `p${port.port}`}-udp`, protocol: Protocol.UDP });
    } else {
      service.addEntry({ ...common, protocol: Protocol.UDP });
    }
    this.addPortAnnotations();
  }

  /** Adds the port annotations the ports now call for and the construct does not emit yet (the user's own win). */
  private addPortAnnotations(): void {
    const own = this.props.metadata?.annotations ?? {};
    for (const [key, value] of Object.entries(this.portAnnotations(this.given))) {
      if (key in this.computed) continue;
      this.computed[key] = value;
      if (!(key in own)) this.service.metadata.addAnnotation(key, value);
    }
  }

  /** The `healthSidecar` props the user gave, if any (anything that is no object is reported, UDP577). */
  private givenSidecar(): Partial<UdpHealthCheckProps> | undefined {
    const given: unknown = this.props.healthSidecar;
    return typeof given === 'object' && given !== null && !Array.isArray(given) ? given : undefined;
  }

  /**
   * The sidecar joins ip targets with UDP-only ports, or with any port when the user gave its props, unless the user
   * chose a health port or turned it off.
   */
  private needsSidecar(ports: readonly unknown[]): boolean {
    const asked = this.givenSidecar() !== undefined && ports.some(isPortObject);
    return this.targetType === NlbTargetType.IP && (hasUdpOnly(ports) || asked) && this.props.healthSidecar !== false
      && this.healthCheckGiven()?.port === undefined;
  }

  /** The `healthCheck` the user gave, if it is an object (anything else is reported, UDP501). */
  private healthCheckGiven(): NlbHealthCheck | undefined {
    const given: unknown = this.props.healthCheck;
    return typeof given === 'object' && given !== null && !Array.isArray(given) ? given : undefined;
  }

  private sidecarProps(ports: readonly unknown[]): UdpHealthCheckProps {
    const given = this.givenSidecar() ?? {};
    // the UDP ports, and the UDP side of TCP_UDP ports when there is no UDP-only port
    const udpOnly = hasUdpOnly(ports);
    const probes = given.probes ?? ports
      .filter(isPortObject)
      .filter((p) => (p.protocol ?? NlbPortProtocol.UDP) === NlbPortProtocol.UDP || !udpOnly)
      .map((p) => this.targetNumber(p))
      .filter((n): n is number => n !== undefined)
      .map((n) => UdpProbe.bound(n));
    // a TCP check needs the sidecar's TCP port, which accepts connections only while healthy (its HTTP port always does)
    const tcp = this.healthCheckGiven()?.protocol === HealthCheckProtocol.TCP;
    return { ...given, probes, tcpPort: given.tcpPort ?? (tcp ? SIDECAR_TCP_PORT : undefined) };
  }

  /** The container port number a port's targetPort means, or `undefined` for a name no container declares. */
  private targetNumber(port: NlbPort): number | undefined {
    const target = port.targetPort ?? port.port;
    if (typeof target === 'number') return target;
    const pod = workloadOf(this.props.selector);
    return pod?.servingContainers.flatMap((c) => c.ports).find((p) => p.name === target)?.number;
  }

  private healthCheckModel(): HealthCheck {
    const hc = this.healthCheckGiven() ?? {};
    // (an interval or timeout that is no Duration is reported, UDP504/UDP505, and leaves the default)
    const seconds = (value: unknown) => (isDuration(value) ? value.toSeconds({ integral: false }) : undefined);
    return {
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

  /** The health check the NLB will run, defaults applied: the sidecar, kube-proxy, or what the user gave. */
  private effectiveHealthCheck(): HealthCheck {
    const given = this.healthCheckModel();
    const local = (this.props.externalTrafficPolicy ?? TrafficPolicy.LOCAL) === TrafficPolicy.LOCAL;
    if (this.healthSidecar && given.protocol === HealthCheckProtocol.TCP && this.healthSidecar.tcpPort !== undefined) {
      return { ...given, port: this.healthSidecar.tcpPort };
    }
    if (this.healthSidecar?.httpPort !== undefined) {
      return {
        ...given,
        protocol: given.protocol ?? HealthCheckProtocol.HTTP,
        port: this.healthSidecar.httpPort,
        path: given.path ?? this.healthSidecar.healthPath,
      };
    }
    if (this.targetType === NlbTargetType.INSTANCE && local && given.port === undefined) {
      // kube-proxy answers on healthCheckNodePort, the controller's default port with Local
      return { ...given, protocol: given.protocol ?? HealthCheckProtocol.HTTP, path: given.path ?? '/healthz' };
    }
    return given;
  }

  private renderAnnotations(ports: readonly unknown[]): Record<string, string> {
    const p = this.props;
    const out: Record<string, string> = {};
    const inTree = this.controller.isInTree;
    const scheme = p.scheme ?? LoadBalancerScheme.INTERNAL;
    if (inTree) {
      out[A.TYPE] = 'nlb';
      if (scheme === LoadBalancerScheme.INTERNAL) out[A.INTERNAL] = 'true';
    } else {
      if (!this.controller.useLoadBalancerClass) out[A.TYPE] = 'external';
      out[A.TARGET_TYPE] = this.targetType;
      out[A.SCHEME] = scheme;
    }
    // (subnets that are no list are reported, UDP524, and emit nothing)
    if (Array.isArray(p.subnets) && p.subnets.length) out[A.SUBNETS] = p.subnets.join(',');
    // (allocation ids that are no list are reported, UDP523, and emit nothing)
    if (Array.isArray(p.eipAllocations) && p.eipAllocations.length) out[A.EIP_ALLOCATIONS] = p.eipAllocations.join(',');
    // a switch that is no boolean (untyped input: 'false' is truthy) is reported (UDP527) and emits nothing
    const crossZone: unknown = p.crossZone === undefined ? true : p.crossZone;
    if (inTree) {
      if (typeof crossZone === 'boolean') out[A.CROSS_ZONE] = String(crossZone);
    } else {
      const attributes: string[] = [];
      if (typeof crossZone === 'boolean') attributes.push(`load_balancing.cross_zone.enabled=${crossZone}`);
      if (p.deletionProtection === true) attributes.push('deletion_protection.enabled=true');
      if (attributes.length > 0) out[A.ATTRIBUTES] = attributes.join(',');
      const tg = formatTargetGroupAttributes(p.targetGroupAttributes);
      if (tg) out[A.TARGET_GROUP_ATTRIBUTES] = tg;
      if (p.ipAddressType === NlbIpAddressType.DUALSTACK) out[A.IP_ADDRESS_TYPE] = NlbIpAddressType.DUALSTACK;
      Object.assign(out, this.portAnnotations(ports));
    }
    const hc = this.effectiveHealthCheck();
    const put = (key: string, value: string | number | undefined) => {
      if (value !== undefined) out[key] = String(value);
    };
    put(A.HEALTHCHECK_PROTOCOL, hc.protocol?.toLowerCase());
    put(A.HEALTHCHECK_PORT, hc.port);
    put(A.HEALTHCHECK_PATH, hc.path);
    put(A.HEALTHCHECK_INTERVAL, hc.interval);
    put(A.HEALTHCHECK_TIMEOUT, hc.timeout);
    put(A.HEALTHCHECK_HEALTHY_THRESHOLD, hc.healthyThreshold);
    put(A.HEALTHCHECK_UNHEALTHY_THRESHOLD, hc.unhealthyThreshold);
    put(A.HEALTHCHECK_SUCCESS_CODES, hc.successCodes);
    return out;
  }

  /**
   * The annotations that depend on the ports (controller only): the IPv6 source-NAT prefix of a dualstack NLB with UDP
   * ports, and the TCP_UDP listener opt-in.
   */
  private portAnnotations(ports: readonly unknown[]): Record<string, string> {
    const p = this.props;
    const out: Record<string, string> = {};
    if (this.controller.isInTree) return out;
    if (p.ipAddressType === NlbIpAddressType.DUALSTACK) {
      const given: unknown = p.ipv6SourceNatPrefix;
      const prefix = given === undefined ? (hasUdpOnly(ports) || hasTcpUdp(ports) ? true : undefined) : given;
      // (a prefix that is no boolean is reported, UDP527, and emits nothing)
      if (typeof prefix === 'boolean') out[A.ENABLE_PREFIX_FOR_IPV6_SOURCE_NAT] = prefix ? 'on' : 'off';
    }
    if (hasTcpUdp(ports)) out[A.ENABLE_TCP_UDP_LISTENER] = 'true';
    return out;
  }

  /**
   * The ports: a list (UDP530) of at least one port, given or added; each an object (UDP531) whose protocol is UDP or
   * TCP_UDP (UDP575: anything else would be taken for UDP).
   */
  private portFindings(): Finding[] {
    const given: unknown = this.props.ports;
    const findings: Finding[] = [];
    if (given !== undefined && !Array.isArray(given)) {
      findings.push(findingOf(LISTENERS_REQUIRED, {
        field: 'ports',
        value: given,
        message: 'must be a list of ports',
        allowed: 'a list such as [{ port: 7777 }], each port UDP or TCP_UDP',
      }));
    } else if (this.given.length === 0) {
      findings.push(findingOf(LISTENERS_REQUIRED, {
        field: 'ports',
        value: given,
        message: 'must list at least one port',
        allowed: 'a list such as [{ port: 7777 }], or ports added with addPort()',
      }));
    }
    const allowed: readonly unknown[] = [undefined, NlbPortProtocol.UDP, NlbPortProtocol.TCP_UDP];
    this.given.forEach((port, i) => {
      if (!isPortObject(port)) {
        findings.push(findingOf(LISTENER_PORT, {
          field: `ports[${i}]`,
          value: port,
          message: 'is not a port',
          allowed: 'an object with a port number 1..65535, such as { port: 7777 }',
        }));
        return;
      }
      const protocol: unknown = port.protocol;
      if (allowed.includes(protocol)) return;
      const tcp = typeof protocol === 'string' && protocol.toUpperCase() === 'TCP';
      findings.push(findingOf(NLB_PORT_PROTOCOL, {
        field: `ports[${i}].protocol`,
        value: protocol,
        message: 'is not a protocol of an NlbUdpLoadBalancer port, and would be taken for UDP',
        allowed: 'UDP, or TCP_UDP for TCP and UDP on the same port (NlbPortProtocol)',
        hint: tcp ? 'TCP_UDP serves TCP and UDP on this port; a TCP-only port belongs on a TCP Service of its own' : undefined,
      }));
    });
    return findings;
  }

  /** UDP576: the controller is an `NlbController`; anything else would be taken for the default. */
  private controllerFindings(): Finding[] {
    const given: unknown = this.props.controller;
    if (given === undefined || isNlbController(given)) return [];
    const id = typeof given === 'string' ? given.trim().toLowerCase() : undefined;
    const hint = given instanceof LoadBalancerProvider
      ? 'a LoadBalancerProvider is the provider of UdpService and DualProtocolEndpoint; NlbUdpLoadBalancer takes an NlbController'
      : id === 'aws-load-balancer-controller' ? 'give NlbController.awsLoadBalancerController(), not its id'
        : id === 'aws-in-tree' || id === 'in-tree' ? 'give NlbController.inTree(), not its id'
          : undefined;
    return [findingOf(NLB_CONTROLLER, {
      field: 'controller',
      value: given,
      message: 'is not an NlbController',
      allowed: 'NlbController.awsLoadBalancerController() or NlbController.inTree()',
      hint,
    })];
  }

  /** The fix of UDP570, as code: the controller's version, the Kubernetes version, or the other construct. */
  private tcpUdpHint(): string | undefined {
    if (this.controller.isInTree) return 'the in-tree provider never builds TCP_UDP listeners: controller: NlbController.awsLoadBalancerController({ version: \'2.13\' })';
    if (this.kubernetesVersion.valid && !this.kubernetesVersion.isAtLeast('1.24')) return 'before Kubernetes 1.24, use DualProtocolEndpoint, which splits TCP and UDP into two Services';
    if (this.controller.version === undefined) return 'say which controller runs: controller: NlbController.awsLoadBalancerController({ version: \'2.13\' }) (or the version you run, 2.13 or later)';
    return `controller ${this.controller.version} builds no TCP_UDP listener: upgrade it to 2.13 or later and say so with controller: NlbController.awsLoadBalancerController({ version: '2.13' })`;
  }

  /** UDP501 for a health check that is no object; UDP504/UDP505 for an interval or timeout that is no Duration. */
  private healthCheckTypeFindings(): Finding[] {
    const given: unknown = this.props.healthCheck;
    if (given === undefined || given === null) return [];
    const hc = this.healthCheckGiven();
    if (!hc) return checkHealthCheck(given as HealthCheck, 'healthCheck');
    const findings: Finding[] = [];
    for (const [field, rule] of [['interval', HEALTH_CHECK_INTERVAL], ['timeout', HEALTH_CHECK_TIMEOUT]] as const) {
      const value: unknown = hc[field];
      if (value === undefined || isDuration(value)) continue;
      findings.push(findingOf(rule, {
        field: `healthCheck.${field}`,
        value,
        message: 'is not a Duration',
        allowed: `a Duration, for example Duration.seconds(${typeof value === 'number' && Number.isFinite(value) ? value : 10})`,
      }));
    }
    return findings;
  }

  private evaluate(): Finding[] {
    const p = this.props;
    const ports = this.given;
    const findings: Finding[] = [
      ...this.controllerFindings(),
      ...this.sidecarFindings(),
      ...checkPlacement({
        scheme: p.scheme,
        subnets: p.subnets,
        subnetNames: true,
        // a number is a count of Elastic IPs to the model (the Pulumi component allocates them); here, a wrong type
        eips: typeof p.eipAllocations === 'number' ? String(p.eipAllocations) : p.eipAllocations,
        eipsValue: p.eipAllocations,
        fields: { scheme: 'scheme', subnets: 'subnets', eips: 'eipAllocations' },
      }),
      ...this.healthCheckTypeFindings(),
      // the health check the NLB really gets (with the sidecar's or kube-proxy's HTTP defaults), as the user named it;
      // an interval or timeout left unset is the controller's default (10 s), not AWS's, as the linter's UDP563 says
      ...checkHealthCheck(this.effectiveHealthCheck(), 'healthCheck',
        controllerHealthCheckTiming(this.targetType, p.externalTrafficPolicy ?? TrafficPolicy.LOCAL)),
      ...checkTargetGroupAttributes(p.targetGroupAttributes, hasUdpOnly(ports) ? ['UDP'] : ['TCP_UDP']),
      // enum props re-checked at runtime: untyped input ('ipv6', 'IP', 'TCP') is reported, not silently defaulted
      ...checkTargetType(p.targetType, 'targetType'),
      ...checkIpAddressType(p.ipAddressType, 'ipAddressType'),
      // switches too: 'false' is truthy
      ...checkSwitch(p.crossZone, 'crossZone'),
      ...checkSwitch(p.deletionProtection, 'deletionProtection'),
      ...checkSwitch(p.ipv6SourceNatPrefix, 'ipv6SourceNatPrefix'),
      ...checkSwitch(p.allocateLoadBalancerNodePorts, 'allocateLoadBalancerNodePorts'),
      ...this.portFindings(),
    ];
    findings.push(...kubernetesVersionFindings(p.kubernetesVersion, this.kubernetesVersion));
    if (p.allocateLoadBalancerNodePorts === false && this.targetType === NlbTargetType.INSTANCE) {
      findings.push(findingOf(NLB_NODE_PORTS_INSTANCE, {
        field: 'allocateLoadBalancerNodePorts',
        value: false,
        message: 'leaves instance targets without the NodePorts they receive the traffic on',
        allowed: 'true or unset with instance targets; false with targetType NlbTargetType.IP',
      }));
    }
    const given = p as unknown as Record<string, unknown>;
    findings.push(...metadataFindings(given.metadata));
    if (given.sourceRanges !== undefined && !Array.isArray(given.sourceRanges)) {
      findings.push(findingOf(SERVICE_PROP_TYPE, { field: 'sourceRanges', value: given.sourceRanges, message: 'must be a list of CIDRs', allowed: 'a list such as [\'203.0.113.0/24\']' }));
    }
    const sidecarGiven: unknown = p.healthSidecar;
    if (sidecarGiven !== undefined && sidecarGiven !== false && this.givenSidecar() === undefined) {
      findings.push(findingOf(NLB_SIDECAR_PROPS, {
        field: 'healthSidecar',
        value: sidecarGiven,
        message: 'is neither the sidecar\'s props nor false',
        allowed: 'an object such as { probes: [UdpProbe.exchange(53, ...)] } or {}, or false for no sidecar',
      }));
    }
    if (hasTcpUdp(ports)) {
      const decision = decideMixedProtocol('LoadBalancer', this.kubernetesVersion, this.controller.asProvider());
      if (!decision.single) {
        const index = ports.findIndex((x) => isPortObject(x) && x.protocol === NlbPortProtocol.TCP_UDP);
        findings.push(findingOf(NLB_TCP_UDP_UNSUPPORTED, {
          field: `ports[${index}].protocol`,
          value: NlbPortProtocol.TCP_UDP,
          message: `cannot be one TCP_UDP listener: ${decision.reason}`,
          allowed: 'the AWS Load Balancer Controller 2.13 or later on Kubernetes 1.24 or later, or separate UDP and TCP endpoints (DualProtocolEndpoint)',
          hint: this.tcpUdpHint(),
        }));
      }
    }
    if (this.controller.isInTree) {
      if (this.targetType === NlbTargetType.IP) {
        findings.push(findingOf(NLB_IN_TREE_IP_TARGETS, {
          field: 'targetType',
          value: this.targetType,
          message: 'is not supported by the in-tree AWS provider, which registers instances only',
          allowed: 'NlbTargetType.INSTANCE, or NlbController.awsLoadBalancerController()',
        }));
      }
      const unsupported: Array<[string, unknown]> = [
        ['targetGroupAttributes', p.targetGroupAttributes],
        ['deletionProtection', p.deletionProtection],
        ['ipAddressType', p.ipAddressType === NlbIpAddressType.DUALSTACK ? p.ipAddressType : undefined],
        ['ipv6SourceNatPrefix', p.ipv6SourceNatPrefix],
      ];
      for (const [field, value] of unsupported) {
        if (value === undefined) continue;
        findings.push(findingOf(NLB_IN_TREE_UNSUPPORTED, {
          field,
          value,
          message: 'is not read by the in-tree AWS provider and would be silently lost',
          allowed: 'NlbController.awsLoadBalancerController(), or leave it unset',
        }));
      }
    }
    const sidecar = this.needsSidecar(ports);
    // an object that is no workload the library can adjust is UDP142, reported by the Service
    if (sidecar && !workloadOf(p.selector) && recognizeSelection(p.selector).kind !== 'unsupported') {
      findings.push(findingOf(NLB_SIDECAR_WORKLOAD, {
        field: 'selector',
        value: recognizeSelection(p.selector).kind === 'labels' ? p.selector : describeValue(p.selector),
        message: 'is not a cdk8s-plus pod controller, so the health-check sidecar cannot join the pods the NLB checks',
        allowed: 'a cdk8s-plus Deployment, StatefulSet, DaemonSet or Pod; or healthCheck.port of your own, or healthSidecar: false with a health port',
      }));
    }
    if (sidecar && workloadOf(p.selector) && !this.givenSidecar()?.probes) {
      ports.forEach((port, i) => {
        if (!isPortObject(port)) return;
        if ((port.protocol ?? NlbPortProtocol.UDP) !== NlbPortProtocol.UDP || this.targetNumber(port) !== undefined) return;
        findings.push(findingOf(NLB_SIDECAR_TARGET_PORT, {
          field: `ports[${i}].targetPort`,
          value: port.targetPort,
          message: 'names no container port of the workload, so the sidecar cannot probe it',
          allowed: 'a port number, a name a container declares, or healthSidecar.probes of your own',
        }));
      });
    }
    return findings;
  }
}

/** The workload the library adjusts behind `selector`, if it is one. */
function workloadOf(selector: PodSelection | undefined): Workload | undefined {
  if (selector === undefined) return undefined;
  const selection = recognizeSelection(selector);
  return selection.kind === 'workload' ? selection.workload : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
