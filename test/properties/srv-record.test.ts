import { Duration } from 'cdk8s';
import * as fc from 'fast-check';
import { badHostname, badTtl, expectDeterministic, expectRuleError, expectValidSynthesis, RUNS, TWICE } from './helpers';
import { build, validProps } from './srv-record.inputs';
import { SrvProtocol, SrvRecordProps, SrvRecordTarget } from '../../src';

describe('SrvRecord, generated props', () => {
  test('valid props always synthesize one DNSEndpoint that passes the rules and the CRD schema', () => {
    fc.assert(fc.property(validProps, (props) => {
      const objects = expectValidSynthesis(build(props));
      expect(objects).toHaveLength(1);
      const [endpoint] = objects[0].spec.endpoints;
      expect(endpoint.recordType).toBe('SRV');
      expect(endpoint.targets).toHaveLength(props.targets!.length);
      for (const value of endpoint.targets) expect(value).toMatch(/^\d+ \d+ \d+ [^ ]+[^.]\.$/);
    }), RUNS);
  });

  const invalid: fc.Arbitrary<[SrvRecordProps, string[]]> = fc.tuple(validProps, fc.integer({ min: 0, max: 10 }), badHostname, badTtl,
    fc.constantFrom('', '_', 'a_b', 'toolongservicename', 'dns--x', '-dns', 'dns-', '53', '__kerberos'),
    fc.oneof(fc.integer({ min: -1000, max: -1 }), fc.integer({ min: 65536, max: 10_000_000 }), fc.constant(1.5)))
    .map(([props, which, badName, badTtlValue, badService, badNumber]): [SrvRecordProps, string[]] => {
      const targets = props.targets!;
      const firstTarget = (change: Partial<SrvRecordTarget>): SrvRecordProps =>
        ({ ...props, targets: [{ ...targets[0], ...change }, ...targets.slice(1)] });
      switch (which) {
        case 0: return [{ ...props, service: badService }, ['UDP403']];
        case 1: return [{ ...props, protocol: 'sctp' as SrvProtocol }, ['UDP404']];
        case 2: return [{ ...props, domain: badName }, ['UDP401']];
        case 3: return [firstTarget({ host: badName }), ['UDP401']];
        case 4: return [firstTarget({ port: badNumber }), ['UDP405']];
        case 5: return [firstTarget({ priority: badNumber }), ['UDP405']];
        case 6: return [firstTarget({ weight: badNumber }), ['UDP405']];
        case 7: return [{ ...props, targets: [] }, ['UDP406']];
        case 8: return [{ ...props, ttl: badTtlValue }, ['UDP402']];
        case 9: return [{ ...props, ttl: Duration.millis(1500) }, ['UDP402']];
        // _service._proto.domain over 253 characters
        default: return [{ ...props, domain: `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}` }, ['UDP401']];
      }
    });

  test('props with one invalid field always fail synthesis with its rule id, never a TypeError', () => {
    fc.assert(fc.property(invalid, ([props, ids]) => {
      expectRuleError(() => build(props), ids);
    }), RUNS);
  });

  // A bug found by this property (reported on issue 9): SrvRecord runs only the DNSEndpoint rules (UDP430-UDP435) on
  // its object, not the metadata rules every object gets (UDP130-UDP132), so a DNSEndpoint with an invalid namespace,
  // label or annotation key synthesizes and the API server refuses it. Minimal counterexample:
  //   new SrvRecord(chart, 'srv', { metadata: { namespace: 'Bad_Namespace' }, service: 'kerberos', protocol: SrvProtocol.UDP,
  //     domain: 'example.com', targets: [{ host: 'kdc.example.com', port: 88 }] })  // synthesizes
  test.each<[string, SrvRecordProps['metadata'], string]>([
    ['namespace', { namespace: 'Bad_Namespace' }, 'UDP132'],
    ['label', { labels: { app: '-bad-' } }, 'UDP130'],
    ['annotation key', { annotations: { 'bad key!': 'x' } }, 'UDP131'],
  ])('an invalid %s on the DNSEndpoint fails synthesis with its rule id', (_what, metadata, id) => {
    expectRuleError(() => build({
      metadata, service: 'kerberos', protocol: SrvProtocol.UDP, domain: 'example.com', targets: [{ host: 'kdc.example.com', port: 88 }],
    }), [id]);
  });

  test('synthesis is deterministic: byte-identical JSON from two fresh apps', () => {
    fc.assert(fc.property(validProps, (props) => {
      expectDeterministic(() => build(props));
    }), TWICE);
  });
});
