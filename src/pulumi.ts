/**
 * k8s-udp-constructs/pulumi: Pulumi components that create the AWS resources for UDP and TCP+UDP services
 * directly, with the same vocabulary (and the same checks) as the cdk8s constructs.
 *
 * Needs the optional peer dependencies `@pulumi/pulumi` (3.x) and `@pulumi/aws` (7.x). Only the deep modules
 * `@pulumi/aws/lb`, `/ec2`, `/route53` and `/autoscaling` are loaded, never the root `@pulumi/aws`.
 *
 * @packageDocumentation
 */
export * from './aws';
export { MockResourceRecorder, fakeState } from './aws/mock-recorder';
export type { RecordedResource, RecordedOptions, MockRecorderOptions } from './aws/mock-recorder';
export { previewUnderMocks, formatMockPreview } from './aws/preview';
export type { MockPreview } from './aws/preview';
export * from './model';
export { Severity, formatFinding } from './rules/finding';
export type { Finding, Violation } from './rules/finding';
export { findingOf } from './rules/rule';
export type { RuleInfo } from './rules/rule';
