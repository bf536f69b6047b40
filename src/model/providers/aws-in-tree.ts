import { MixedProtocolSupport, ProviderImplementation, ProviderSettings } from './provider';
import { AwsNlbAnnotations } from '../aws-load-balancer-controller';
import { LoadBalancerScheme } from '../placement';

/** Options of the legacy in-tree AWS cloud provider. */
export interface AwsInTreeOptions {
  /**
   * Internal or internet-facing. The in-tree provider's own default is internet-facing; this library's is internal.
   * @default LoadBalancerScheme.INTERNAL
   */
  readonly scheme?: LoadBalancerScheme;
}

/** The legacy in-tree AWS cloud provider. */
export class AwsInTree implements ProviderImplementation {
  public readonly id = 'aws-in-tree';
  public readonly checksPods = true;
  constructor(public readonly options: AwsInTreeOptions) {}

  public get description(): string {
    return 'the in-tree AWS cloud provider';
  }

  public mixedProtocol(): MixedProtocolSupport {
    return { supported: false, reason: 'the in-tree AWS cloud provider never supports mixed protocols ("mixed protocol is not supported for LoadBalancer")' };
  }

  public sharedAddress(): string | undefined {
    return undefined;
  }

  public settings(): ProviderSettings {
    const annotations: Record<string, string> = { [AwsNlbAnnotations.TYPE]: 'nlb' };
    if ((this.options.scheme ?? LoadBalancerScheme.INTERNAL) === LoadBalancerScheme.INTERNAL) {
      annotations[AwsNlbAnnotations.INTERNAL] = 'true';
    }
    return { annotations };
  }
}
