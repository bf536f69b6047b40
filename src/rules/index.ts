export * from './finding';
export * from './rule';
export * from './engine';
export * from './catalog';
export * from './sources';
export type { KubeObject } from './manifest';
export * from './service-values';
export * from './mixed-protocol';
export * from './endpoint-values';
