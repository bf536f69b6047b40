export * from './protocol';
export * from './port-range';
export * from './names';
export * from './cidr';
