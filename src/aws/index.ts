export * from './args';
export * from './names';
export * from './plan';
export * from './nlb-udp-load-balancer';
