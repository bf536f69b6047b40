import { formatFinding } from '../../src/core/finding';
import { checkPlacement, PlacementInput } from '../../src/model/placement';

// Found by the property tests: a subnet or an allocation id that is no string (a number, null) was taken for a Pulumi
// output and passed on unchecked, so a null subnet reached the load balancer. Only the values isDeferred names are.

const SUBNET_MAPPING = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SubnetMapping.html';
const FIELDS = { scheme: 'scheme', subnets: 'subnets', eips: 'eips' };
const S1 = 'subnet-0aaaaaaaaaaaaaaa1';
const S2 = 'subnet-0aaaaaaaaaaaaaaa2';
const E1 = 'eipalloc-0aaaaaaaaaaaaaaa1';

function messages(input: Omit<PlacementInput, 'fields'>): string[] {
  return checkPlacement({ ...input, fields: FIELDS }).map((f) => formatFinding(f, 'nlb'));
}

describe('checkPlacement: subnets and Elastic IPs that are no strings (untyped input)', () => {
  test('a subnet that is null, a number or an object is UDP524', () => {
    expect(messages({ subnets: [null, S1, 5, {}] })).toEqual([
      `[UDP524] nlb: subnets[0] null: is not a subnet id (subnet- followed by 8 or 17 hexadecimal digits; ${SUBNET_MAPPING})`,
      `[UDP524] nlb: subnets[2] 5: is not a subnet id (subnet- followed by 8 or 17 hexadecimal digits; ${SUBNET_MAPPING})`,
      `[UDP524] nlb: subnets[3] {}: is not a subnet id (subnet- followed by 8 or 17 hexadecimal digits; ${SUBNET_MAPPING})`,
    ]);
  });

  test('subnet Name tags: refused where only ids work (the AWS API), taken where names work (the controller annotation)', () => {
    expect(messages({ subnets: ['public-a', S1] })).toEqual([
      `[UDP524] nlb: subnets[0] "public-a": is not a subnet id (subnet- followed by 8 or 17 hexadecimal digits; ${SUBNET_MAPPING})`,
    ]);
    expect(messages({ subnets: ['public-a', S1], subnetNames: true })).toEqual([]);
    expect(messages({ subnets: ['', null], subnetNames: true })).toEqual([
      `[UDP524] nlb: subnets[0] "": is not a subnet id (subnet- followed by 8 or 17 hexadecimal digits; ${SUBNET_MAPPING})`,
      `[UDP524] nlb: subnets[1] null: is not a subnet id (subnet- followed by 8 or 17 hexadecimal digits; ${SUBNET_MAPPING})`,
    ]);
  });

  test('an allocation id that is null or a number is UDP523', () => {
    expect(messages({ scheme: 'internet-facing', subnets: [S1, S2], eips: [E1, null] })).toEqual([
      `[UDP523] nlb: eips[1] null: is not an Elastic IP allocation id (eipalloc- followed by 8 or 17 hexadecimal digits; ${SUBNET_MAPPING})`,
    ]);
    expect(messages({ scheme: 'internet-facing', subnets: [S1], eips: [7] })).toEqual([
      `[UDP523] nlb: eips[0] 7: is not an Elastic IP allocation id (eipalloc- followed by 8 or 17 hexadecimal digits; ${SUBNET_MAPPING})`,
    ]);
  });

  test('only the values isDeferred names (Pulumi outputs) are counted but not checked', () => {
    const output = { an: 'output' };
    const isDeferred = (value: unknown) => value === output;
    expect(messages({ scheme: 'internet-facing', subnets: [output, S2], eips: [output, E1], isDeferred })).toEqual([]);
    expect(messages({ subnets: [output, null], isDeferred })).toEqual([
      `[UDP524] nlb: subnets[1] null: is not a subnet id (subnet- followed by 8 or 17 hexadecimal digits; ${SUBNET_MAPPING})`,
    ]);
  });

  test('subnets or Elastic IPs that are no list are reported; null is none, as undefined', () => {
    expect(messages({ subnets: `${S1},${S2}` })).toEqual([
      `[UDP524] nlb: subnets "${S1},${S2}": is not a list of subnet ids (a list such as ['subnet-0123456789abcdef0'], one subnet per Availability Zone; ${SUBNET_MAPPING})`,
    ]);
    expect(messages({ scheme: 'internet-facing', subnets: [S1], eips: E1 })).toEqual([
      `[UDP523] nlb: eips "${E1}": is not a list of Elastic IP allocation ids (a list such as ['eipalloc-0123456789abcdef0'], one per subnet; ${SUBNET_MAPPING})`,
    ]);
    // (subnets that are no list are not also "missing" for the Elastic IPs)
    expect(messages({ scheme: 'internet-facing', subnets: 5, eips: [E1] })).toEqual([
      `[UDP524] nlb: subnets 5: is not a list of subnet ids (a list such as ['subnet-0123456789abcdef0'], one subnet per Availability Zone; ${SUBNET_MAPPING})`,
    ]);
    expect(messages({ subnets: null, eips: null })).toEqual([]);
    expect(messages({ subnets: null, subnetsRequired: true })).toEqual([
      `[UDP524] nlb: subnets (unset): must list at least one subnet (subnet ids such as subnet-0123456789abcdef0, one per Availability Zone; ${SUBNET_MAPPING})`,
    ]);
  });
});
