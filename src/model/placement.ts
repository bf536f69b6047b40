import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';

/**
 * Whether a load balancer is reachable from the internet. Changing it replaces the load balancer (a new address).
 */
export enum LoadBalancerScheme {
  /** Private addresses in the VPC only. The AWS Load Balancer Controller's default, and this library's. */
  INTERNAL = 'internal',
  /** Public addresses; the only scheme that can hold Elastic IPs. */
  INTERNET_FACING = 'internet-facing',
}

/** The form of an Elastic IP allocation id: `eipalloc-` and hexadecimal digits. */
export const EIP_ALLOCATION_ID = /^eipalloc-[0-9a-f]{8,17}$/;

/** The form of a subnet id: `subnet-` and hexadecimal digits. */
export const SUBNET_ID = /^subnet-[0-9a-f]{8,17}$/;

/**
 * Checks a switch of a load balancer: `true` or `false`, exactly (the cdk8s `NlbUdpLoadBalancer`'s `crossZone`,
 * `deletionProtection` and `ipv6SourceNatPrefix`, and the Pulumi component's `crossZone`, `deletionProtection` and
 * `retainEipsOnDelete`, share it). Untyped input such as `'false'` or `0` is reported rather than read as truthy or
 * falsy.
 *
 * @param value the switch as given; `undefined` means the default
 * @param field the prop path for findings, for example `deletionProtection`
 */
export function checkSwitch(value: unknown, field: string): Finding[] {
  if (value === undefined || typeof value === 'boolean') return [];
  // the words YAML 1.1 read as booleans, which YAML 1.2 (and JSON) leave strings
  const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  const meant = ['true', 'yes', 'on'].includes(text ?? '') ? true : ['false', 'no', 'off'].includes(text ?? '') ? false : undefined;
  return [findingOf(RULES.UDP527, {
    field,
    value,
    message: 'must be true or false',
    allowed: 'true or false',
    hint: meant !== undefined ? `give the boolean ${meant}, not a string` : undefined,
  })];
}

/** The IP address types of a Network Load Balancer. */
const IP_ADDRESS_TYPES: readonly unknown[] = ['ipv4', 'dualstack'];

/**
 * Checks a Network Load Balancer's IP address type: `ipv4` or `dualstack`, exactly (the cdk8s `NlbIpAddressType` and
 * the Pulumi component's `ipAddressType` share it). Untyped input such as `'ipv6'` or `'DUALSTACK'` is reported
 * rather than silently taken for ipv4.
 *
 * @param value the IP address type as given; `undefined` means the default, ipv4
 * @param field the prop path for findings, for example `ipAddressType`
 */
export function checkIpAddressType(value: unknown, field = 'ipAddressType'): Finding[] {
  if (value === undefined || IP_ADDRESS_TYPES.includes(value)) return [];
  return [findingOf(RULES.UDP526, {
    field,
    value,
    message: 'is not an IP address type of a Network Load Balancer',
    allowed: 'ipv4 or dualstack',
  })];
}

/** Where a load balancer goes: its scheme, its subnets and its Elastic IPs, as given by the user. */
export interface PlacementInput {
  /** The scheme as given. `undefined` means the default, internal. */
  readonly scheme?: unknown;
  /**
   * The subnets as given; `undefined` (or `null`) when not given (the cdk8s side then lets the controller discover
   * them). Anything but a list is reported; so is every entry that is not a string, unless `isDeferred` says it is an
   * output (counted but not checked).
   */
  readonly subnets?: unknown;
  /** Whether at least one subnet is required (the Pulumi side creates the NLB itself). */
  readonly subnetsRequired?: boolean;
  /**
   * Whether a subnet may also be given by its Name tag (the AWS Load Balancer Controller's `aws-load-balancer-subnets`
   * annotation takes ids or names, kubernetes-sigs/aws-load-balancer-controller#1667); the AWS API takes ids only.
   * @default false
   */
  readonly subnetNames?: boolean;
  /**
   * The Elastic IPs: `undefined` (or `null`) for none, a number for as many to allocate, or the allocation ids.
   * Anything else is reported; so is every allocation id that is not a string, unless `isDeferred` says it is an
   * output (counted but not checked).
   */
  readonly eips?: unknown;
  /**
   * The Elastic IPs prop as the user wrote it, shown in findings (for example `'allocate'`).
   * @default - `eips`
   */
  readonly eipsValue?: unknown;
  /**
   * Whether a subnet or allocation id is a value known only later (a Pulumi output): such entries are counted but not
   * checked. Every other entry that is not a string (a number, `null`, a plain object) is reported.
   * @default - none is (every entry must be a string)
   */
  readonly isDeferred?: (value: unknown) => boolean;
  /** Prop names for findings. */
  readonly fields: {
    /** The scheme prop, for example `scheme`. */
    readonly scheme: string;
    /** The subnets prop, for example `subnets`. */
    readonly subnets: string;
    /** The Elastic IPs prop, for example `eips`. */
    readonly eips: string;
  };
}

function duplicates(values: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string') continue;
    if (seen.has(value)) dup.add(value);
    seen.add(value);
  }
  return [...dup];
}

/**
 * UDP579, a note: an internet-facing load balancer without Elastic IPs gets addresses from AWS that change when it is
 * replaced (a scheme change, a replacement by the controller or by Pulumi), so clients, DNS caches and allow-lists that
 * know them lose it. Nothing is wrong yet; Elastic IPs (one per subnet) keep the addresses.
 *
 * @param scheme the scheme as given (`undefined`: internal)
 * @param eips the Elastic IPs as given (`undefined`, or an empty list: none)
 * @param field the Elastic IPs prop or annotation, for the finding
 */
export function checkAddressesKept(scheme: unknown, eips: unknown, field: string): Finding[] {
  if (scheme !== LoadBalancerScheme.INTERNET_FACING) return [];
  if (eips === 'allocate' || (Array.isArray(eips) && eips.length > 0)) return [];
  if (eips !== undefined && eips !== null && !Array.isArray(eips)) return [];
  return [findingOf(RULES.UDP579, {
    field,
    value: eips,
    message: 'gives the internet-facing load balancer no Elastic IPs: AWS assigns its addresses, and a replacement gets new ones',
    allowed: 'one Elastic IP per subnet when clients, DNS caches or allow-lists must keep the addresses',
  })];
}

/**
 * Checks a load balancer's scheme, subnets and Elastic IPs: EIPs only when internet-facing, exactly one per subnet,
 * allocation ids of the form `eipalloc-...`, subnet ids of the form `subnet-...`, nothing twice.
 *
 * Works on untyped input too: subnets or Elastic IPs that are no list, and entries that are no string (`null`, a
 * number), are reported (UDP524, UDP523) rather than passed on; only the entries `isDeferred` names (Pulumi outputs)
 * are left unchecked.
 */
export function checkPlacement(input: PlacementInput): Finding[] {
  const { fields } = input;
  const findings: Finding[] = [];
  const deferred = input.isDeferred ?? (() => false);
  const scheme = input.scheme ?? LoadBalancerScheme.INTERNAL;
  if (scheme !== LoadBalancerScheme.INTERNAL && scheme !== LoadBalancerScheme.INTERNET_FACING) {
    findings.push(findingOf(RULES.UDP520, {
      field: fields.scheme,
      value: input.scheme,
      message: 'is not a load-balancer scheme',
      allowed: 'internal or internet-facing',
    }));
  }

  const givenSubnets: unknown = input.subnets ?? undefined;
  const subnets = Array.isArray(givenSubnets) ? givenSubnets as readonly unknown[] : undefined;
  if (givenSubnets !== undefined && subnets === undefined) {
    findings.push(findingOf(RULES.UDP524, {
      field: fields.subnets,
      value: givenSubnets,
      message: 'is not a list of subnet ids',
      allowed: 'a list such as [\'subnet-0123456789abcdef0\'], one subnet per Availability Zone',
    }));
  } else if (subnets === undefined ? input.subnetsRequired : subnets.length === 0 && input.subnetsRequired) {
    findings.push(findingOf(RULES.UDP524, {
      field: fields.subnets,
      value: subnets,
      message: 'must list at least one subnet',
      allowed: 'subnet ids such as subnet-0123456789abcdef0, one per Availability Zone',
    }));
  }
  (subnets ?? []).forEach((subnet, index) => {
    if (typeof subnet === 'string' ? !SUBNET_ID.test(subnet) && !(input.subnetNames && subnet.trim() !== '') : !deferred(subnet)) {
      findings.push(findingOf(RULES.UDP524, {
        field: `${fields.subnets}[${index}]`,
        value: subnet,
        message: 'is not a subnet id',
        allowed: 'subnet- followed by 8 or 17 hexadecimal digits',
      }));
    }
  });
  for (const dup of duplicates(subnets ?? [])) {
    findings.push(findingOf(RULES.UDP525, {
      field: fields.subnets,
      value: dup,
      message: 'is listed more than once',
      allowed: 'each subnet once, one per Availability Zone',
    }));
  }

  const givenEips: unknown = input.eips ?? undefined;
  if (givenEips === undefined) return findings;
  if (typeof givenEips !== 'number' && !Array.isArray(givenEips)) {
    findings.push(findingOf(RULES.UDP523, {
      field: fields.eips,
      value: input.eipsValue ?? givenEips,
      message: 'is not a list of Elastic IP allocation ids',
      allowed: 'a list such as [\'eipalloc-0123456789abcdef0\'], one per subnet',
    }));
    return findings;
  }
  const eips = givenEips as number | readonly unknown[];
  const eipCount = typeof eips === 'number' ? eips : eips.length;
  const shown = input.eipsValue ?? eips;
  if (scheme === LoadBalancerScheme.INTERNAL) {
    findings.push(findingOf(RULES.UDP521, {
      field: fields.eips,
      value: shown,
      message: `cannot be used with scheme ${input.scheme === undefined ? "'internal' (the default)" : "'internal'"}`,
      allowed: `${fields.scheme}: 'internet-facing'`,
    }));
  }
  if (givenSubnets === undefined) {
    findings.push(findingOf(RULES.UDP522, {
      field: fields.eips,
      value: shown,
      message: `need ${fields.subnets}: one Elastic IP per subnet, paired by position`,
      allowed: `${fields.subnets} with as many subnets as Elastic IPs`,
    }));
  } else if (subnets !== undefined && typeof eips !== 'number' && eipCount !== subnets.length) {
    findings.push(findingOf(RULES.UDP522, {
      field: fields.eips,
      value: eips,
      message: `has ${eipCount} allocation id${eipCount === 1 ? '' : 's'} for ${subnets.length} subnet${subnets.length === 1 ? '' : 's'}`,
      allowed: `exactly one Elastic IP per subnet (${subnets.length}), paired by position`,
    }));
  }
  if (typeof eips !== 'number') {
    eips.forEach((id, index) => {
      if (typeof id === 'string' ? !EIP_ALLOCATION_ID.test(id) : !deferred(id)) {
        findings.push(findingOf(RULES.UDP523, {
          field: `${fields.eips}[${index}]`,
          value: id,
          message: 'is not an Elastic IP allocation id',
          allowed: 'eipalloc- followed by 8 or 17 hexadecimal digits',
        }));
      }
    });
    for (const dup of duplicates(eips)) {
      findings.push(findingOf(RULES.UDP525, {
        field: fields.eips,
        value: dup,
        message: 'is listed more than once',
        allowed: 'each Elastic IP once',
      }));
    }
  }
  return findings;
}
