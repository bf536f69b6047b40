export * from './rule-validation';
