/**
 * k8s-udp-constructs: cdk8s constructs for UDP and TCP+UDP Services, and the rule engine they share with the linter.
 *
 * This entry point never loads an `@pulumi` module: the Pulumi components live under `k8s-udp-constructs/pulumi`.
 *
 * @packageDocumentation
 */
export * from './model';
export * from './rules';
export * from './validation';
export * from './workloads';
export * from './k8s';
export * from './sidecar';
export * from './catalog';
export * from './diagram';
