/**
 * The adapter between the command line and the cluster model: `--kubernetes-version`, `--provider` and
 * `--external-dns-version` become the engine's `kubernetesVersion`, `provider` and `externalDnsVersion` options, read by
 * the mixed-protocol rules (UDP3xx) and the SRV target form (UDP430).
 */
import { GatewayApiChannel } from '../model/gateway-implementation';
import { isRelease, KubernetesVersion } from '../model/kubernetes-version';
import { LoadBalancerProvider } from '../model/load-balancer-provider';

/** What the command line knows of the cluster. */
export interface ClusterOptions {
  /** The cluster's Kubernetes version. */
  readonly kubernetesVersion?: KubernetesVersion;
  /** The cluster's load-balancer implementation. */
  readonly provider?: LoadBalancerProvider;
  /** The ExternalDNS release that publishes the records. */
  readonly externalDnsVersion?: string;
  /** The cluster's Gateway API release channel. */
  readonly gatewayApiChannel?: GatewayApiChannel;
}

/**
 * An ExternalDNS release: `0.20`, `v0.22.0`.
 * @throws on anything else
 */
export function parseExternalDnsVersion(text: string): string {
  if (!isRelease(text)) throw new Error(`"${text}" is not a release number (an ExternalDNS release such as 0.20 or v0.22.0)`);
  return text;
}

/**
 * `standard` or `experimental`: the Gateway API CRDs the cluster has installed.
 * @throws on anything else
 */
export function parseGatewayApiChannel(text: string): GatewayApiChannel {
  const channel = Object.values(GatewayApiChannel).find((c) => c === text.trim().toLowerCase());
  if (!channel) throw new Error(`"${text}" is not standard or experimental`);
  return channel;
}

/**
 * `1.28`, `v1.28` or `1.28.3`.
 * @throws on anything else
 */
export function parseKubernetesVersion(text: string): KubernetesVersion {
  return KubernetesVersion.parse(text);
}

/**
 * the forms of `PROVIDER_FORMS`, such as `aws-lbc:2.13`, `gke:backend-service:1.34.1-gke.2190000` or `cilium`.
 * @throws on anything else
 */
export function parseProvider(text: string): LoadBalancerProvider {
  return LoadBalancerProvider.parse(text);
}
