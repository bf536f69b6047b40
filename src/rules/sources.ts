/**
 * Where the facts the rules encode come from. Each rule links one of these, so that a finding can be re-checked.
 */
export const Sources = {
  /** ValidateService, validateServicePort and friends. */
  SERVICE_VALIDATION:
    'https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go',
  /** The NodePort allocator that checks the range and conflicts on create. */
  NODEPORT_ALLOCATOR:
    'https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/registry/core/service/storage/alloc.go',
  /** Name, label and annotation formats. */
  NAME_VALIDATION:
    'https://github.com/kubernetes/apimachinery/blob/release-1.28/pkg/util/validation/validation.go',
  /** Metadata validation (labels, annotation size). */
  OBJECT_META_VALIDATION:
    'https://github.com/kubernetes/apimachinery/blob/release-1.28/pkg/api/validation/objectmeta.go',
  /** How a named targetPort is resolved: by name and protocol among the pod's container ports. */
  FIND_PORT: 'https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/api/v1/pod/util.go',
  /** Probes: exec, httpGet, tcpSocket and grpc, none for UDP. */
  PROBES: 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/',
  /** kube-proxy cleans UDP conntrack entries only for serving endpoints (kubernetes #48370, #127780). */
  CONNTRACK: 'https://github.com/kubernetes/kubernetes/issues/127780',
  /** cdk8s-plus: one package per Kubernetes minor (cdk8s-plus-28 for 1.28, ... cdk8s-plus-33 for 1.33). */
  CDK8S_PLUS: 'https://cdk8s.io/docs/latest/plus/',
  /** MixedProtocolLBService (KEP-1435). */
  MIXED_PROTOCOL_LB: 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/1435-mixed-protocol-lb',
} as const;
