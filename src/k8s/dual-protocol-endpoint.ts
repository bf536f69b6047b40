import { Construct } from 'constructs';
import { DualProtocolDns, DualProtocolDnsOptions, splitHostnameFindings } from './dual-protocol-dns';
import { HealthNodePortOptions, HealthNodePortService } from './health-node-port';
import { metadataFindings, metadataProp } from './metadata';
import { providerFindingsOf } from './provider-findings';
import { ProtocolServicePort, ServiceBase, ServiceOptions, ServicePortOptions } from './service-base';
import { ServiceType } from './service-type';
import { networkPolicyFor, UdpNetworkPolicy, UdpNetworkPolicyOptions } from './udp-network-policy';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';
import { KubernetesVersion, kubernetesVersionFindings } from '../model/kubernetes-version';
import { decideMixedProtocol, LoadBalancerProvider } from '../model/load-balancer-provider';
import { Protocol } from '../model/protocol';
import { addRuleValidation } from '../validation/rule-validation';

/** How an endpoint's TCP and UDP are laid out in Services. */
export enum MixedProtocolMode {
  /** One Service when the Kubernetes version and the provider both support it, else two. */
  AUTO = 'auto',
  /** One Service carrying both protocols; an error at synthesis when the cluster cannot. */
  SINGLE = 'single',
  /** Two Services, `<name>-tcp` and `<name>-udp`, one protocol each. */
  SPLIT = 'split',
}

/** A port served on both TCP and UDP. */
export interface DualProtocolPort extends ServicePortOptions {
  /**
   * The nodePort of the TCP Service when the endpoint is split. NodePorts are allocated cluster-wide whatever the
   * protocol, so two Services cannot share one: `nodePort` pins the UDP Service's, `tcpNodePort` the TCP Service's.
   * In a single Service both entries share `nodePort`.
   * @default - allocated by the cluster
   */
  readonly tcpNodePort?: number;
}

/** Props of a `DualProtocolEndpoint`. */
export interface DualProtocolEndpointProps extends ServiceOptions {
  /**
   * The ports, each served on TCP and UDP. More can be added with `addPort()`.
   * @default - none
   */
  readonly ports?: DualProtocolPort[];
  /**
   * The Kubernetes version of the cluster: LoadBalancer Services carry TCP and UDP together from 1.24 on.
   * @default KubernetesVersion.V1_28
   */
  readonly kubernetesVersion?: KubernetesVersion;
  /**
   * One Service or two.
   * @default MixedProtocolMode.AUTO
   */
  readonly mixedProtocol?: MixedProtocolMode;
  /**
   * SRV records `_<service>._udp.<domain>` and `_<service>._tcp.<domain>` (ExternalDNS DNSEndpoint objects) and the
   * hostnames they point at, published on the Services: one hostname when the endpoint is one Service or its two
   * Services share an address, else `udp.<hostname>` on the UDP Service and `tcp.<hostname>` on the TCP Service.
   * @default - no SRV records
   */
  readonly dns?: DualProtocolDnsOptions;
  /**
   * A TCP NodePort on which a load balancer outside the cluster health-checks these pods: a Service `<name>-health`
   * with the endpoint's selector and `externalTrafficPolicy` (see `UdpServiceProps.healthNodePort`). NodePort and
   * LoadBalancer endpoints only (UDP144).
   * @default - none
   */
  readonly healthNodePort?: HealthNodePortOptions;
  /**
   * An ingress NetworkPolicy (`networking.k8s.io/v1`) for the pods: every port on TCP and on UDP with explicit
   * protocols, from the peers of `from`, and the health NodePort's target port from `nodeCidrs` when `healthNodePort`
   * is set (`UdpNetworkPolicy`). One policy, named `<name>-ingress`, whether the endpoint is one Service or two.
   * @default - none: no NetworkPolicy is written
   */
  readonly networkPolicy?: UdpNetworkPolicyOptions;
}

/** One of the endpoint's addresses, for DNS (SRV records point clients at each). */
export interface ProtocolEndpoint {
  /** The protocol. */
  readonly protocol: Protocol;
  /** The Service that carries it. */
  readonly service: ServiceBase;
}

/** A Service of an endpoint: any protocol. */
class EndpointService extends ServiceBase {
  constructor(scope: Construct, id: string, options: ServiceOptions, kubernetesVersion: KubernetesVersion) {
    // the endpoint reports its provider and DNS options once, for both Services
    super(scope, id, options, { kubernetesVersion, reportsProviderOptions: false, reportsExternalDnsOptions: false });
  }

  public addEntry(port: ProtocolServicePort): void {
    this.addProtocolPort(port);
  }

  public applyRole(protocols: Protocol[], split: boolean, endpointName: string): void {
    this.applyProvider({ protocols, split, endpointName });
  }
}

/**
 * One port (or several) served on both TCP and UDP, as the Services the cluster can really carry: DNS, Kerberos,
 * SIP, TURN, QUIC.
 *
 * Whether one LoadBalancer Service may carry both protocols depends on the Kubernetes version (MixedProtocolLBService:
 * on by default from 1.24) and on the load balancer (`provider`). With `MixedProtocolMode.AUTO` the endpoint is one
 * Service when both allow it, and otherwise two, `<name>-tcp` and `<name>-udp`, with the same selector and, where the
 * provider can, one shared address. Non-LoadBalancer endpoints are always one Service.
 *
 * Apply the single-Service form with `kubectl apply --server-side`: client-side apply merges Service ports by port
 * number alone and can lose one protocol of a pair (kubernetes #105610).
 *
 * @example
 * new DualProtocolEndpoint(chart, 'dns', {
 *   metadata: { name: 'dns' },
 *   selector: coredns,
 *   type: ServiceType.LOAD_BALANCER,
 *   provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
 *   ports: [{ name: 'dns', port: 53 }],
 * });
 */
export class DualProtocolEndpoint extends Construct {
  /** Whether the endpoint is two Services. */
  public readonly split: boolean;
  /** The health NodePort Service (`healthNodePort`), when asked for. */
  public readonly healthService?: ServiceBase;
  /** Why it is (or is not) split, in one line. */
  public readonly reason: string;
  /** The Kubernetes version it was laid out for. */
  public readonly kubernetesVersion: KubernetesVersion;
  /** The load-balancer implementation it was laid out for. */
  public readonly provider: LoadBalancerProvider | undefined;
  /** The SRV records and hostnames of `dns`, or `undefined` without it. */
  public readonly dns: DualProtocolDns | undefined;
  /** The ingress NetworkPolicy (`networkPolicy`), when asked for. */
  public readonly networkPolicy?: UdpNetworkPolicy;

  private readonly tcp: EndpointService;
  private readonly udp: EndpointService;
  private readonly _ports: DualProtocolPort[] = [];
  private readonly props: DualProtocolEndpointProps;

  constructor(scope: Construct, id: string, props: DualProtocolEndpointProps = {}) {
    super(scope, id);
    this.props = props;
    this.kubernetesVersion = KubernetesVersion.ofProp(props.kubernetesVersion);
    // a provider that is none (untyped input) is reported by the Service (UDP143) and decides nothing
    this.provider = LoadBalancerProvider.isProvider(props.provider) ? props.provider : undefined;
    const type = props.type ?? ServiceType.CLUSTER_IP;
    const decision = decideMixedProtocol(type, this.kubernetesVersion, this.provider);
    // (a mode that is none, from untyped input, is reported as UDP146 and taken for AUTO)
    const mode = Object.values(MixedProtocolMode).includes(props.mixedProtocol as MixedProtocolMode) ? props.mixedProtocol! : MixedProtocolMode.AUTO;
    this.split = mode === MixedProtocolMode.SPLIT || (mode === MixedProtocolMode.AUTO && !decision.single);
    this.reason = mode === MixedProtocolMode.SPLIT
      ? 'split as asked (MixedProtocolMode.SPLIT)'
      : mode === MixedProtocolMode.SINGLE && !decision.single ? `one Service as asked, but ${decision.reason}` : decision.reason;

    const metadata = metadataProp(props.metadata);
    const name = metadata?.name;
    if (this.split) {
      this.tcp = new EndpointService(this, 'tcp', { ...props, metadata: { ...metadata, name: name && `${name}-tcp` } }, this.kubernetesVersion);
      this.udp = new EndpointService(this, 'udp', { ...props, metadata: { ...metadata, name: name && `${name}-udp` } }, this.kubernetesVersion);
      this.tcp.applyRole([Protocol.TCP], true, name ?? id);
      this.udp.applyRole([Protocol.UDP], true, name ?? id);
    } else {
      this.tcp = this.udp = new EndpointService(this, 'service', { ...props, metadata }, this.kubernetesVersion);
      this.udp.applyRole([Protocol.TCP, Protocol.UDP], false, name ?? id);
    }
    this.dns = props.dns ? new DualProtocolDns(this, props.dns, props.metadata) : undefined;
    // (ports that are no list, or a health NodePort that is no object, from untyped input: UDP146, and nothing made)
    for (const port of Array.isArray(props.ports) ? props.ports : []) this.addPort(port);
    if (isRecord(props.healthNodePort)) {
      this.healthService = new HealthNodePortService(this, 'health', { ...props, metadata }, props.healthNodePort);
    }
    // (a policy that is no object, from untyped input: UDP146, and nothing made)
    if (isRecord(props.networkPolicy)) {
      const health: Array<number | string> = isRecord(props.healthNodePort) ? [(props.healthNodePort as HealthNodePortOptions).targetPort ?? 'udp-health'] : [];
      this.networkPolicy = networkPolicyFor(this, props.networkPolicy, this.services, () => health, name && `${name}-ingress`);
    }
    addRuleValidation(this, () => this.evaluate(decision.single, mode));
  }

  /** The Services: one, or the TCP and the UDP Service when split. */
  public get services(): ServiceBase[] {
    return this.split ? [this.tcp, this.udp] : [this.udp];
  }

  /** The Service that carries `protocol`. */
  public serviceFor(protocol: Protocol.TCP | Protocol.UDP): ServiceBase {
    return protocol === Protocol.TCP ? this.tcp : this.udp;
  }

  /** Which Service serves which protocol. */
  public get endpoints(): ProtocolEndpoint[] {
    return [{ protocol: Protocol.TCP, service: this.tcp }, { protocol: Protocol.UDP, service: this.udp }];
  }

  /**
   * How the two Services of a split endpoint share one address (for example `the MetalLB sharing key "dns"`), or
   * `undefined` when they get an address each (AWS) or the endpoint is one Service.
   */
  public get sharedAddress(): string | undefined {
    if (!this.split || (this.props.type ?? ServiceType.CLUSTER_IP) !== ServiceType.LOAD_BALANCER) return undefined;
    return this.provider?.sharedAddress(this.props.metadata?.name ?? this.node.id);
  }

  /** The ports (a copy). */
  public get ports(): DualProtocolPort[] {
    return [...this._ports];
  }

  /** Adds a port served on TCP and UDP: to both entries of the one Service, or to each Service when split. */
  public addPort(port: DualProtocolPort): void {
    this._ports.push(port);
    this.dns?.portAdded(port.port);
    const { tcpNodePort, ...common } = port;
    if (this.split) {
      this.tcp.addEntry({ ...common, nodePort: tcpNodePort, protocol: Protocol.TCP });
      this.udp.addEntry({ ...common, protocol: Protocol.UDP });
    } else {
      // one Service holds two entries per port, and every entry of a multi-port Service needs a unique name
      const base = port.name;
      this.udp.addEntry({ ...common, name: base ? `${base}-tcp` : `tcp-${port.port}`, protocol: Protocol.TCP });
      this.udp.addEntry({ ...common, name: base ? `${base}-udp` : `udp-${port.port}`, protocol: Protocol.UDP });
    }
  }

  private evaluate(singleSupported: boolean, mode: MixedProtocolMode): Finding[] {
    const findings: Finding[] = [
      ...kubernetesVersionFindings(this.props.kubernetesVersion, this.kubernetesVersion),
      ...metadataFindings(this.props.metadata),
    ];
    const given = this.props as unknown as Record<string, unknown>;
    const wrong = (field: string, message: string, allowed: string) => findingOf(RULES.UDP146, { field, value: given[field], message, allowed });
    if (given.ports !== undefined && !Array.isArray(given.ports)) findings.push(wrong('ports', 'must be a list of ports', 'a list such as [{ name: \'dns\', port: 53 }]'));
    if (given.healthNodePort !== undefined && !isRecord(given.healthNodePort)) findings.push(wrong('healthNodePort', 'must be an object', 'an object such as { nodePort: 30080 }'));
    if (given.networkPolicy !== undefined && !isRecord(given.networkPolicy)) findings.push(wrong('networkPolicy', 'must be an object', 'an object such as { from: [NetworkPolicyPeer.namespace(\'clients\')] }'));
    if (given.mixedProtocol !== undefined && !Object.values(MixedProtocolMode).includes(given.mixedProtocol as MixedProtocolMode)) {
      findings.push(wrong('mixedProtocol', 'is not a MixedProtocolMode', 'MixedProtocolMode.AUTO, SINGLE or SPLIT'));
    }
    if (mode === MixedProtocolMode.SINGLE && !singleSupported) {
      findings.push(findingOf(RULES.UDP311, {
        field: 'mixedProtocol',
        value: mode,
        message: `cannot be one Service: ${this.reason.replace(/^one Service as asked, but /, '')}`,
        allowed: 'MixedProtocolMode.AUTO or SPLIT (two Services, <name>-tcp and <name>-udp), or a version and provider that support it',
      }));
    }
    this._ports.forEach((port, i) => {
      if (!this.split && port.tcpNodePort !== undefined) {
        findings.push(findingOf(RULES.UDP314, {
          field: `ports[${i}].tcpNodePort`,
          value: port.tcpNodePort,
          message: 'applies to a split endpoint only: this endpoint is one Service, whose TCP and UDP entries share nodePort',
          allowed: 'nodePort alone',
        }));
      }
    });
    findings.push(...providerFindingsOf(this.props.provider));
    findings.push(...this.udp.externalDns.findings(this.udp.type), ...splitHostnameFindings(this, this.props.hostname));
    findings.push(...(this.dns?.findings() ?? []));
    return findings;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
