export * from './finding';
export * from './rule-info';
export * from './sources';
export * from './catalog';
