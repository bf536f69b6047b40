import { AwsNlbAnnotations } from './aws-load-balancer-controller';
import { compareReleases, isRelease, KubernetesVersion } from './kubernetes-version';
import { NlbTargetType } from './nlb-listeners';
import { LoadBalancerScheme } from './placement';
import { Protocol } from './protocol';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';

/** Whether one LoadBalancer Service may carry TCP and UDP on the same port, and why. */
export interface MixedProtocolSupport {
  /** Whether the provider (leaving the Kubernetes version aside) supports it. */
  readonly supported: boolean;
  /** Why, in one line. */
  readonly reason: string;
}

/** What a Service of an endpoint is for, so that the provider can emit the right settings. */
export interface ProviderServiceRole {
  /** The protocols the Service carries. */
  readonly protocols: readonly Protocol[];
  /** Whether it is one of two Services of a split endpoint. */
  readonly split: boolean;
  /** The endpoint's name, a default sharing key. */
  readonly endpointName: string;
}

/** The fields a provider sets on a LoadBalancer Service. */
export interface ProviderSettings {
  /** Annotations to add. */
  readonly annotations: Readonly<Record<string, string>>;
  /** `spec.loadBalancerClass`, when the provider is selected by class. */
  readonly loadBalancerClass?: string;
}

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

/** Options of the legacy in-tree AWS cloud provider. */
export interface AwsInTreeOptions {
  /**
   * Internal or internet-facing. The in-tree provider's own default is internet-facing; this library's is internal.
   * @default LoadBalancerScheme.INTERNAL
   */
  readonly scheme?: LoadBalancerScheme;
}

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


/** The forms `LoadBalancerProvider.parse` reads, as help and messages spell them (one spelling everywhere). */
export const PROVIDER_FORMS = 'aws-lbc[:version], aws-in-tree, gke[:backend-service], aks, metallb[:version], generic[:mixed]';

/** Every provider's option names, to tell a user whose option they passed. */
const OPTION_OWNERS: Record<string, string[]> = {
  'aws-load-balancer-controller': ['version', 'scheme', 'targetType', 'useLoadBalancerClass'],
  'aws-in-tree': ['scheme'],
  'gke': ['mode', 'reservedAddressName'],
  'aks': ['internal', 'ipv4Address', 'publicIpName'],
  'metallb': ['version', 'sharingKey', 'addressPool', 'loadBalancerIps'],
  'generic': ['mixedProtocol', 'loadBalancerClass', 'annotations'],
};

/**
 * The implementation that turns a LoadBalancer Service into a load balancer: what it supports and which annotations
 * or class it needs. Used by `UdpService` (`provider`) and `DualProtocolEndpoint`, which splits a TCP+UDP endpoint into
 * two Services when the provider (or the Kubernetes version) cannot carry both in one.
 */
export abstract class LoadBalancerProvider {
  /**
   * Whether `value` is a provider (of this copy of the library or another), as untyped input may give a string such
   * as `'aws'` instead: constructs report that (UDP143) rather than fail.
   */
  public static isProvider(value: unknown): value is LoadBalancerProvider {
    if (value instanceof LoadBalancerProvider) return true;
    const p = value as Partial<LoadBalancerProvider> | null;
    return typeof p === 'object' && p !== null && typeof p.settings === 'function'
      && typeof p.mixedProtocol === 'function' && typeof p.checkOptions === 'function';
  }

  /** The AWS Load Balancer Controller (v2.x): an NLB, internal and with IP targets unless told otherwise. */
  public static awsLoadBalancerController(options: AwsLoadBalancerControllerOptions = {}): LoadBalancerProvider {
    return new AwsLoadBalancerController(options);
  }

  /** The legacy in-tree AWS cloud provider (`aws-load-balancer-type: nlb`): UDP yes, mixed protocols never. */
  public static awsInTree(options: AwsInTreeOptions = {}): LoadBalancerProvider {
    return new AwsInTree(options);
  }

  /** Google Kubernetes Engine. */
  public static gke(options: GkeOptions = {}): LoadBalancerProvider {
    return new Gke(options);
  }

  /** Azure Kubernetes Service. */
  public static aks(options: AksOptions = {}): LoadBalancerProvider {
    return new Aks(options);
  }

  /** MetalLB, on bare metal. */
  public static metalLb(options: MetalLbOptions = {}): LoadBalancerProvider {
    return new MetalLb(options);
  }

  /** Any other implementation: say what it supports. */
  public static generic(options: GenericProviderOptions = {}): LoadBalancerProvider {
    return new Generic(options);
  }

  /**
   * Reads a provider from its command-line form: `aws-lbc[:version]`, `aws-in-tree`, `gke[:backend-service]`, `aks`,
   * `metallb[:version]`, `generic[:mixed]`.
   * @throws on an unknown form
   */
  public static parse(text: string): LoadBalancerProvider {
    const [name, arg] = text.trim().split(':', 2);
    const refuse = () => new Error(`"${text}" is not a provider (${PROVIDER_FORMS})`);
    switch (name) {
      case 'aws-lbc':
      case 'aws-load-balancer-controller':
        return LoadBalancerProvider.awsLoadBalancerController({ version: arg });
      case 'aws-in-tree':
        return LoadBalancerProvider.awsInTree();
      case 'gke':
        if (arg !== undefined && arg !== 'backend-service' && arg !== 'l4-rbs' && arg !== 'target-pool') throw refuse();
        return LoadBalancerProvider.gke({ mode: arg === 'backend-service' || arg === 'l4-rbs' ? GkeLoadBalancerMode.BACKEND_SERVICE : GkeLoadBalancerMode.TARGET_POOL });
      case 'aks':
        if (arg !== undefined) throw refuse();
        return LoadBalancerProvider.aks();
      case 'metallb':
        return LoadBalancerProvider.metalLb({ version: arg });
      case 'generic':
        if (arg !== undefined && arg !== 'mixed') throw refuse();
        return LoadBalancerProvider.generic({ mixedProtocol: arg === 'mixed' });
      default:
        throw refuse();
    }
  }

  /** The provider's id, for example `aws-load-balancer-controller`. */
  public abstract readonly id: string;

  protected constructor(private readonly rawOptions: object) {}

  /** The provider as a phrase, with its version when known: `the AWS Load Balancer Controller 2.13`. */
  public abstract get description(): string;

  /** The version given in the provider's options (the AWS Load Balancer Controller's, MetalLB's), if any. */
  public get version(): string | undefined {
    const version = (this.rawOptions as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  }

  /** Whether the version is given, is a release number, and is at least `release`. */
  public isAtLeast(release: string): boolean {
    const version = this.version;
    return version !== undefined && isRelease(version) && compareReleases(version, release) >= 0;
  }

  /**
   * The value of one of the options the provider was made with, as given.
   * @internal
   */
  public optionValue(name: string): unknown {
    return (this.rawOptions as Record<string, unknown>)[name];
  }

  /** Whether one LoadBalancer Service may carry TCP and UDP on one port (the Kubernetes version aside). */
  public abstract mixedProtocol(): MixedProtocolSupport;

  /**
   * How two split Services share one address (a phrase), or `undefined` when they cannot and get two addresses.
   */
  public abstract sharedAddress(endpointName: string): string | undefined;

  /** The annotations and class of one LoadBalancer Service. */
  public abstract settings(role: ProviderServiceRole): ProviderSettings;

  /** Problems with the options: options of another provider, versions that are not versions. */
  public checkOptions(field: string): Finding[] {
    const known = OPTION_OWNERS[this.id] ?? [];
    const findings: Finding[] = [];
    for (const [key, value] of Object.entries(this.rawOptions)) {
      if (value === undefined || known.includes(key)) continue;
      const owners = Object.entries(OPTION_OWNERS).filter(([, keys]) => keys.includes(key)).map(([id]) => id);
      findings.push(findingOf(RULES.UDP312, {
        field: `${field}.${key}`,
        value,
        message: owners.length > 0
          ? `is an option of ${owners.join(' and ')}, not of ${this.id}, which ignores it`
          : `is not an option of ${this.id}`,
        allowed: `${this.id} options: ${known.join(', ')}`,
      }));
    }
    const version = (this.rawOptions as { version?: unknown }).version;
    if (version !== undefined && (typeof version !== 'string' || !isRelease(version))) {
      findings.push(findingOf(RULES.UDP313, {
        field: `${field}.version`,
        value: version,
        message: 'is not a release number',
        allowed: 'a version such as "2.13" or "v2.13.0"',
      }));
    }
    return findings;
  }
}

class AwsLoadBalancerController extends LoadBalancerProvider {
  public readonly id = 'aws-load-balancer-controller';
  constructor(private readonly options: AwsLoadBalancerControllerOptions) { super(options); }

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

class AwsInTree extends LoadBalancerProvider {
  public readonly id = 'aws-in-tree';
  constructor(private readonly options: AwsInTreeOptions) { super(options); }

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

class Gke extends LoadBalancerProvider {
  public readonly id = 'gke';
  constructor(private readonly options: GkeOptions) { super(options); }

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

class Aks extends LoadBalancerProvider {
  public readonly id = 'aks';
  constructor(private readonly options: AksOptions) { super(options); }

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

class MetalLb extends LoadBalancerProvider {
  public readonly id = 'metallb';
  constructor(private readonly options: MetalLbOptions) { super(options); }

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
    // MetalLB renamed its annotation prefix; releases that read the new one still read the old one.
    for (const prefix of ['metallb.io/', 'metallb.universe.tf/']) {
      if (role.split) annotations[`${prefix}allow-shared-ip`] = this.options.sharingKey ?? role.endpointName;
      if (this.options.addressPool) annotations[`${prefix}address-pool`] = this.options.addressPool;
      if (this.options.loadBalancerIps?.length) annotations[`${prefix}loadBalancerIPs`] = this.options.loadBalancerIps.join(',');
    }
    return { annotations };
  }
}

class Generic extends LoadBalancerProvider {
  public readonly id = 'generic';
  constructor(private readonly options: GenericProviderOptions) { super(options); }

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

/** The first Kubernetes version whose API server accepts TCP and UDP in one LoadBalancer Service by default. */
export const MIXED_PROTOCOL_LB_DEFAULT = KubernetesVersion.of('1.24');

/** Whether an endpoint's TCP and UDP can be one Service, and why. */
export interface MixedProtocolDecision {
  /** True for one Service carrying both protocols; false for two Services. */
  readonly single: boolean;
  /** Why, in one line (the Kubernetes version, the provider, or the Service type). */
  readonly reason: string;
}

/**
 * Decides whether TCP and UDP on one port can be one Service of `serviceType` on a cluster of `version` whose load
 * balancers are made by `provider`. Only LoadBalancer Services are limited: MixedProtocolLBService is on by default
 * from Kubernetes 1.24 (alpha, off, in 1.20-1.23), and then the provider must support it too.
 */
export function decideMixedProtocol(
  serviceType: string,
  version: KubernetesVersion = KubernetesVersion.V1_28,
  provider: LoadBalancerProvider = LoadBalancerProvider.generic(),
): MixedProtocolDecision {
  if (serviceType !== 'LoadBalancer') {
    return { single: true, reason: `a ${serviceType} Service may carry TCP and UDP on one port in every Kubernetes version` };
  }
  if (version.valid && !version.isAtLeast(MIXED_PROTOCOL_LB_DEFAULT)) {
    const gate = version.isAtLeast('1.20') ? ' (MixedProtocolLBService is alpha and off by default before 1.24)' : ' (MixedProtocolLBService appeared in 1.20)';
    return { single: false, reason: `Kubernetes ${version} rejects TCP and UDP in one LoadBalancer Service${gate}` };
  }
  const support = provider.mixedProtocol();
  return { single: support.supported, reason: support.reason };
}
