export * from './service-type';
export * from './session-affinity';
export * from './selector';
export * from './service-base';
export * from './udp-service';
export * from './dual-protocol-endpoint';
export * from './rule-validation';
export { adjustWorkloadPorts } from './workload-ports';
export type { ServiceTarget } from './workload-ports';
