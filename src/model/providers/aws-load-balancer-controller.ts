import { MixedProtocolSupport, ProviderImplementation, ProviderServiceRole, ProviderSettings } from './provider';
import { AwsNlbAnnotations } from '../aws-load-balancer-controller';
import { compareReleases, isRelease } from '../kubernetes-version';
import { NlbTargetType } from '../nlb-listeners';
import { LoadBalancerScheme } from '../placement';
import { Protocol } from '../protocol';

/** Options of the AWS Load Balancer Controller. */
export interface AwsLoadBalancerControllerOptions {
  /**
   * The controller's version, such as `"2.13"`. One Service with TCP and UDP on one port needs 2.13 or later (the
   * TCP_UDP listener).
   * @default - unknown: TCP+UDP endpoints are split, the safe choice
   */
  readonly version?: string;
  /**
   * Internal or internet-facing.
   * @default LoadBalancerScheme.INTERNAL
   */
  readonly scheme?: LoadBalancerScheme;
  /**
   * How pods are registered: by IP (the VPC CNI) or through the nodes' NodePorts.
   * @default NlbTargetType.IP
   */
  readonly targetType?: NlbTargetType;
  /**
   * Select the controller with `spec.loadBalancerClass: service.k8s.aws/nlb` instead of the
   * `aws-load-balancer-type: external` annotation.
   * @default false
   */
  readonly useLoadBalancerClass?: boolean;
}

/** The AWS Load Balancer Controller. */
export class AwsLoadBalancerController implements ProviderImplementation {
  public readonly id = 'aws-load-balancer-controller';
  public readonly checksPods = true;
  constructor(public readonly options: AwsLoadBalancerControllerOptions) {}

  public get description(): string {
    return `the AWS Load Balancer Controller${this.options.version ? ` ${this.options.version}` : ' (version unknown)'}`;
  }

  public mixedProtocol(): MixedProtocolSupport {
    const version = this.options.version;
    if (version === undefined) {
      return { supported: false, reason: 'the AWS Load Balancer Controller version is unknown: TCP+UDP on one port needs 2.13 or later' };
    }
    if (isRelease(version) && compareReleases(version, '2.13') >= 0) {
      return { supported: true, reason: `the AWS Load Balancer Controller ${version} supports a TCP_UDP listener (2.13 or later)` };
    }
    return { supported: false, reason: `the AWS Load Balancer Controller ${version} has no TCP_UDP listener (it needs 2.13 or later)` };
  }

  public sharedAddress(): string | undefined {
    return undefined;
  }

  public settings(role: ProviderServiceRole): ProviderSettings {
    const annotations: Record<string, string> = {};
    if (!this.options.useLoadBalancerClass) annotations[AwsNlbAnnotations.TYPE] = 'external';
    annotations[AwsNlbAnnotations.TARGET_TYPE] = this.options.targetType ?? NlbTargetType.IP;
    annotations[AwsNlbAnnotations.SCHEME] = this.options.scheme ?? LoadBalancerScheme.INTERNAL;
    if (role.protocols.includes(Protocol.TCP) && role.protocols.includes(Protocol.UDP)) {
      annotations[AwsNlbAnnotations.ENABLE_TCP_UDP_LISTENER] = 'true';
    }
    return { annotations, loadBalancerClass: this.options.useLoadBalancerClass ? 'service.k8s.aws/nlb' : undefined };
  }
}
