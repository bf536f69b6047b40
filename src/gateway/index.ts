export * from './gateway-ref';
export * from './l4-gateway';
export * from './l4-route';
export * from './reference-grant';
export * from './backend-service';
export * from './gateway-endpoint';
export * from './aws-nlb-gateway';
