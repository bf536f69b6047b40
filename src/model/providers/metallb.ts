import { MixedProtocolSupport, ProviderImplementation, ProviderServiceRole, ProviderSettings } from './provider';
import { compareReleases, isRelease } from '../kubernetes-version';

/** Options of MetalLB. */
export interface MetalLbOptions {
  /**
   * MetalLB's version, such as `"0.14"`. One Service with TCP and UDP needs 0.13.6 or later.
   * @default - unknown: TCP+UDP endpoints are split, on one shared address
   */
  readonly version?: string;
  /**
   * The sharing key that lets two split Services share one address (`allow-shared-ip`).
   * @default - the endpoint's name
   */
  readonly sharingKey?: string;
  /**
   * The address pool to allocate from.
   * @default - MetalLB's choice
   */
  readonly addressPool?: string;
  /**
   * The addresses to request (`loadBalancerIPs`).
   * @default - allocated by MetalLB
   */
  readonly loadBalancerIps?: string[];
}

/** MetalLB. */
export class MetalLb implements ProviderImplementation {
  public readonly id = 'metallb';
  public readonly checksPods = false;
  constructor(public readonly options: MetalLbOptions) {}

  public get description(): string {
    return `MetalLB${this.options.version ? ` ${this.options.version}` : ' (version unknown)'}`;
  }

  public mixedProtocol(): MixedProtocolSupport {
    const version = this.options.version;
    if (version === undefined) return { supported: false, reason: 'the MetalLB version is unknown: mixed protocols need 0.13.6 or later' };
    if (isRelease(version) && compareReleases(version, '0.13.6') >= 0) {
      return { supported: true, reason: `MetalLB ${version} supports mixed protocols (0.13.6 or later)` };
    }
    return { supported: false, reason: `MetalLB ${version} does not support mixed protocols (it needs 0.13.6 or later)` };
  }

  public sharedAddress(endpointName: string): string | undefined {
    return `the MetalLB sharing key "${this.options.sharingKey ?? endpointName}"`;
  }

  public settings(role: ProviderServiceRole): ProviderSettings {
    const annotations: Record<string, string> = {};
    // MetalLB 0.14.9 moved its annotations to the metallb.io/ prefix and still reads metallb.universe.tf/, the only
    // prefix of older releases: both are written, so that every release reads them.
    for (const prefix of ['metallb.io/', 'metallb.universe.tf/']) {
      if (role.split) annotations[`${prefix}allow-shared-ip`] = this.options.sharingKey ?? role.endpointName;
      if (this.options.addressPool) annotations[`${prefix}address-pool`] = this.options.addressPool;
      if (this.options.loadBalancerIps?.length) annotations[`${prefix}loadBalancerIPs`] = this.options.loadBalancerIps.join(',');
    }
    return { annotations };
  }
}
