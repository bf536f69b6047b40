import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { compact } from './service';

/*
 * A typed networking/v1 binding the library owns for the NetworkPolicy objects it emits, so that emitting them loads
 * no particular cdk8s-plus major. Field names and JSON are the Kubernetes API's own (release-1.28 OpenAPI,
 * `io.k8s.api.networking.v1`); test/apiserver creates them on a real server.
 */

/** `io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector`: the labels form, the one this library writes. */
export interface KubeLabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
}

/** `io.k8s.api.networking.v1.IPBlock`. */
export interface KubeIpBlock {
  readonly cidr: string;
  readonly except?: readonly string[];
}

/** `io.k8s.api.networking.v1.NetworkPolicyPeer`. */
export interface KubeNetworkPolicyPeer {
  readonly ipBlock?: KubeIpBlock;
  readonly namespaceSelector?: KubeLabelSelector;
  readonly podSelector?: KubeLabelSelector;
}

/** `io.k8s.api.networking.v1.NetworkPolicyPort`. */
export interface KubeNetworkPolicyPort {
  readonly endPort?: number;
  readonly port?: number | string;
  readonly protocol?: string;
}

/** `io.k8s.api.networking.v1.NetworkPolicyIngressRule`. */
export interface KubeNetworkPolicyIngressRule {
  readonly from?: readonly KubeNetworkPolicyPeer[];
  readonly ports?: readonly KubeNetworkPolicyPort[];
}

/** `io.k8s.api.networking.v1.NetworkPolicySpec`: the fields this library sets. */
export interface KubeNetworkPolicySpec {
  readonly ingress?: readonly KubeNetworkPolicyIngressRule[];
  readonly podSelector: KubeLabelSelector;
  readonly policyTypes?: readonly string[];
}

/** A NetworkPolicySpec as the JSON the API server reads. */
export function networkPolicySpecJson(spec: KubeNetworkPolicySpec): Record<string, unknown> {
  // no labels is `{}` (every pod or namespace), as the API server writes it back
  const selector = (s: KubeLabelSelector) => compact({
    matchLabels: s.matchLabels && Object.keys(s.matchLabels).length > 0 ? compact(s.matchLabels) : undefined,
  });
  return compact({
    podSelector: selector(spec.podSelector),
    policyTypes: spec.policyTypes,
    ingress: spec.ingress?.map((rule) => compact({
      from: rule.from?.map((peer) => compact({
        ipBlock: peer.ipBlock ? compact(peer.ipBlock) : undefined,
        namespaceSelector: peer.namespaceSelector ? selector(peer.namespaceSelector) : undefined,
        podSelector: peer.podSelector ? selector(peer.podSelector) : undefined,
      })),
      ports: rule.ports?.map((port) => compact(port)),
    })),
  });
}

/** Props of `KubeNetworkPolicy`. */
export interface KubeNetworkPolicyProps {
  /** Name, namespace, labels and annotations. */
  readonly metadata?: ApiObjectMetadata;
  /** The spec, rendered at synthesis. */
  readonly spec: () => KubeNetworkPolicySpec;
}

/** A networking/v1 NetworkPolicy object. */
export class KubeNetworkPolicy extends ApiObject {
  public constructor(scope: Construct, id: string, props: KubeNetworkPolicyProps) {
    super(scope, id, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => networkPolicySpecJson(props.spec()) }),
    });
  }
}
