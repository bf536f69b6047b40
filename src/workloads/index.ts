export * from './types';
export { SUPPORTED_CDK8S_PLUS_MAJORS } from './majors';
