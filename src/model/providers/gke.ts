import { MixedProtocolSupport, ProviderImplementation, ProviderServiceRole, ProviderSettings } from './provider';

/** How GKE implements an external LoadBalancer Service. */
export enum GkeLoadBalancerMode {
  /** Target-pool-based external passthrough load balancer (the long-standing default): one protocol per Service. */
  TARGET_POOL = 'target-pool',
  /**
   * Backend-service-based passthrough load balancer (`spec.loadBalancerClass: networking.gke.io/l4-regional-external`
   * from GKE 1.33.1-gke.1779000, else `cloud.google.com/l4-rbs: enabled`): TCP and UDP in one Service from GKE
   * 1.34.1-gke.2190000.
   */
  BACKEND_SERVICE = 'backend-service',
}

/** Options of GKE. */
export interface GkeOptions {
  /**
   * The external load-balancer implementation (internal load balancers are always backend-service based).
   * @default GkeLoadBalancerMode.TARGET_POOL
   */
  readonly mode?: GkeLoadBalancerMode;
  /**
   * The name of a reserved static address for the Service, which two split Services then share
   * (`networking.gke.io/load-balancer-ip-addresses`).
   * @default - none: split Services get two addresses
   */
  readonly reservedAddressName?: string;
  /**
   * The cluster's GKE version, such as `"1.34.1-gke.2190000"`. From 1.33.1-gke.1779000 the load balancer is selected by
   * `spec.loadBalancerClass`; TCP and UDP share one external Service over IPv4 from 1.34.1-gke.2190000, and one
   * external or internal Service over IPv4, IPv6 or both from 1.36.2-gke.1498000.
   * @default - unknown: the annotations every supported version reads; internal endpoints are split
   */
  readonly version?: string;
  /**
   * An internal passthrough load balancer (`networking.gke.io/load-balancer-type: Internal`, or the class
   * `networking.gke.io/l4-regional-internal` from 1.33.1-gke.1779000) instead of an external one.
   * @default false
   */
  readonly internal?: boolean;
}

/** The GKE version that selects the backend-service load balancers by `spec.loadBalancerClass`. */
export const GKE_LOAD_BALANCER_CLASS_SINCE = '1.33.1-gke.1779000';
/** The GKE version whose external IPv4 load balancers carry TCP and UDP in one Service. */
export const GKE_MIXED_PROTOCOL_EXTERNAL_SINCE = '1.34.1-gke.2190000';
/** The GKE version from which mixed protocols are GA: external and internal, IPv4, IPv6 and dual-stack. */
export const GKE_MIXED_PROTOCOL_GA_SINCE = '1.36.2-gke.1498000';

/** GKE's classes and annotations. */
export const GkeAnnotations = {
  /** `spec.loadBalancerClass` of a backend-service-based external passthrough load balancer. */
  EXTERNAL_CLASS: 'networking.gke.io/l4-regional-external',
  /** `spec.loadBalancerClass` of an internal passthrough load balancer. */
  INTERNAL_CLASS: 'networking.gke.io/l4-regional-internal',
  /** The annotation of a backend-service-based external passthrough load balancer (every supported version). */
  RBS: 'cloud.google.com/l4-rbs',
  /** The annotation of an internal passthrough load balancer. */
  LOAD_BALANCER_TYPE: 'networking.gke.io/load-balancer-type',
  /** The names of reserved static addresses the forwarding rules use. */
  IP_ADDRESSES: 'networking.gke.io/load-balancer-ip-addresses',
} as const;

const GKE_VERSION = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:-gke\.(\d+))?$/;

/** Whether `text` is a GKE version such as `1.34.1-gke.2190000` (or a Kubernetes version such as `1.34`). */
export function isGkeVersion(text: string): boolean {
  return GKE_VERSION.test(text.trim());
}

/** Compares two GKE versions: major, minor, patch, then the `-gke.N` build. */
export function compareGkeVersions(a: string, b: string): number {
  const parts = (text: string) => (GKE_VERSION.exec(text.trim()) ?? []).slice(1, 5).map((x) => Number(x ?? 0));
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < 4; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Google Kubernetes Engine: its health checks are node-level (kube-proxy's, or healthCheckNodePort with Local). */
export class Gke implements ProviderImplementation {
  public readonly id = 'gke';
  public readonly checksPods = false;
  constructor(public readonly options: GkeOptions) {}

  public get description(): string {
    const version = this.knownVersion ? ` ${this.knownVersion}` : '';
    return this.options.internal
      ? `GKE${version} (internal passthrough load balancer)`
      : `GKE${version} (${this.options.mode ?? GkeLoadBalancerMode.TARGET_POOL} load balancer)`;
  }

  public isVersion(version: string): boolean {
    return isGkeVersion(version);
  }

  public compareVersions(version: string, release: string): number {
    return compareGkeVersions(version, release);
  }

  public mixedProtocol(): MixedProtocolSupport {
    const version = this.knownVersion;
    const atLeast = (release: string) => version !== undefined && compareGkeVersions(version, release) >= 0;
    if (this.options.internal) {
      if (atLeast(GKE_MIXED_PROTOCOL_GA_SINCE)) {
        return { supported: true, reason: `GKE ${version} carries TCP and UDP in one internal LoadBalancer Service (${GKE_MIXED_PROTOCOL_GA_SINCE} or later)` };
      }
      return {
        supported: false,
        reason: version === undefined
          ? `the GKE version is unknown: TCP and UDP in one internal LoadBalancer Service need ${GKE_MIXED_PROTOCOL_GA_SINCE} or later`
          : `GKE ${version} carries one protocol per internal LoadBalancer Service (TCP and UDP together need ${GKE_MIXED_PROTOCOL_GA_SINCE} or later)`,
      };
    }
    if (this.options.mode !== GkeLoadBalancerMode.BACKEND_SERVICE) {
      return { supported: false, reason: 'GKE target-pool load balancers carry one protocol (use GkeLoadBalancerMode.BACKEND_SERVICE)' };
    }
    if (version === undefined) {
      return { supported: true, reason: `GKE backend-service-based load balancers support mixed protocols (from GKE ${GKE_MIXED_PROTOCOL_EXTERNAL_SINCE})` };
    }
    if (!atLeast(GKE_MIXED_PROTOCOL_EXTERNAL_SINCE)) {
      return { supported: false, reason: `GKE ${version} carries one protocol per external LoadBalancer Service (TCP and UDP together need ${GKE_MIXED_PROTOCOL_EXTERNAL_SINCE} or later)` };
    }
    return atLeast(GKE_MIXED_PROTOCOL_GA_SINCE)
      ? { supported: true, reason: `GKE ${version} carries TCP and UDP in one external LoadBalancer Service over IPv4, IPv6 or both (${GKE_MIXED_PROTOCOL_GA_SINCE} or later)` }
      : { supported: true, reason: `GKE ${version} carries TCP and UDP in one external LoadBalancer Service over IPv4 only (${GKE_MIXED_PROTOCOL_EXTERNAL_SINCE} or later; IPv6 from ${GKE_MIXED_PROTOCOL_GA_SINCE})` };
  }

  public sharedAddress(): string | undefined {
    return this.options.reservedAddressName ? `the reserved GKE address "${this.options.reservedAddressName}"` : undefined;
  }

  public settings(_role: ProviderServiceRole): ProviderSettings {
    const annotations: Record<string, string> = {};
    const version = this.knownVersion;
    const byClass = version !== undefined && compareGkeVersions(version, GKE_LOAD_BALANCER_CLASS_SINCE) >= 0;
    let loadBalancerClass: string | undefined;
    if (this.options.internal) {
      if (byClass) loadBalancerClass = GkeAnnotations.INTERNAL_CLASS;
      else annotations[GkeAnnotations.LOAD_BALANCER_TYPE] = 'Internal';
    } else if (this.options.mode === GkeLoadBalancerMode.BACKEND_SERVICE) {
      if (byClass) loadBalancerClass = GkeAnnotations.EXTERNAL_CLASS;
      else annotations[GkeAnnotations.RBS] = 'enabled';
    }
    if (this.options.reservedAddressName) {
      annotations[GkeAnnotations.IP_ADDRESSES] = this.options.reservedAddressName;
    }
    return { annotations, loadBalancerClass };
  }

  /** The version when it is one (a bad one is reported by the provider's checks and read as unknown). */
  private get knownVersion(): string | undefined {
    const version = this.options.version;
    return typeof version === 'string' && isGkeVersion(version) ? version.trim() : undefined;
  }
}
