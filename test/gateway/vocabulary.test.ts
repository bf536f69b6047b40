/**
 * The AWS NLB gateway speaks the library's one NLB vocabulary: every option of `NlbOptions` but the ports (the
 * endpoint's), `dns` (the endpoint's) and the IPv6 source-NAT prefix is an option of `NlbGatewayOptions`, with the same
 * name and accepting the same values. Checked when compiling: a renamed or narrowed option fails the type check.
 */
import { NlbGatewayOptions, NlbOptions } from '../../src';

/** `true` when every value of `Shared` is a value of `Side`. */
type Accepts<Side, Given> = [Given] extends [Side] ? true : false;

/** The shared options the gateway takes. */
type Shared = Omit<NlbOptions, 'ports' | 'dns' | 'ipv6SourceNatPrefix'>;

type SameVocabulary = {
  readonly [K in keyof Required<Shared>]-?: K extends keyof NlbGatewayOptions ? Accepts<Required<NlbGatewayOptions>[K], Required<Shared>[K]> : false
};

type All<T> = false extends T[keyof T] ? false : true;

const gatewaySide: All<SameVocabulary> = true;

test('every shared NLB option but ports, dns and the IPv6 source-NAT prefix is an option of the NLB gateway (checked when compiling)', () => {
  expect(gatewaySide).toBe(true);
});
