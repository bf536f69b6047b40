import { Construct } from 'constructs';
import { ServiceBase, ServiceOptions } from './service-base';
import { ServiceType, TrafficPolicy } from './service-type';
import { Protocol } from '../model/protocol';
import { Finding } from '../rules/finding';
import { findingOf } from '../rules/rule';
import { HEALTH_NODE_PORT_TYPE } from '../rules/service-values';

/**
 * A TCP NodePort on which a load balancer outside the cluster health-checks the pods of a UDP endpoint (an NLB, or
 * any load balancer that targets NodePorts). It is a Service of its own, with the UDP endpoint's selector and
 * `externalTrafficPolicy`: with `Local` a node without a ready pod fails the check, as it drops the UDP traffic too.
 */
export interface HealthNodePortOptions {
  /**
   * The container port that answers the health check: a number, or the name of a container port.
   * @default 'udp-health' (the HTTP port of the UDP health-check sidecar, `UdpHealthCheck`)
   */
  readonly targetPort?: number | string;
  /**
   * The Service port.
   * @default - `targetPort` when it is a number, else 10080
   */
  readonly port?: number;
  /**
   * The NodePort the load balancer checks, in the cluster's NodePort range. Pin it when the load balancer is managed
   * elsewhere (`pinNodePorts`).
   * @default - allocated by the cluster
   */
  readonly nodePort?: number;
}

/** The health Service of a UDP endpoint. */
export class HealthNodePortService extends ServiceBase {
  /** The type of the Service whose pods it vouches for. */
  private readonly askedType: ServiceType;

  /**
   * @param scope the UDP endpoint
   * @param id the construct id
   * @param of the options of the UDP endpoint's Service: its name, namespace, selector, traffic policy and range
   * @param health where the pods answer health checks
   */
  constructor(scope: Construct, id: string, of: ServiceOptions, private readonly health: HealthNodePortOptions) {
    const name = of.metadata?.name;
    super(scope, id, {
      metadata: { namespace: of.metadata?.namespace, labels: of.metadata?.labels, name: name && `${name}-health` },
      selector: of.selector,
      type: ServiceType.NODE_PORT,
      // the point: the same policy as the Service whose pods it vouches for
      externalTrafficPolicy: of.externalTrafficPolicy,
      nodePortRange: of.nodePortRange,
    });
    this.askedType = of.type ?? ServiceType.CLUSTER_IP;
    const target = health.targetPort ?? 'udp-health';
    this.addProtocolPort({
      name: 'health',
      port: health.port ?? (typeof target === 'number' ? target : 10080),
      targetPort: target,
      nodePort: health.nodePort,
      protocol: Protocol.TCP,
    });
  }

  /** The NodePort, when pinned. */
  public get nodePort(): number | undefined {
    return this.health.nodePort;
  }

  /** The traffic policy it shares with the UDP endpoint. */
  public get trafficPolicy(): TrafficPolicy | undefined {
    return this.options.externalTrafficPolicy;
  }

  protected valueFindings(): Finding[] {
    const findings = super.valueFindings();
    if (this.askedType !== ServiceType.NODE_PORT && this.askedType !== ServiceType.LOAD_BALANCER) {
      findings.push(findingOf(HEALTH_NODE_PORT_TYPE, {
        field: 'healthNodePort',
        value: this.health,
        message: `is a NodePort for a load balancer outside the cluster, but the Service is ${this.askedType}`,
        allowed: 'type NodePort or LoadBalancer, whose nodes the load balancer reaches',
      }));
    }
    return findings;
  }
}
