/**
 * The generated inputs of the SrvRecord property tests (srv-record.test.ts), shared with the API-server tests
 * (test/apiserver/properties.test.ts), which create a seeded sample of them on a real API server.
 */
import { Chart, Duration } from 'cdk8s';
import * as fc from 'fast-check';
import { dns1123Label, freshChart, hostname, ttl } from './helpers';
import { SrvProtocol, SrvRecord, SrvRecordProps, SrvRecordTarget } from '../../src';

export function build(props: SrvRecordProps): Chart {
  const chart = freshChart();
  new SrvRecord(chart, 'srv', props);
  return chart;
}

/** An RFC 6335 service name, with or without its underscore, any case, single inner hyphens. */
const service = fc.tuple(fc.stringMatching(/^[A-Za-z]([A-Za-z0-9]|-[A-Za-z0-9]){0,7}$/), fc.boolean())
  .map(([name, underscore]) => (underscore ? `_${name}` : name));
const srvNumber = fc.integer({ min: 0, max: 65535 });
const target: fc.Arbitrary<SrvRecordTarget> = fc.record({
  host: hostname,
  port: srvNumber,
  priority: fc.option(srvNumber, { nil: undefined }),
  weight: fc.option(srvNumber, { nil: undefined }),
});
/** A domain that leaves room for `_service._proto.`: up to 230 characters. */
const domain = fc.oneof(hostname,
  fc.integer({ min: 150, max: 230 }).map((n) => `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(Math.min(63, n - 128))}.com`));

export const validProps: fc.Arbitrary<SrvRecordProps> = fc.record({
  metadata: fc.option(fc.record({ name: dns1123Label, namespace: fc.option(dns1123Label, { nil: undefined }) }), { nil: undefined }),
  service,
  protocol: fc.constantFrom(SrvProtocol.UDP, SrvProtocol.TCP),
  domain,
  targets: fc.array(target, { minLength: 1, maxLength: 4 }),
  ttl: fc.option(fc.oneof(ttl, ttl.map((s) => Duration.seconds(s))), { nil: undefined }),
});

