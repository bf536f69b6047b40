/**
 * k8s-udp-constructs/pulumi: Pulumi components that create the AWS resources for UDP and TCP+UDP services
 * directly, with the same vocabulary (and the same checks) as the cdk8s constructs.
 *
 * Needs the optional peer dependencies `@pulumi/pulumi` (3.x) and `@pulumi/aws` (7.x). Only the deep modules
 * `@pulumi/aws/lb`, `/ec2`, `/route53` and `/autoscaling` are loaded, never the root `@pulumi/aws`.
 *
 * @packageDocumentation
 */
export { NlbUdpLoadBalancer } from './aws/nlb-udp-load-balancer';
export { NlbUdpLoadBalancerError } from './aws/plan';
export type { NlbDnsArgs, NlbTargetsArgs, NlbUdpLoadBalancerArgs } from './aws/args';
export { MockResourceRecorder, fakeState } from './aws/mock-recorder';
export type { RecordedResource, RecordedOptions, MockRecorderOptions } from './aws/mock-recorder';
export { previewUnderMocks, formatMockPreview } from './aws/preview';
export type { MockPreview } from './aws/preview';

// The shared vocabulary: the options every Network Load Balancer of this library has, on both sides
export type { NlbDnsOptions, NlbHealthCheck, NlbOptions, NlbPortOptions, NlbSrvOptions } from './model/nlb-options';
export { NlbIpAddressType } from './model/nlb-options';
/** cdk8s's `Duration`, the type of `healthCheck.interval`, `healthCheck.timeout` and `dns.ttl`. */
export { Duration } from 'cdk8s';
export { HealthCheckProtocol } from './model/health-check';
export { LoadBalancerScheme } from './model/placement';
export { NlbProtocol, NlbTargetType } from './model/nlb-listeners';
export type { TargetGroupAttributes } from './model/target-group-attributes';
export { SrvProtocol } from './model/dns';
export { pinNodePorts } from './model/node-ports';
export type { PinnedNodePort } from './model/node-ports';

// The rule catalog and the findings
export { Severity, formatFinding } from './core/finding';
export type { Finding, Violation } from './core/finding';
export type { RuleExample, RuleInfo } from './core/rule-info';
export { RULES, RULE_CATALOG, catalogEntry } from './core/catalog';
