import { MixedProtocolSupport, ProviderImplementation, ProviderSettings } from './provider';

/** Options of an implementation this library has no knowledge of. */
export interface GenericProviderOptions {
  /**
   * Whether it supports TCP and UDP in one LoadBalancer Service.
   * @default false
   */
  readonly mixedProtocol?: boolean;
  /**
   * `spec.loadBalancerClass` selecting it.
   * @default - none
   */
  readonly loadBalancerClass?: string;
  /**
   * Annotations it needs on every LoadBalancer Service.
   * @default - none
   */
  readonly annotations?: Record<string, string>;
}

/** An implementation this library has no knowledge of. */
export class Generic implements ProviderImplementation {
  public readonly id = 'generic';
  public readonly checksPods = true;
  constructor(public readonly options: GenericProviderOptions) {}

  public get description(): string {
    return 'a generic load balancer';
  }

  public mixedProtocol(): MixedProtocolSupport {
    return this.options.mixedProtocol
      ? { supported: true, reason: 'the load balancer is declared to support mixed protocols' }
      : { supported: false, reason: 'the load balancer is not declared to support mixed protocols (generic({ mixedProtocol: true }))' };
  }

  public sharedAddress(): string | undefined {
    return undefined;
  }

  public settings(): ProviderSettings {
    return { annotations: { ...this.options.annotations }, loadBalancerClass: this.options.loadBalancerClass };
  }
}
