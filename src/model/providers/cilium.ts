import { MixedProtocolSupport, ProviderImplementation, ProviderServiceRole, ProviderSettings } from './provider';

/** The Cilium load-balancer classes that announce the addresses LB IPAM allocates. */
export enum CiliumLoadBalancerClass {
  /** Announced over BGP by Cilium's BGP control plane. */
  BGP_CONTROL_PLANE = 'io.cilium/bgp-control-plane',
  /** Announced on the local network (ARP/NDP) by Cilium's L2 announcer. */
  L2_ANNOUNCER = 'io.cilium/l2-announcer',
}

/** Options of Cilium's LB IPAM. */
export interface CiliumOptions {
  /**
   * The class that announces the address (`spec.loadBalancerClass`).
   * @default - none: LB IPAM allocates the address of a Service without a class, and whatever announces such
   * Services announces it
   */
  readonly loadBalancerClass?: CiliumLoadBalancerClass;
  /**
   * The sharing key that puts Services with different ports on one address (`lbipam.cilium.io/sharing-key`), set on
   * every Service when given.
   * @default - the endpoint's name, on the two Services of a split endpoint only
   */
  readonly sharingKey?: string;
  /**
   * The addresses to request (`lbipam.cilium.io/ips`). Two Services that request the same address share it only
   * with the same sharing key (UDP320).
   * @default - allocated by LB IPAM
   */
  readonly loadBalancerIps?: string[];
  /**
   * The other namespaces whose Services may share the address, or `['*']` for all
   * (`lbipam.cilium.io/sharing-cross-namespace`). Both Services of a cross-namespace pair need it (UDP321).
   * @default - none: the address is shared within the namespace only
   */
  readonly sharingCrossNamespace?: string[];
}

/** The annotations Cilium's LB IPAM reads. */
export const CiliumAnnotations = {
  /** Services with the same key share one address when their ports differ. */
  SHARING_KEY: 'lbipam.cilium.io/sharing-key',
  /** The namespaces a Service may share its address with (comma-separated, `*` for all); needed on both sides. */
  SHARING_CROSS_NAMESPACE: 'lbipam.cilium.io/sharing-cross-namespace',
  /** The addresses a Service requests (comma-separated). */
  IPS: 'lbipam.cilium.io/ips',
} as const;

/** Cilium's LB IPAM, with its BGP control plane or L2 announcer: no health checks of pods. */
export class Cilium implements ProviderImplementation {
  public readonly id = 'cilium';
  public readonly checksPods = false;
  constructor(public readonly options: CiliumOptions) {}

  public get description(): string {
    return 'Cilium LB IPAM';
  }

  public mixedProtocol(): MixedProtocolSupport {
    return {
      supported: false,
      reason: 'Cilium LB IPAM is not documented to carry TCP and UDP in one Service: split, on one address shared by sharing key',
    };
  }

  public sharedAddress(endpointName: string): string | undefined {
    return `the Cilium LB IPAM sharing key "${this.options.sharingKey ?? endpointName}"`;
  }

  public settings(role: ProviderServiceRole): ProviderSettings {
    const annotations: Record<string, string> = {};
    if (role.split || this.options.sharingKey !== undefined) {
      annotations[CiliumAnnotations.SHARING_KEY] = this.options.sharingKey ?? role.endpointName;
    }
    if (this.options.sharingCrossNamespace?.length) {
      annotations[CiliumAnnotations.SHARING_CROSS_NAMESPACE] = this.options.sharingCrossNamespace.join(',');
    }
    if (this.options.loadBalancerIps?.length) annotations[CiliumAnnotations.IPS] = this.options.loadBalancerIps.join(',');
    return { annotations, loadBalancerClass: this.options.loadBalancerClass };
  }
}
