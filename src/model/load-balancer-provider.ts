import { isIP } from 'net';
import { compareReleases, isRelease, KubernetesVersion } from './kubernetes-version';
import { checkDns1123Label } from './names';
import { Aks, AksOptions } from './providers/aks';
import { AwsInTree, AwsInTreeOptions } from './providers/aws-in-tree';
import { AwsLoadBalancerController, AwsLoadBalancerControllerOptions } from './providers/aws-load-balancer-controller';
import { Cilium, CiliumLoadBalancerClass, CiliumOptions } from './providers/cilium';
import { GenericProviderOptions, Generic } from './providers/generic';
import { Gke, GkeLoadBalancerMode, GkeOptions, isGkeVersion } from './providers/gke';
import { KubeVip, KubeVipOptions } from './providers/kube-vip';
import { MetalLb, MetalLbOptions } from './providers/metallb';
import { MixedProtocolSupport, ProviderImplementation, ProviderServiceRole, ProviderSettings } from './providers/provider';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';

export type { AksOptions } from './providers/aks';
export type { AwsInTreeOptions } from './providers/aws-in-tree';
export type { AwsLoadBalancerControllerOptions } from './providers/aws-load-balancer-controller';
export { CiliumLoadBalancerClass } from './providers/cilium';
export type { CiliumOptions } from './providers/cilium';
export type { GenericProviderOptions } from './providers/generic';
export { GkeLoadBalancerMode } from './providers/gke';
export type { GkeOptions } from './providers/gke';
export type { KubeVipOptions } from './providers/kube-vip';
export type { MetalLbOptions } from './providers/metallb';
export type { MixedProtocolSupport, ProviderImplementation, ProviderServiceRole, ProviderSettings } from './providers/provider';

/** The forms `LoadBalancerProvider.parse` reads, as help and messages spell them (one spelling everywhere). */
export const PROVIDER_FORMS = 'aws-lbc[:version], aws-in-tree, gke[:backend-service|:internal][:version], aks[:shared-probe], '
  + 'metallb[:version], cilium[:bgp-control-plane|:l2-announcer], kube-vip, generic[:mixed]';

/** The type an option takes: a string, a switch, a list of strings, a record of strings, or one of some values. */
type OptionType = 'string' | 'boolean' | 'strings' | 'record' | readonly string[] | 'as-given';

/**
 * Every provider's options with their types, to tell a user whose option they passed and to refuse a value of the
 * wrong type (untyped input) before it reaches the provider. The AWS providers' options are taken as given.
 */
const OPTION_TYPES: Record<string, Record<string, OptionType>> = {
  'aws-load-balancer-controller': { version: 'as-given', scheme: 'as-given', targetType: 'as-given', useLoadBalancerClass: 'as-given' },
  'aws-in-tree': { scheme: 'as-given' },
  'gke': { mode: Object.values(GkeLoadBalancerMode), reservedAddressName: 'string', version: 'string', internal: 'boolean' },
  'aks': { internal: 'boolean', ipv4Address: 'string', publicIpName: 'string', sharedHealthProbe: 'boolean' },
  'metallb': { version: 'string', sharingKey: 'string', addressPool: 'string', loadBalancerIps: 'strings' },
  'cilium': { loadBalancerClass: Object.values(CiliumLoadBalancerClass), sharingKey: 'string', loadBalancerIps: 'strings', sharingCrossNamespace: 'strings' },
  'kube-vip': { loadBalancerIps: 'strings' },
  'generic': { mixedProtocol: 'boolean', loadBalancerClass: 'string', annotations: 'record' },
};

function hasType(value: unknown, type: OptionType): boolean {
  if (type === 'as-given') return true;
  if (Array.isArray(type)) return (type as readonly unknown[]).includes(value);
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'strings': return Array.isArray(value) && value.every((x) => typeof x === 'string');
    default: return typeof value === 'object' && value !== null && !Array.isArray(value)
      && Object.values(value).every((x) => typeof x === 'string');
  }
}

function typeText(type: OptionType): string {
  if (Array.isArray(type)) return `one of ${type.map((x) => JSON.stringify(x)).join(', ')}`;
  return { 'string': 'a string', 'boolean': 'true or false', 'strings': 'a list of strings', 'record': 'an object of strings', 'as-given': 'any value' }[type as string] ?? String(type);
}

/** UDP324: the addresses and namespaces a provider's options give are addresses and namespaces. */
function optionValueFindings(id: string, field: string, key: string, value: unknown): Finding[] {
  const findings: Finding[] = [];
  const each = (values: unknown[], check: (x: string) => string | undefined, allowed: string) => values.forEach((x, i) => {
    const problem = check(String(x));
    if (problem) findings.push(findingOf(RULES.UDP324, { field: Array.isArray(value) ? `${field}[${i}]` : field, value: x, message: problem, allowed }));
  });
  if (key === 'loadBalancerIps' && Array.isArray(value)) {
    each(value, (x) => (isIP(x) ? undefined : 'is not an IP address'), 'IPv4 or IPv6 addresses, such as "192.0.2.10"');
  } else if (key === 'ipv4Address' && id === 'aks') {
    each([value], (x) => (isIP(x) === 4 ? undefined : 'is not an IPv4 address'), 'an IPv4 address, such as "192.0.2.10"');
  } else if (key === 'sharingCrossNamespace' && Array.isArray(value)) {
    each(value, (x) => (x === '*' ? undefined : checkDns1123Label(x) && `is not a namespace name: ${checkDns1123Label(x)}`),
      'namespace names, or "*" for every namespace');
  } else if (key === 'sharingKey' && typeof value === 'string' && value.trim().length === 0) {
    each([value], () => 'must not be empty', 'a key that the Services sharing one address have in common');
  }
  return findings;
}

/** The options of provider `id` without the values of the wrong type (reported by `checkOptions`). */
function wellTyped<T extends object>(id: string, options: T): T {
  const types = OPTION_TYPES[id] ?? {};
  const given = typeof options === 'object' && options !== null ? options : {};
  return Object.fromEntries(Object.entries(given).filter(([key, value]) =>
    value === undefined || types[key] === undefined || hasType(value, types[key]))) as T;
}


/**
 * The implementation that turns a LoadBalancer Service into a load balancer: what it supports and which annotations
 * or class it needs. Used by `UdpService` (`provider`) and `DualProtocolEndpoint`, which splits a TCP+UDP endpoint into
 * two Services when the provider (or the Kubernetes version) cannot carry both in one.
 */
export class LoadBalancerProvider {
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
    return new LoadBalancerProvider(new AwsLoadBalancerController(options));
  }

  /** The legacy in-tree AWS cloud provider (`aws-load-balancer-type: nlb`): UDP yes, mixed protocols never. */
  public static awsInTree(options: AwsInTreeOptions = {}): LoadBalancerProvider {
    return new LoadBalancerProvider(new AwsInTree(options));
  }

  /** Google Kubernetes Engine. */
  public static gke(options: GkeOptions = {}): LoadBalancerProvider {
    return new LoadBalancerProvider(new Gke(wellTyped('gke', options)), options);
  }

  /** Azure Kubernetes Service. */
  public static aks(options: AksOptions = {}): LoadBalancerProvider {
    return new LoadBalancerProvider(new Aks(wellTyped('aks', options)), options);
  }

  /** MetalLB, on bare metal. */
  public static metalLb(options: MetalLbOptions = {}): LoadBalancerProvider {
    return new LoadBalancerProvider(new MetalLb(wellTyped('metallb', options)), options);
  }

  /**
   * Cilium's LB IPAM (with its BGP control plane or L2 announcer): split Services share one address by
   * `lbipam.cilium.io/sharing-key`.
   */
  public static cilium(options: CiliumOptions = {}): LoadBalancerProvider {
    return new LoadBalancerProvider(new Cilium(wellTyped('cilium', options)), options);
  }

  /** kube-vip, with the addresses it serves a Service on (`kube-vip.io/loadbalancerIPs`). */
  public static kubeVip(options: KubeVipOptions = {}): LoadBalancerProvider {
    return new LoadBalancerProvider(new KubeVip(wellTyped('kube-vip', options)), options);
  }

  /** Any other implementation: say what it supports. */
  public static generic(options: GenericProviderOptions = {}): LoadBalancerProvider {
    return new LoadBalancerProvider(new Generic(wellTyped('generic', options)), options);
  }

  /**
   * Reads a provider from its command-line form (`PROVIDER_FORMS`): `aws-lbc[:version]`, `aws-in-tree`,
   * `gke[:backend-service|:internal][:version]`, `aks[:shared-probe]`, `metallb[:version]`,
   * `cilium[:bgp-control-plane|:l2-announcer]`, `kube-vip`, `generic[:mixed]`.
   * @throws on an unknown form
   */
  public static parse(text: string): LoadBalancerProvider {
    const [name, ...args] = text.trim().split(':');
    const arg = args.length > 0 ? args.join(':') : undefined;
    const refuse = () => new Error(`"${text}" is not a provider (${PROVIDER_FORMS})`);
    switch (name) {
      case 'aws-lbc':
      case 'aws-load-balancer-controller':
        return LoadBalancerProvider.awsLoadBalancerController({ version: arg });
      case 'aws-in-tree':
        return LoadBalancerProvider.awsInTree();
      case 'gke':
        return parseGke(args, refuse);
      case 'aks':
        if (arg !== undefined && arg !== 'shared-probe') throw refuse();
        return LoadBalancerProvider.aks(arg === 'shared-probe' ? { sharedHealthProbe: true } : {});
      case 'metallb':
        return LoadBalancerProvider.metalLb({ version: arg });
      case 'cilium': {
        if (arg === undefined) return LoadBalancerProvider.cilium();
        const cls = Object.values(CiliumLoadBalancerClass).find((c) => c === `io.cilium/${arg}`);
        if (!cls) throw refuse();
        return LoadBalancerProvider.cilium({ loadBalancerClass: cls });
      }
      case 'kube-vip':
        if (arg !== undefined) throw refuse();
        return LoadBalancerProvider.kubeVip();
      case 'generic':
        if (arg !== undefined && arg !== 'mixed') throw refuse();
        return LoadBalancerProvider.generic({ mixedProtocol: arg === 'mixed' });
      default:
        throw refuse();
    }
  }

  /** The provider's id, for example `aws-load-balancer-controller`. */
  public readonly id: string;

  private readonly rawOptions: object;

  protected constructor(private readonly implementation: ProviderImplementation, rawOptions: object = implementation.options) {
    this.id = implementation.id;
    this.rawOptions = typeof rawOptions === 'object' && rawOptions !== null ? rawOptions : {};
  }

  /** The provider as a phrase, with its version when known: `the AWS Load Balancer Controller 2.13`. */
  public get description(): string {
    return this.implementation.description;
  }

  /**
   * Whether the load balancer health-checks the pods themselves (AWS Network Load Balancers), so that a UDP-only pod
   * needs a TCP or HTTP health endpoint such as the health-check sidecar; false where it checks nodes (kube-proxy's
   * health port) or nothing.
   */
  public get checksPods(): boolean {
    return this.implementation.checksPods;
  }

  /** The version given in the provider's options (the AWS Load Balancer Controller's, MetalLB's), if any. */
  public get version(): string | undefined {
    const version = (this.rawOptions as { version?: unknown }).version;
    return typeof version === 'string' ? version : undefined;
  }

  /** Whether the version is given, is a release number, and is at least `release`. */
  public isAtLeast(release: string): boolean {
    const version = this.version;
    if (version === undefined || !this.isVersion(version)) return false;
    return (this.implementation.compareVersions ?? compareReleases)(version, release) >= 0;
  }

  /**
   * The value of one of the options the provider was made with, as given.
   * @internal
   */
  public optionValue(name: string): unknown {
    return (this.rawOptions as Record<string, unknown>)[name];
  }

  /** Whether one LoadBalancer Service may carry TCP and UDP on one port (the Kubernetes version aside). */
  public mixedProtocol(): MixedProtocolSupport {
    return this.implementation.mixedProtocol();
  }

  /**
   * How two split Services share one address (a phrase), or `undefined` when they cannot and get two addresses.
   */
  public sharedAddress(endpointName: string): string | undefined {
    return this.implementation.sharedAddress(endpointName);
  }

  /** The annotations and class of one LoadBalancer Service. */
  public settings(role: ProviderServiceRole): ProviderSettings {
    return this.implementation.settings(role);
  }

  /** Problems with the options: options of another provider, versions that are not versions. */
  public checkOptions(field: string): Finding[] {
    const types = OPTION_TYPES[this.id] ?? {};
    const known = Object.keys(types);
    const findings: Finding[] = [];
    for (const [key, value] of Object.entries(this.rawOptions)) {
      if (value === undefined) continue;
      if (known.includes(key)) {
        if (key !== 'version' && !hasType(value, types[key])) {
          findings.push(findingOf(RULES.UDP146, {
            field: `${field}.${key}`, value, message: `must be ${typeText(types[key])}`, allowed: typeText(types[key]),
          }));
        } else {
          findings.push(...optionValueFindings(this.id, `${field}.${key}`, key, value));
        }
        continue;
      }
      const owners = Object.entries(OPTION_TYPES).filter(([, keys]) => key in keys).map(([id]) => id);
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
    if (version !== undefined && (typeof version !== 'string' || !this.isVersion(version))) {
      findings.push(findingOf(RULES.UDP313, {
        field: `${field}.version`,
        value: version,
        message: this.id === 'gke' ? 'is not a GKE version' : 'is not a release number',
        allowed: this.id === 'gke' ? 'a GKE version such as "1.34.1-gke.2190000"' : 'a version such as "2.13" or "v2.13.0"',
      }));
    }
    return findings;
  }

  /** Whether `version` is a version in this provider's numbering. */
  private isVersion(version: string): boolean {
    return this.implementation.isVersion ? this.implementation.isVersion(version) : isRelease(version);
  }
}

/** `gke` with its arguments: a mode (`backend-service`, `l4-rbs`, `target-pool`), `internal`, a GKE version. */
function parseGke(args: string[], refuse: () => Error): LoadBalancerProvider {
  let mode = GkeLoadBalancerMode.TARGET_POOL;
  let internal: boolean | undefined;
  let version: string | undefined;
  for (const arg of args) {
    if (arg === 'backend-service' || arg === 'l4-rbs') mode = GkeLoadBalancerMode.BACKEND_SERVICE;
    else if (arg === 'target-pool') mode = GkeLoadBalancerMode.TARGET_POOL;
    else if (arg === 'internal') internal = true;
    else if (version === undefined && isGkeVersion(arg)) version = arg;
    else throw refuse();
  }
  return LoadBalancerProvider.gke({ mode, internal, version });
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
