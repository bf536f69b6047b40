export * from './service';
export * from './config-map';
export * from './network-policy';
