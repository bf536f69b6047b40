import { isIPv4, isIPv6 } from 'node:net';

/**
 * Whether `value` is an IPv4 or IPv6 CIDR such as `10.0.0.0/8` or `2001:db8::/32`
 * (the form `loadBalancerSourceRanges` requires).
 */
export function isCidr(value: string): boolean {
  const slash = value.indexOf('/');
  if (slash < 0) return false;
  const address = value.slice(0, slash);
  const prefix = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number(prefix);
  if (isIPv4(address)) return bits <= 32;
  if (isIPv6(address)) return bits <= 128;
  return false;
}
