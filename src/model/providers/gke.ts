import { MixedProtocolSupport, ProviderImplementation, ProviderServiceRole, ProviderSettings } from './provider';

/** How GKE implements an external LoadBalancer Service. */
export enum GkeLoadBalancerMode {
  /** Target-pool-based external passthrough load balancer (the long-standing default): one protocol per Service. */
  TARGET_POOL = 'target-pool',
  /** Backend-service-based external passthrough load balancer (`cloud.google.com/l4-rbs: enabled`): mixed protocols. */
  BACKEND_SERVICE = 'backend-service',
}

/** Options of GKE. */
export interface GkeOptions {
  /**
   * The load-balancer implementation.
   * @default GkeLoadBalancerMode.TARGET_POOL
   */
  readonly mode?: GkeLoadBalancerMode;
  /**
   * The name of a reserved static address, so that two split Services share it
   * (`networking.gke.io/load-balancer-ip-addresses`).
   * @default - none: split Services get two addresses
   */
  readonly reservedAddressName?: string;
}

/** Google Kubernetes Engine. */
export class Gke implements ProviderImplementation {
  public readonly id = 'gke';
  public readonly checksPods = false;
  constructor(public readonly options: GkeOptions) {}

  public get description(): string {
    return `GKE (${this.options.mode ?? GkeLoadBalancerMode.TARGET_POOL} load balancer)`;
  }

  public mixedProtocol(): MixedProtocolSupport {
    return this.options.mode === GkeLoadBalancerMode.BACKEND_SERVICE
      ? { supported: true, reason: 'GKE backend-service-based load balancers support mixed protocols' }
      : { supported: false, reason: 'GKE target-pool load balancers carry one protocol (use GkeLoadBalancerMode.BACKEND_SERVICE)' };
  }

  public sharedAddress(): string | undefined {
    return this.options.reservedAddressName ? `the reserved GKE address "${this.options.reservedAddressName}"` : undefined;
  }

  public settings(role: ProviderServiceRole): ProviderSettings {
    const annotations: Record<string, string> = {};
    if (this.options.mode === GkeLoadBalancerMode.BACKEND_SERVICE) annotations['cloud.google.com/l4-rbs'] = 'enabled';
    if (role.split && this.options.reservedAddressName) {
      annotations['networking.gke.io/load-balancer-ip-addresses'] = this.options.reservedAddressName;
    }
    return { annotations };
  }
}
