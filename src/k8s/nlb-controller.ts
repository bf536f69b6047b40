import { compareReleases, isRelease } from '../model/kubernetes-version';
import { LoadBalancerProvider } from '../model/load-balancer-provider';

/** Options of the AWS Load Balancer Controller as an NLB builder. */
export interface NlbLoadBalancerControllerOptions {
  /**
   * The controller's version, such as `"2.13"`: TCP_UDP listeners need 2.13 or later.
   * @default - unknown: TCP_UDP ports are refused (state the version)
   */
  readonly version?: string;
  /**
   * Select the controller with `spec.loadBalancerClass: service.k8s.aws/nlb` instead of the
   * `aws-load-balancer-type: external` annotation.
   * @default false
   */
  readonly useLoadBalancerClass?: boolean;
}

/**
 * Which implementation builds the Network Load Balancer of an `NlbUdpLoadBalancer`; each gets only the annotations
 * it reads.
 */
export class NlbController {
  /** The AWS Load Balancer Controller (v2.x), the recommended one. */
  public static awsLoadBalancerController(options: NlbLoadBalancerControllerOptions = {}): NlbController {
    return new NlbController('aws-load-balancer-controller', options.version, options.useLoadBalancerClass ?? false);
  }

  /** The legacy in-tree AWS cloud provider (`aws-load-balancer-type: nlb`): instance targets, one protocol per Service. */
  public static inTree(): NlbController {
    return new NlbController('aws-in-tree', undefined, false);
  }

  private constructor(
    /** `aws-load-balancer-controller` or `aws-in-tree`. */
    public readonly id: 'aws-load-balancer-controller' | 'aws-in-tree',
    /** The controller's version, when given. */
    public readonly version: string | undefined,
    /** Whether the controller is selected by `loadBalancerClass`. */
    public readonly useLoadBalancerClass: boolean,
  ) {}

  /** Whether this is the in-tree provider. */
  public get isInTree(): boolean {
    return this.id === 'aws-in-tree';
  }

  /** Whether the version is known and at least `release`. */
  public isAtLeast(release: string): boolean {
    return this.version !== undefined && isRelease(this.version) && compareReleases(this.version, release) >= 0;
  }

  /** The same implementation as a `LoadBalancerProvider`, for the mixed-protocol decision and rules. */
  public asProvider(): LoadBalancerProvider {
    return this.isInTree
      ? LoadBalancerProvider.awsInTree()
      : LoadBalancerProvider.awsLoadBalancerController({ version: this.version });
  }
}
