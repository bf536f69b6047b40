/**
 * Where the facts the rules encode come from: the one registry of source links. Each rule of the catalog names one
 * or more of them, and every finding carries its rule's first, so that a finding can be re-checked.
 */
export const Sources = {
  // Kubernetes
  /** ValidateService, validateServicePort and friends. */
  SERVICE_VALIDATION:
    'https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go',
  /** The NodePort allocator that checks the range and conflicts on create. */
  NODEPORT_ALLOCATOR:
    'https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/registry/core/service/storage/alloc.go',
  /** Name, label and annotation formats. */
  NAME_VALIDATION: 'https://github.com/kubernetes/apimachinery/blob/release-1.28/pkg/util/validation/validation.go',
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
  /**
   * The conntrack reconciler of Kubernetes 1.32 skipped UDP Services with no endpoints, so that one-way senders stayed
   * pointed at a deleted pod (kubernetes #139628, fixed by #139629).
   */
  CONNTRACK_SCALE_TO_ZERO: 'https://github.com/kubernetes/kubernetes/issues/139628',
  /** KEDA's ScaledObject: `minReplicaCount` defaults to 0, so it scales its target to zero unless told otherwise. */
  KEDA_SCALED_OBJECT: 'https://keda.sh/docs/latest/reference/scaledobject-spec/',
  /** The fix of the reconciler for UDP Services scaled to zero (2026). */
  CONNTRACK_SCALE_TO_ZERO_FIX: 'https://github.com/kubernetes/kubernetes/pull/139629',
  /**
   * kube-proxy flushes the UDP conntrack entries of an endpoint that stops being ready, which breaks SIP
   * transactions in flight; the change to keep them was closed unmerged (kubernetes #137986).
   */
  CONNTRACK_NOT_READY: 'https://github.com/kubernetes/kubernetes/pull/137986',
  /** The conntrack reconciler (1.32): only serving endpoints keep their UDP entries. */
  CONNTRACK_RECONCILER: 'https://github.com/kubernetes/kubernetes/pull/127318',
  /** MixedProtocolLBService (KEP-1435). */
  MIXED_PROTOCOL_LB: 'https://github.com/kubernetes/enhancements/tree/master/keps/sig-network/1435-mixed-protocol-lb',

  // NetworkPolicy
  /** The networking/v1 API: NetworkPolicyPort `protocol` "If not specified, this field defaults to TCP". */
  NETWORK_POLICY_API: 'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/',
  /**
   * NetworkPolicy: a pod selected by a policy is isolated and admits only what some policy allows (policies add up);
   * an `ipBlock` may see the address of a node or load balancer where the source is rewritten.
   */
  NETWORK_POLICIES: 'https://kubernetes.io/docs/concepts/services-networking/network-policies/',
  /** Source IP of Services: `externalTrafficPolicy: Cluster` source-NATs external traffic to a node's address; Local keeps it. */
  SOURCE_IP: 'https://kubernetes.io/docs/tutorials/services/source-ip/',
  /** RFC 7766: DNS over TCP is a required part of DNS, used for answers too large for UDP. */
  RFC7766: 'https://www.rfc-editor.org/rfc/rfc7766',

  // AWS Network Load Balancers
  /** CreateTargetGroup: health-check protocols, ranges and defaults for Network Load Balancers. */
  CREATE_TARGET_GROUP: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html',
  /** Health checks for Network Load Balancer target groups. */
  NLB_HEALTH_CHECKS: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-health-checks.html',
  /** aws-cdk-lib's validation of NLB health checks (protocol, path, interval, thresholds, timeout). */
  CDK_NETWORK_TARGET_GROUP:
    'https://github.com/aws/aws-cdk/blob/main/packages/aws-cdk-lib/aws-elasticloadbalancingv2/lib/nlb/network-target-group.ts',
  /** aws-cdk-lib's check that the health-check interval is at least the timeout (aws-cdk #29075: interval >= timeout). */
  CDK_INTERVAL_ABOVE_TIMEOUT: 'https://github.com/aws/aws-cdk/pull/29075',
  /**
   * aws-cdk #16446: a Network Load Balancer accepts a health-check timeout equal to the interval (the stricter
   * "interval greater than timeout" holds for Application Load Balancers only).
   */
  NLB_TIMEOUT_EQUAL_INTERVAL: 'https://github.com/aws/aws-cdk/issues/16446',
  /** TargetGroupAttribute: deregistration delay, stickiness, client IP preservation, connection termination. */
  TARGET_GROUP_ATTRIBUTES:
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetGroupAttribute.html',
  /** Targets must admit the load balancer's health checks, sent from its private addresses in the VPC, on the health-check port. */
  NLB_TARGET_SECURITY:
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/target-group-register-targets.html#target-security-groups',
  /** Client IP preservation cannot be disabled for UDP and TCP_UDP target groups. */
  CLIENT_IP_PRESERVATION:
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation',
  /** LoadBalancerAttribute: deletion protection and cross-zone load balancing, true or false. */
  LOAD_BALANCER_ATTRIBUTES:
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html',
  /** CreateLoadBalancer: the scheme and the IP address type of a load balancer, as AWS takes them. */
  CREATE_LOAD_BALANCER: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html',
  /** SubnetMapping: one subnet per Availability Zone, an Elastic IP only for internet-facing load balancers. */
  SUBNET_MAPPING: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SubnetMapping.html',
  /** NLB listeners: protocols, and TCP_UDP for TCP and UDP on the same port. */
  NLB_LISTENERS: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-listeners.html',
  /**
   * Adding an NLB listener: QUIC and TCP_QUIC listeners not on dualstack load balancers nor with security groups, one
   * per load balancer, none beside UDP or TCP_UDP listeners.
   */
  NLB_QUIC_LISTENERS: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/create-listener.html',
  /** TargetDescription: a QUIC server id is `0x` and 16 lower-case hexadecimal digits, unique per listener. */
  TARGET_DESCRIPTION: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetDescription.html',
  /** NLB security groups: associated only when the load balancer is created, never added or removed later. */
  NLB_SECURITY_GROUPS: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-security-groups.html',
  /** QUIC on NLB (November 2025): passthrough of QUIC v1, targets routed by the server id in the connection id. */
  NLB_QUIC_ANNOUNCEMENT:
    'https://aws.amazon.com/blogs/networking-and-content-delivery/introducing-quic-protocol-support-for-network-load-balancer-accelerating-mobile-first-applications',
  /** RegisterTargets: instance ids and IP addresses. */
  REGISTER_TARGETS: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RegisterTargets.html',
  /** Cross-zone load balancing: off by default on a Network Load Balancer. */
  CROSS_ZONE:
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#cross-zone-load-balancing',

  // Load-balancer implementations
  /** The AWS Load Balancer Controller's Service annotations (scheme, subnets, EIP allocations, TCP_UDP). */
  LBC_ANNOTATIONS:
    'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/docs/guide/service/annotations.md',
  /** The controller's target-group builder: health-check defaults, named health-check ports, attributes. */
  LBC_TARGET_GROUP:
    'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/pkg/service/model_build_target_group.go',
  /**
   * The controller's QUIC use case (2.15.0 and later): `aws-load-balancer-quic-enabled-ports`, server ids injected into
   * pods of namespaces labelled `elbv2.k8s.aws/quic-server-id-inject=enabled` whose template names the containers in
   * `aws-load-balancer-quic-enabled-containers`, and NLB security groups disabled.
   */
  LBC_QUIC: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/docs/guide/use_cases/quic/index.md',
  /** The controller's listener builder: a QUIC-enabled UDP port becomes QUIC, a TCP_UDP one TCP_QUIC, others fail. */
  LBC_LISTENER:
    'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/pkg/service/model_build_listener.go',
  /** The controller registers QUIC targets only from pod endpoints that carry a server id (ip targets). */
  LBC_QUIC_REGISTRATION:
    'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/pkg/targetgroupbinding/resource_manager.go',
  /**
   * The controller's load-balancer builder: a managed NLB security group by default (feature gate NLBSecurityGroup, on
   * since 2.6.0), `aws-load-balancer-disable-nlb-sg` (2.14.0 and later), and "conflicting security groups
   * configuration" when an existing NLB's security groups would change.
   */
  LBC_NLB_SECURITY_GROUPS:
    'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/pkg/service/model_build_load_balancer.go',
  /** A TCP check of a UDP-only target never succeeds (aws-load-balancer-controller #2144). */
  UDP_HEALTH_CHECK: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2144',
  /** The legacy in-tree AWS provider's annotations (cloud-provider-aws). */
  AWS_IN_TREE: 'https://github.com/kubernetes/cloud-provider-aws/blob/master/pkg/providers/v1/aws.go',
  /** GKE's LoadBalancer Service parameters. */
  GKE: 'https://cloud.google.com/kubernetes-engine/docs/concepts/service-load-balancer-parameters',
  /** GKE: `spec.loadBalancerClass` selects the backend-service load balancers from 1.33.1-gke.1779000. */
  GKE_LOAD_BALANCER_CLASS: 'https://cloud.google.com/kubernetes-engine/docs/concepts/service-load-balancer',
  /**
   * GKE mixed-protocol LoadBalancer Services: external IPv4 from 1.34.1-gke.2190000; GA (external and internal, IPv4,
   * IPv6, dual-stack) from 1.36.2-gke.1498000.
   */
  GKE_MIXED_PROTOCOL: 'https://cloud.google.com/kubernetes-engine/docs/how-to/mixed-protocol-lb',
  /** AKS's standard load balancer. */
  AKS: 'https://learn.microsoft.com/en-us/azure/aks/load-balancer-standard',
  /** The Azure cloud provider's default health probes: none for a UDP port under externalTrafficPolicy Cluster. */
  AKS_HEALTH_PROBES: 'https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/#custom-load-balancer-health-probe',
  /** AKS's shared health probe (`clusterServiceLoadBalancerHealthProbeMode: shared`): kube-proxy's port 10256. */
  AKS_SHARED_PROBE: 'https://learn.microsoft.com/en-us/azure/aks/shared-health-probes',
  /** MetalLB's IP address sharing. */
  METALLB: 'https://metallb.universe.tf/usage/#ip-address-sharing',
  /** MetalLB's release notes: mixed protocols validated in 0.13.6, the metallb.io/ prefix in 0.14.9. */
  METALLB_RELEASES: 'https://metallb.universe.tf/release-notes/',
  /** Cilium LB IPAM: requested addresses, sharing keys, cross-namespace sharing, load-balancer classes. */
  CILIUM_LB_IPAM: 'https://github.com/cilium/cilium/blob/main/Documentation/network/lb-ipam.rst',
  /** kube-vip's LoadBalancer Services: `kube-vip.io/loadbalancerIPs`, several Services on one address. */
  KUBE_VIP: 'https://kube-vip.io/docs/usage/kubernetes-services/',
  /** kube-vip serves TCP and UDP in one Service (kube-vip #191). */
  KUBE_VIP_MIXED_PROTOCOL: 'https://github.com/kube-vip/kube-vip/issues/191',

  // Gateway API (L4) and its implementations
  /** Gateway API v1.6: TCPRoute and UDPRoute v1 in the standard channel; one rule, 1-16 backendRefs. */
  GATEWAY_API_ROUTES: 'https://github.com/kubernetes-sigs/gateway-api/blob/v1.6.1/apis/v1/udproute_types.go',
  /** The conformance reports of Gateway API v1.6, per implementation. */
  CONFORMANCE_V1_6: 'https://github.com/kubernetes-sigs/gateway-api/tree/main/conformance/reports/v1.6',
  /** The AWS Load Balancer Controller's L4 gateway: controllerName gateway.k8s.aws/nlb, UDPRoute and TCPRoute. */
  AWS_L4_GATEWAY: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/gateway/l4gateway/',
  /** The AWS Load Balancer Controller's Gateway API support: L4 routes from 2.13.3, no L4 and L7 routes on one Gateway. */
  AWS_GATEWAY: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/gateway/gateway/',
  /** LoadBalancerConfiguration: scheme, subnets with EIP allocations, source ranges, attributes. */
  AWS_LOAD_BALANCER_CONFIG: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/gateway/loadbalancerconfig/',
  /** TargetGroupConfiguration: target type, health check (HTTP, HTTPS or TCP), target-group attributes. */
  AWS_TARGET_GROUP_CONFIG: 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/gateway/targetgroupconfig/',
  /** Envoy Gateway: UDP routing and its GatewayClass controllerName. */
  ENVOY_GATEWAY: 'https://gateway.envoyproxy.io/latest/tasks/traffic/udp-routing/',
  /** Cilium's Gateway API controller (controllerName io.cilium/gateway-controller). */
  CILIUM: 'https://docs.cilium.io/en/latest/network/servicemesh/gateway-api/gateway-api/',
  /** NGINX Gateway Fabric: UDPRoute and TCPRoute (experimental channel, experimental features on). */
  NGINX_GATEWAY_FABRIC: 'https://docs.nginx.com/nginx-gateway-fabric/overview/gateway-api-compatibility/',
  /** Kong Ingress Controller: UDPRoute (controllerName konghq.com/kic-gateway-controller). */
  KONG: 'https://developer.konghq.com/kubernetes-ingress-controller/routing/udp-by-port/',
  /** Istio's Gateway API support (controllerName istio.io/gateway-controller): TCPRoute, no UDPRoute. */
  ISTIO: 'https://istio.io/latest/docs/tasks/traffic-management/ingress/gateway-api/',
  /** Traefik's Gateway API provider (controllerName traefik.io/gateway-controller): TCPRoute and TLSRoute, no UDPRoute. */
  TRAEFIK: 'https://doc.traefik.io/traefik/reference/routing-configuration/kubernetes/gateway-api/',
  /** kgateway (controllerName kgateway.dev/kgateway): TCPRoute, no UDPRoute. */
  KGATEWAY: 'https://kgateway.dev/docs/',
  /** ExternalDNS's Gateway API sources: TCPRoute and UDPRoute read as v1alpha2 only. */
  EXTERNALDNS_GATEWAY: 'https://github.com/kubernetes-sigs/external-dns/blob/master/docs/sources/gateway-api.md',

  // DNS
  /** RFC 1035 section 2.3.4: names of at most 255 octets (253 characters in text), labels of at most 63. */
  DNS_NAMES: 'https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4',
  /** ExternalDNS's annotations: hostname (comma-separated), ttl (seconds or a Go duration, 1..2147483647). */
  EXTERNALDNS_ANNOTATIONS:
    'https://github.com/kubernetes-sigs/external-dns/blob/master/docs/annotations/annotations.md',
  /** ExternalDNS's endpoint validation: SRV targets "priority weight port host." with the trailing dot, uint16 numbers. */
  EXTERNALDNS_ENDPOINT: 'https://github.com/kubernetes-sigs/external-dns/blob/master/endpoint/endpoint.go',
  /** ExternalDNS #6383 (first released in v0.22.0): the CRD source lets SRV targets with a trailing dot through. */
  EXTERNALDNS_SRV_DOTTED: 'https://github.com/kubernetes-sigs/external-dns/pull/6383',
  /** ExternalDNS's DNSEndpoint source (`--source=crd`). */
  EXTERNALDNS_CRD: 'https://github.com/kubernetes-sigs/external-dns/blob/master/docs/sources/crd.md',
  /** ExternalDNS's Service source: which Services it publishes (`--publish-internal-services`). */
  EXTERNALDNS_SERVICE_SOURCE: 'https://github.com/kubernetes-sigs/external-dns/blob/master/source/service.go',
  /** RFC 2782: `_Service._Proto.Name`, priority, weight and port 0..65535. */
  RFC2782: 'https://www.rfc-editor.org/rfc/rfc2782',
  /** RFC 6335 section 5.1: service names of 1..15 letters, digits and hyphens. */
  RFC6335_SERVICE_NAME: 'https://www.rfc-editor.org/rfc/rfc6335#section-5.1',

  // The health-check sidecar
  /** cdk8s-plus pods and pod controllers (Pod, Deployment, StatefulSet, DaemonSet), one package per Kubernetes minor. */
  CDK8S_PLUS_WORKLOADS: 'https://cdk8s.io/docs/latest/plus/',
  /** busybox nslookup: `-type=`, `-port=`, `-timeout=`, `-retry=` and the rcode names it prints. */
  BUSYBOX_NSLOOKUP: 'https://git.busybox.net/busybox/tree/networking/nslookup.c?h=1_36_stable',
  /** busybox netcat: `-w SEC` takes whole seconds. */
  BUSYBOX_NC: 'https://git.busybox.net/busybox/tree/networking/nc_bloaty.c?h=1_36_stable',
  /** `net.ipv4.ip_unprivileged_port_start`: below it, binding needs CAP_NET_BIND_SERVICE. */
  UNPRIVILEGED_PORTS: 'https://www.kernel.org/doc/Documentation/networking/ip-sysctl.txt',
} as const;
