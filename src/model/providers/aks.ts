import { MixedProtocolSupport, ProviderImplementation, ProviderServiceRole, ProviderSettings } from './provider';

/** Options of AKS (the Azure cloud provider). */
export interface AksOptions {
  /**
   * An internal load balancer (`azure-load-balancer-internal: "true"`).
   * @default true
   */
  readonly internal?: boolean;
  /**
   * The IPv4 address of the Service, which two split Services then share (`azure-load-balancer-ipv4`).
   * @default - none
   */
  readonly ipv4Address?: string;
  /**
   * The public IP resource of the Service, which two split Services then share (`azure-pip-name`; public load
   * balancers only).
   * @default - none
   */
  readonly publicIpName?: string;
  /**
   * Whether the cluster probes kube-proxy with one shared health probe for every `externalTrafficPolicy: Cluster`
   * Service (`clusterServiceLoadBalancerHealthProbeMode: shared`). Otherwise a UDP port of a Cluster-policy Service has
   * no health probe at all (UDP322).
   * @default false
   */
  readonly sharedHealthProbe?: boolean;
}

/** The annotations the Azure cloud provider reads on a LoadBalancer Service. */
export const AksAnnotations = {
  /** An internal load balancer. */
  INTERNAL: 'service.beta.kubernetes.io/azure-load-balancer-internal',
  /** The IPv4 address of the frontend. */
  IPV4: 'service.beta.kubernetes.io/azure-load-balancer-ipv4',
  /** The public IP resource of the frontend. */
  PIP_NAME: 'service.beta.kubernetes.io/azure-pip-name',
} as const;

/** Azure Kubernetes Service: its health probes check nodes (kube-proxy), and UDP ports under Cluster policy none at all. */
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

  public settings(_role: ProviderServiceRole): ProviderSettings {
    const annotations: Record<string, string> = {};
    if (this.options.internal ?? true) annotations[AksAnnotations.INTERNAL] = 'true';
    if (this.options.ipv4Address) annotations[AksAnnotations.IPV4] = this.options.ipv4Address;
    if (this.options.publicIpName) annotations[AksAnnotations.PIP_NAME] = this.options.publicIpName;
    return { annotations };
  }
}
