/**
 * The adapter between the command line and the cluster model: `--kubernetes-version` and `--provider` become the
 * engine's `kubernetesVersion` and `provider` options, read by the mixed-protocol rules (UDP3xx).
 */
import { GatewayApiChannel } from '../model/gateway-implementation';
import { KubernetesVersion } from '../model/kubernetes-version';
import { LoadBalancerProvider } from '../model/load-balancer-provider';

/** What the command line knows of the cluster. */
export interface ClusterOptions {
  /** The cluster's Kubernetes version. */
  readonly kubernetesVersion?: KubernetesVersion;
  /** The cluster's load-balancer implementation. */
  readonly provider?: LoadBalancerProvider;
  /** The cluster's Gateway API release channel. */
  readonly gatewayApiChannel?: GatewayApiChannel;
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
 * `aws-lbc[:version]`, `aws-in-tree`, `gke[:backend-service]`, `aks`, `metallb[:version]`, `generic[:mixed]`.
 * @throws on anything else
 */
export function parseProvider(text: string): LoadBalancerProvider {
  return LoadBalancerProvider.parse(text);
}
