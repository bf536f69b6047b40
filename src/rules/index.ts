export * from './rule';
export * from './engine';
export * from './catalog';
export type { KubeObject } from './manifest';
export * from './mixed-protocol';
export * from './aws-nlb';
export * from './external-dns';
