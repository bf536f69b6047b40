import { Construct } from 'constructs';
import { HealthNodePortOptions, HealthNodePortService } from './health-node-port';
import { ServiceBase, ServiceOptions, ServicePortOptions } from './service-base';
import { networkPolicyFor, UdpNetworkPolicy, UdpNetworkPolicyOptions } from './udp-network-policy';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';
import { Protocol } from '../model/protocol';

/** A UDP port of a `UdpService`. */
export interface UdpServicePort extends ServicePortOptions {}

/** Props of a `UdpService`. */
export interface UdpServiceProps extends ServiceOptions {
  /**
   * The UDP ports. More can be added with `addPort()`.
   * @default - none: add them with `addPort()`
   */
  readonly ports?: UdpServicePort[];
  /**
   * A TCP NodePort on which a load balancer outside the cluster health-checks these pods (for example an NLB that
   * targets the NodePorts): a Service `<name>-health` with this Service's selector and `externalTrafficPolicy`, so
   * that with `Local` a node without a ready pod fails the check as it drops the UDP traffic. NodePort and
   * LoadBalancer Services only (UDP144).
   * @default - none
   */
  readonly healthNodePort?: HealthNodePortOptions;
  /**
   * An ingress NetworkPolicy (`networking.k8s.io/v1`) for the pods: the UDP ports with `protocol: UDP`, from the peers
   * of `from`, and the health NodePort's target port from `nodeCidrs` when `healthNodePort` is set (`UdpNetworkPolicy`).
   * @default - none: no NetworkPolicy is written
   */
  readonly networkPolicy?: UdpNetworkPolicyOptions;
}

/**
 * A Kubernetes Service whose ports are all UDP, valid for the API server by construction.
 *
 * - Every port says `protocol: UDP` (the API's default is TCP).
 * - Every field of the 1.28 Service API that matters for UDP can be set: traffic policies, ClientIP session
 *   affinity, load-balancer class and source ranges, IP families, headless.
 * - A cdk8s-plus workload given as `selector` is made right for UDP: its targeted container ports are declared UDP
 *   and the TCP startup probe cdk8s-plus derives from `portNumber` is removed from UDP-only containers.
 * - At synthesis the rule engine checks the Service (and the workload): errors fail `cdk8s synth` with
 *   `[UDPxxx] path: field value: what is wrong (what is allowed; source)`; warnings are printed.
 *
 * @example
 * const dns = new kplus.Deployment(chart, 'coredns', {
 *   containers: [{ image: 'coredns/coredns:1.11.1', portNumber: 53 }],
 * });
 * new UdpService(chart, 'dns', {
 *   selector: dns,
 *   type: ServiceType.NODE_PORT,
 *   ports: [{ port: 53, nodePort: 30053 }],
 * });
 */
export class UdpService extends ServiceBase {
  /** The health NodePort Service (`healthNodePort`), when asked for. */
  public readonly healthService?: ServiceBase;
  /** The ingress NetworkPolicy (`networkPolicy`), when asked for. */
  public readonly networkPolicy?: UdpNetworkPolicy;

  private readonly props: UdpServiceProps;

  constructor(scope: Construct, id: string, props: UdpServiceProps = {}) {
    super(scope, id, props);
    this.props = props;
    // (ports that are no list, or a health NodePort that is no object, from untyped input: UDP146, and nothing made)
    for (const port of Array.isArray(props.ports) ? props.ports : []) this.addPort(port);
    this.applyProvider({ protocols: [Protocol.UDP], split: false, endpointName: id });
    if (isObject(props.healthNodePort)) this.healthService = new HealthNodePortService(this, 'health', props, props.healthNodePort);
    // (a policy that is no object, from untyped input: UDP146, and nothing made)
    if (isObject(props.networkPolicy)) {
      const health: Array<number | string> = isObject(props.healthNodePort) ? [(props.healthNodePort as HealthNodePortOptions).targetPort ?? 'udp-health'] : [];
      this.networkPolicy = networkPolicyFor(this, props.networkPolicy, [this], () => health);
    }
  }

  /** The ports, in order (a copy). */
  public get ports(): UdpServicePort[] {
    return this.entries.map(({ protocol: _protocol, ...port }) => port);
  }

  protected valueFindings(): Finding[] {
    const findings = super.valueFindings();
    const { ports, healthNodePort, networkPolicy } = this.props as Record<string, unknown>;
    if (ports !== undefined && !Array.isArray(ports)) {
      findings.push(findingOf(RULES.UDP146, { field: 'ports', value: ports, message: 'must be a list of ports', allowed: 'a list such as [{ port: 53 }]' }));
    }
    if (healthNodePort !== undefined && !isObject(healthNodePort)) {
      findings.push(findingOf(RULES.UDP146, {
        field: 'healthNodePort', value: healthNodePort, message: 'must be an object', allowed: 'an object such as { nodePort: 30080 }',
      }));
    }
    if (networkPolicy !== undefined && !isObject(networkPolicy)) {
      findings.push(findingOf(RULES.UDP146, {
        field: 'networkPolicy', value: networkPolicy, message: 'must be an object', allowed: 'an object such as { from: [NetworkPolicyPeer.namespace(\'clients\')] }',
      }));
    }
    return findings;
  }

  /** Adds a UDP port. */
  public addPort(port: UdpServicePort): void {
    this.addProtocolPort({ ...port, protocol: Protocol.UDP });
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
