export * from './service';
export * from './config-map';
