/**
 * k8s-udp-constructs: cdk8s constructs for UDP and TCP+UDP Services, and the rule engine they share with the linter.
 *
 * This entry point exports the constructs, their props, enums and enum-like classes, `UdpRules`, the rule catalog and
 * `checkObjects`. The rules one by one and the checks of single values are in `k8s-udp-constructs/rules`; the Pulumi
 * components in `k8s-udp-constructs/pulumi`. It never loads an `@pulumi` module.
 *
 * @packageDocumentation
 */

// The rule catalog and the findings
export { Severity, formatFinding } from './core/finding';
export type { Finding, ObjectRef, Violation } from './core/finding';
export type { RuleExample, RuleInfo } from './core/rule-info';
export { RULES, RULE_CATALOG, catalogEntry } from './core/catalog';
export type { RuleId } from './core/catalog';
export { checkObjects } from './rules/engine';
export type { CheckOptions, ObjectCheckOptions } from './rules/engine';
export { OBJECT_RULES } from './rules/catalog';
export type { Rule, RuleContext } from './rules/rule';
export type { KubeObject } from './rules/manifest';
export { UdpRules } from './validation/rule-validation';

// The shared vocabulary
export { Protocol } from './model/protocol';
export { PortRange } from './model/port-range';
export { KubernetesVersion } from './model/kubernetes-version';
export { CiliumLoadBalancerClass, GkeLoadBalancerMode, LoadBalancerProvider } from './model/load-balancer-provider';
export type {
  AksOptions, AwsInTreeOptions, AwsLoadBalancerControllerOptions, CiliumOptions, GenericProviderOptions, GkeOptions,
  KubeVipOptions, MetalLbOptions, MixedProtocolDecision, MixedProtocolSupport, ProviderServiceRole, ProviderSettings,
} from './model/load-balancer-provider';
export { HealthCheckProtocol } from './model/health-check';
export { LoadBalancerScheme } from './model/placement';
export { NlbProtocol, NlbTargetType } from './model/nlb-listeners';
export { NlbIpAddressType } from './model/nlb-options';
export type { NlbDnsOptions, NlbHealthCheck, NlbOptions, NlbPortOptions, NlbSrvOptions } from './model/nlb-options';
export type { TargetGroupAttributes } from './model/target-group-attributes';
export { SrvProtocol } from './model/dns';
export { pinNodePorts } from './model/node-ports';
export type { PinnedNodePort } from './model/node-ports';

// Workloads: what a construct may select (cdk8s-plus 28-33 workloads, pod selectors, labels)
export { SUPPORTED_CDK8S_PLUS_MAJORS } from './workloads/majors';
export type { IPlusContainer, IPlusContainerPort, IPlusPodSelector, IPlusWorkload, PodSelection } from './workloads/types';

// Services
export { IpFamily, IpFamilyPolicy, ServiceType, TrafficPolicy } from './k8s/service-type';
export { SessionAffinity } from './k8s/session-affinity';
export { ServiceBase } from './k8s/service-base';
export type { ProtocolServicePort, ServiceOptions, ServicePortOptions } from './k8s/service-base';
export { UdpService } from './k8s/udp-service';
export type { UdpServicePort, UdpServiceProps } from './k8s/udp-service';
export type { HealthNodePortOptions } from './k8s/health-node-port';
export { DualProtocolEndpoint, MixedProtocolMode } from './k8s/dual-protocol-endpoint';
export type { DualProtocolEndpointProps, DualProtocolPort, ProtocolEndpoint } from './k8s/dual-protocol-endpoint';
export { NlbUdpLoadBalancer } from './k8s/nlb-udp-load-balancer';
export type { NlbExternalDnsOptions, NlbPort, NlbUdpLoadBalancerProps } from './k8s/nlb-udp-load-balancer';

// NetworkPolicy: what the pods behind a UDP Service admit
export { NetworkPolicyPeer } from './model/network-policy';
export type { NetworkPolicyPeerJson } from './model/network-policy';
export { UdpNetworkPolicy } from './k8s/udp-network-policy';
export type { UdpNetworkPolicyOptions, UdpNetworkPolicyProps } from './k8s/udp-network-policy';

// Gateway API (L4): Gateways with UDP and TCP listeners, UDPRoute and TCPRoute, the endpoint that makes them
export { GatewayApiChannel, GatewayImplementation, L4RouteKind, RouteApiVersion } from './model/gateway-implementation';
export type { AwsGatewayControllerOptions, GenericGatewayImplementationOptions } from './model/gateway-implementation';
export { GatewayRef } from './gateway/gateway-ref';
export type { GatewayRefOptions, IL4Gateway, L4Listener } from './gateway/gateway-ref';
export { L4Gateway, RouteNamespaces } from './gateway/l4-gateway';
export type { GatewayParametersRef, L4GatewayProps } from './gateway/l4-gateway';
export { L4Route } from './gateway/l4-route';
export type { L4Backend, L4RouteProps } from './gateway/l4-route';
export { ReferenceGrant } from './gateway/reference-grant';
export type { ReferenceGrantProps } from './gateway/reference-grant';
export { GatewayBackendService } from './gateway/backend-service';
export { GatewayEndpoint } from './gateway/gateway-endpoint';
export type { GatewayEndpointDns, GatewayEndpointPort, GatewayEndpointProps } from './gateway/gateway-endpoint';
export { NlbGatewayParameters } from './gateway/aws-nlb-gateway';
export type { NlbGatewayOptions, NlbGatewayTarget } from './gateway/aws-nlb-gateway';

// DNS
export { ExternalDnsAnnotations, ExternalDnsPrefix } from './k8s/external-dns';
export type { ExternalDnsOptions } from './k8s/external-dns';
export { SrvRecord } from './k8s/srv-record';
export type { SrvRecordProps, SrvRecordTarget } from './k8s/srv-record';
export { DualProtocolDns } from './k8s/dual-protocol-dns';
export type { DualProtocolDnsOptions } from './k8s/dual-protocol-dns';
/** The typed bindings of ExternalDNS's DNSEndpoint CRD (`externaldns.k8s.io/v1alpha1`), generated by `cdk8s import`. */
export * as externaldns from './imports/externaldns.k8s.io';

// The UDP health-check sidecar
export { DnsQueryType, DnsResponseCode, UdpProbe, UdpProbeMode } from './sidecar/probe';
export type { DnsProbeOptions, ExchangeProbeOptions } from './sidecar/probe';
export { UdpHealthCheck } from './sidecar/health-check';
export type { SidecarCpu, SidecarResources, UdpHealthCheckProps } from './sidecar/health-check';

// Pictures: what goes where, from a chart or any manifests
export * from './diagram';
