export * from './rule-validation';
export * from './auxiliary-containers';
