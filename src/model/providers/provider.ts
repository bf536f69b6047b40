import { Protocol } from '../protocol';

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

/**
 * One load-balancer implementation, behind the `LoadBalancerProvider` facade: what it supports and what it emits.
 * Each implementation lives in its own file under `model/providers/`.
 */
export interface ProviderImplementation {
  /** The provider's id, for example `aws-load-balancer-controller`. */
  readonly id: string;
  /** The options it was made with, as given. */
  readonly options: object;
  /** The provider as a phrase, with its version when known. */
  readonly description: string;
  /**
   * Whether its load balancer health-checks the pods themselves (so that a UDP-only pod needs a TCP or HTTP health
   * endpoint, such as the health-check sidecar), rather than the nodes (kube-proxy) or nothing at all.
   */
  readonly checksPods: boolean;
  /** Whether one LoadBalancer Service may carry TCP and UDP on one port (the Kubernetes version aside). */
  mixedProtocol(): MixedProtocolSupport;
  /** How two split Services share one address (a phrase), or `undefined` when they cannot. */
  sharedAddress(endpointName: string): string | undefined;
  /** The annotations and class of one LoadBalancer Service. */
  settings(role: ProviderServiceRole): ProviderSettings;
  /** Whether `version` is a version of this provider (a release number unless it says otherwise). */
  isVersion?(version: string): boolean;
  /** Whether `version` is at least `release`, in this provider's numbering. */
  compareVersions?(version: string, release: string): number;
}
