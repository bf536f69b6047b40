import { MixedProtocolSupport, ProviderImplementation, ProviderServiceRole, ProviderSettings } from './provider';

/** Options of AKS (the Azure cloud provider). */
export interface AksOptions {
  /**
   * An internal load balancer (`azure-load-balancer-internal: "true"`).
   * @default true
   */
  readonly internal?: boolean;
  /**
   * The IPv4 address both split Services use (`azure-load-balancer-ipv4`).
   * @default - none
   */
  readonly ipv4Address?: string;
  /**
   * The public IP resource both split Services use (`azure-pip-name`; public load balancers only).
   * @default - none
   */
  readonly publicIpName?: string;
}

/** Azure Kubernetes Service. */
export class Aks implements ProviderImplementation {
  public readonly id = 'aks';
  public readonly checksPods = false;
  constructor(public readonly options: AksOptions) {}

  public get description(): string {
    return 'AKS';
  }

  public mixedProtocol(): MixedProtocolSupport {
    return { supported: true, reason: 'AKS load balancers support mixed protocols' };
  }

  public sharedAddress(): string | undefined {
    if (this.options.ipv4Address) return `the address ${this.options.ipv4Address}`;
    if (this.options.publicIpName) return `the public IP "${this.options.publicIpName}"`;
    return undefined;
  }

  public settings(role: ProviderServiceRole): ProviderSettings {
    const annotations: Record<string, string> = {};
    if (this.options.internal ?? true) annotations['service.beta.kubernetes.io/azure-load-balancer-internal'] = 'true';
    if (role.split && this.options.ipv4Address) annotations['service.beta.kubernetes.io/azure-load-balancer-ipv4'] = this.options.ipv4Address;
    if (role.split && this.options.publicIpName) annotations['service.beta.kubernetes.io/azure-pip-name'] = this.options.publicIpName;
    return { annotations };
  }
}
