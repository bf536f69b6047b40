/**
 * Gateway API (L4): the API group and versions of the objects, and the implementations of Gateways with what each
 * supports. The facts carry their sources; the rules and the gateway constructs read them from here.
 */

import { compareReleases, isRelease } from './kubernetes-version';
import { Sources } from '../core/sources';

const GatewaySources = Sources;

/** The Gateway API group. */
export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';

/** The AWS Load Balancer Controller's Gateway parameters group (LoadBalancerConfiguration, TargetGroupConfiguration). */
export const AWS_GATEWAY_GROUP = 'gateway.k8s.aws';

/** The route kinds of L4 Gateway API. */
export enum L4RouteKind {
  /** `UDPRoute`. */
  UDP = 'UDPRoute',
  /** `TCPRoute`. */
  TCP = 'TCPRoute',
}

/** The route kinds of L7 Gateway API (an AWS NLB gateway takes none of them). */
export const L7_ROUTE_KINDS: readonly string[] = ['HTTPRoute', 'GRPCRoute'];

/** The API version of UDPRoute and TCPRoute objects, as the cluster's Gateway API CRDs serve them. */
export enum RouteApiVersion {
  /**
   * `gateway.networking.k8s.io/v1`: Gateway API 1.6 or later, standard channel (or experimental 1.6+). A v1 route has
   * exactly one rule with 1-16 backendRefs.
   */
  V1 = 'v1',
  /**
   * `gateway.networking.k8s.io/v1alpha2`: the experimental channel before 1.6 (deprecated from 1.6 and served by the
   * experimental channel only; never by the standard channel).
   */
  V1ALPHA2 = 'v1alpha2',
}

/** Which Gateway API CRDs a cluster has installed. */
export enum GatewayApiChannel {
  /** The standard channel: TCPRoute and UDPRoute `v1` only (from 1.6 on). */
  STANDARD = 'standard',
  /** The experimental channel: `v1alpha2` routes (and `v1` from 1.6 on). */
  EXPERIMENTAL = 'experimental',
}


/** Options of the AWS Load Balancer Controller's NLB gateway. */
export interface AwsGatewayControllerOptions {
  /**
   * The controller's version, such as `"3.5"`: TCP and UDP listeners of one port become one TCP_UDP listener from 2.17
   * on, and 3.5 reads `v1` routes (earlier releases `v1alpha2`).
   * @default - unknown: neither is checked
   */
  readonly version?: string;
}

/** The first AWS Load Balancer Controller release that merges TCP and UDP listeners of one port into TCP_UDP. */
export const AWS_GATEWAY_TCP_UDP_VERSION = '2.17.0';
/** The first AWS Load Balancer Controller release that reads `v1` TCPRoute and UDPRoute. */
export const AWS_GATEWAY_V1_ROUTES_VERSION = '3.5.0';

/** Options of a Gateway implementation not known to the library. */
export interface GenericGatewayImplementationOptions {
  /** The `spec.controllerName` of its GatewayClass, such as `example.com/gateway-controller`. */
  readonly controllerName: string;
  /**
   * Whether it implements UDPRoute.
   * @default true
   */
  readonly udp?: boolean;
  /**
   * Whether it implements TCPRoute.
   * @default true
   */
  readonly tcp?: boolean;
}

interface ImplementationFacts {
  readonly id: string;
  readonly displayName: string;
  readonly controllerName: string;
  readonly udp: boolean;
  readonly tcp: boolean;
  readonly note?: string;
  readonly version?: string;
  readonly sources: readonly string[];
}

/**
 * A Gateway API implementation: the `controllerName` of its GatewayClass and whether it implements UDPRoute and
 * TCPRoute, each fact with its source.
 */
export class GatewayImplementation {
  /**
   * The AWS Load Balancer Controller's NLB gateway (`gateway.k8s.aws/nlb`): one NLB per Gateway; UDPRoute and TCPRoute
   * from controller 2.13.3, v1 routes from 3.5.0; NLB settings in LoadBalancerConfiguration and
   * TargetGroupConfiguration; no L7 routes on the same Gateway.
   */
  public static awsLoadBalancerController(options: AwsGatewayControllerOptions = {}): GatewayImplementation {
    return new GatewayImplementation({
      version: options.version,
      id: 'aws-load-balancer-controller',
      displayName: 'the AWS Load Balancer Controller (NLB gateway)',
      controllerName: 'gateway.k8s.aws/nlb',
      udp: true,
      tcp: true,
      note: 'one NLB per Gateway; UDPRoute and TCPRoute from controller 2.13.3; v1 routes from 3.5.0',
      sources: [GatewaySources.AWS_L4_GATEWAY, GatewaySources.AWS_GATEWAY],
    });
  }

  /** Envoy Gateway (`gateway.envoyproxy.io/gatewayclass-controller`): UDPRoute and TCPRoute; the backends see Envoy's address, not the client's. */
  public static envoyGateway(): GatewayImplementation {
    return new GatewayImplementation({
      id: 'envoy-gateway',
      displayName: 'Envoy Gateway',
      controllerName: 'gateway.envoyproxy.io/gatewayclass-controller',
      udp: true,
      tcp: true,
      note: 'a proxy: backends see the address of Envoy, not the client\'s',
      sources: [GatewaySources.ENVOY_GATEWAY],
    });
  }

  /** Cilium (`io.cilium/gateway-controller`): UDPRoute from Cilium 1.20, TCPRoute. */
  public static cilium(): GatewayImplementation {
    return new GatewayImplementation({
      id: 'cilium',
      displayName: 'Cilium',
      controllerName: 'io.cilium/gateway-controller',
      udp: true,
      tcp: true,
      note: 'UDPRoute from Cilium 1.20',
      sources: [GatewaySources.CONFORMANCE_V1_6, GatewaySources.CILIUM],
    });
  }

  /** NGINX Gateway Fabric (`gateway.nginx.org/nginx-gateway-controller`): UDPRoute and TCPRoute with its experimental features on. */
  public static nginxGatewayFabric(): GatewayImplementation {
    return new GatewayImplementation({
      id: 'nginx-gateway-fabric',
      displayName: 'NGINX Gateway Fabric',
      controllerName: 'gateway.nginx.org/nginx-gateway-controller',
      udp: true,
      tcp: true,
      note: 'UDPRoute and TCPRoute need its experimental features enabled',
      sources: [GatewaySources.NGINX_GATEWAY_FABRIC],
    });
  }

  /** Kong Ingress Controller (`konghq.com/kic-gateway-controller`): UDPRoute and TCPRoute. */
  public static kong(): GatewayImplementation {
    return new GatewayImplementation({
      id: 'kong',
      displayName: 'Kong Ingress Controller',
      controllerName: 'konghq.com/kic-gateway-controller',
      udp: true,
      tcp: true,
      sources: [GatewaySources.KONG],
    });
  }

  /** Istio (`istio.io/gateway-controller`): TCPRoute only, no UDPRoute. */
  public static istio(): GatewayImplementation {
    return new GatewayImplementation({
      id: 'istio',
      displayName: 'Istio',
      controllerName: 'istio.io/gateway-controller',
      udp: false,
      tcp: true,
      sources: [GatewaySources.CONFORMANCE_V1_6, GatewaySources.ISTIO],
    });
  }

  /** Traefik (`traefik.io/gateway-controller`): TCPRoute only, no UDPRoute. */
  public static traefik(): GatewayImplementation {
    return new GatewayImplementation({
      id: 'traefik',
      displayName: 'Traefik',
      controllerName: 'traefik.io/gateway-controller',
      udp: false,
      tcp: true,
      sources: [GatewaySources.TRAEFIK],
    });
  }

  /** kgateway (`kgateway.dev/kgateway`): TCPRoute only, no UDPRoute. */
  public static kgateway(): GatewayImplementation {
    return new GatewayImplementation({
      id: 'kgateway',
      displayName: 'kgateway',
      controllerName: 'kgateway.dev/kgateway',
      udp: false,
      tcp: true,
      sources: [GatewaySources.CONFORMANCE_V1_6, GatewaySources.KGATEWAY],
    });
  }

  /** An implementation the library does not know: its controllerName and what it supports, as you state them. */
  public static generic(options: GenericGatewayImplementationOptions): GatewayImplementation {
    return new GatewayImplementation({
      id: 'generic',
      displayName: `the Gateway controller ${options.controllerName}`,
      controllerName: options.controllerName,
      udp: options.udp ?? true,
      tcp: options.tcp ?? true,
      sources: [],
    });
  }

  /** Every implementation the library knows, by controllerName. */
  public static known(): GatewayImplementation[] {
    return [
      GatewayImplementation.awsLoadBalancerController(), GatewayImplementation.envoyGateway(), GatewayImplementation.cilium(),
      GatewayImplementation.nginxGatewayFabric(), GatewayImplementation.kong(), GatewayImplementation.istio(),
      GatewayImplementation.traefik(), GatewayImplementation.kgateway(),
    ];
  }

  /** The implementation of a GatewayClass `controllerName`, or `undefined` when the library does not know it. */
  public static fromControllerName(controllerName: string): GatewayImplementation | undefined {
    return GatewayImplementation.known().find((i) => i.controllerName === controllerName);
  }

  /** Whether a value is a `GatewayImplementation` (of this copy of the library or another). */
  public static isImplementation(value: unknown): value is GatewayImplementation {
    return typeof value === 'object' && value !== null && typeof (value as GatewayImplementation).controllerName === 'string'
      && typeof (value as GatewayImplementation).supportsUdp === 'boolean';
  }

  /** A stable id: `aws-load-balancer-controller`, `envoy-gateway`, ..., `generic`. */
  public readonly id: string;
  /** The name to show users. */
  public readonly displayName: string;
  /** The `spec.controllerName` of its GatewayClass. */
  public readonly controllerName: string;
  /** Whether it implements UDPRoute. */
  public readonly supportsUdp: boolean;
  /** Whether it implements TCPRoute. */
  public readonly supportsTcp: boolean;
  /** What else to know, in one line, or `undefined`. */
  public readonly note?: string;
  /** Where the facts come from. */
  public readonly sources: readonly string[];
  /** The implementation's version, when given (the AWS Load Balancer Controller's). */
  public readonly version?: string;

  private constructor(facts: ImplementationFacts) {
    this.id = facts.id;
    this.displayName = facts.displayName;
    this.controllerName = facts.controllerName;
    this.supportsUdp = facts.udp;
    this.supportsTcp = facts.tcp;
    this.note = facts.note;
    this.sources = facts.sources;
    this.version = facts.version;
  }

  /** Whether the version is known and older than `release`. */
  public isOlderThan(release: string): boolean {
    return this.version !== undefined && isRelease(this.version) && compareReleases(this.version, release) < 0;
  }

  /** Whether it implements routes of `kind`. */
  public supports(kind: L4RouteKind): boolean {
    return kind === L4RouteKind.UDP ? this.supportsUdp : this.supportsTcp;
  }

  /** Whether it is the AWS Load Balancer Controller's NLB gateway. */
  public get isAwsNlb(): boolean {
    return this.controllerName === 'gateway.k8s.aws/nlb';
  }
}
