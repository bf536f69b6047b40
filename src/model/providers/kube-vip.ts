import { MixedProtocolSupport, ProviderImplementation, ProviderServiceRole, ProviderSettings } from './provider';

/** Options of kube-vip. */
export interface KubeVipOptions {
  /**
   * The addresses to serve the Service on (`kube-vip.io/loadbalancerIPs`, read since kube-vip 0.5.12). Services with
   * different ports may be given the same address.
   * @default - allocated by the kube-vip cloud provider
   */
  readonly loadBalancerIps?: string[];
}

/** The annotation kube-vip reads. */
export const KubeVipAnnotations = {
  /** The addresses of the Service (comma-separated). */
  LOAD_BALANCER_IPS: 'kube-vip.io/loadbalancerIPs',
} as const;

/** kube-vip, on bare metal and virtual machines: it announces addresses and checks no pods. */
export class KubeVip implements ProviderImplementation {
  public readonly id = 'kube-vip';
  public readonly checksPods = false;
  constructor(public readonly options: KubeVipOptions) {}

  public get description(): string {
    return 'kube-vip';
  }

  public mixedProtocol(): MixedProtocolSupport {
    return { supported: true, reason: 'kube-vip serves every port of a Service, TCP and UDP alike' };
  }

  public sharedAddress(): string | undefined {
    const ips = this.options.loadBalancerIps;
    return ips?.length ? `the kube-vip address ${ips.join(',')}` : undefined;
  }

  public settings(_role: ProviderServiceRole): ProviderSettings {
    const annotations: Record<string, string> = {};
    if (this.options.loadBalancerIps?.length) annotations[KubeVipAnnotations.LOAD_BALANCER_IPS] = this.options.loadBalancerIps.join(',');
    return { annotations };
  }
}
