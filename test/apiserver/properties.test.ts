/**
 * A seeded sample of the property tests' valid generated props (test/properties/<name>.inputs.ts), synthesized and
 * created for real on the API server of the run, each sample in a fresh namespace, then deleted.
 *
 * The property tests check hundreds of inputs against the rules and the 1.28 OpenAPI schema; the server is slower, so
 * a fixed number of them per construct go to it, from a fixed seed: the same inputs on every run, and a failure names
 * the seed and the sample to reproduce it. UDP_APISERVER_SEED=<n> and UDP_APISERVER_SAMPLES=<n> draw another sample.
 */
import { Chart, Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { Cluster } from './cluster';
import * as dual from '../properties/dual-protocol-endpoint.inputs';
import * as health from '../properties/health-check.inputs';
import { RUNS } from '../properties/helpers';
import * as nlb from '../properties/nlb-udp-load-balancer.inputs';
import * as srv from '../properties/srv-record.inputs';
import * as udp from '../properties/udp-service.inputs';

jest.setTimeout(120_000);

/** The seed of the sample: the property tests' own, unless UDP_APISERVER_SEED says otherwise. */
const SEED = process.env.UDP_APISERVER_SEED ? Number(process.env.UDP_APISERVER_SEED) : RUNS.seed;
/** Samples per construct and run: 20, unless UDP_APISERVER_SAMPLES says otherwise. */
const SAMPLES = process.env.UDP_APISERVER_SAMPLES ? Number(process.env.UDP_APISERVER_SAMPLES) : 20;

interface Generated<T> {
  readonly construct: string;
  readonly file: string;
  readonly arbitrary: fc.Arbitrary<T>;
  readonly build: (input: T) => Chart;
}

const GENERATED: ReadonlyArray<Generated<any>> = [
  { construct: 'UdpService', file: 'udp-service.inputs.ts', arbitrary: udp.validSpec, build: udp.build },
  { construct: 'DualProtocolEndpoint', file: 'dual-protocol-endpoint.inputs.ts', arbitrary: dual.validSpec, build: dual.build },
  { construct: 'NlbUdpLoadBalancer', file: 'nlb-udp-load-balancer.inputs.ts', arbitrary: nlb.validSpec, build: nlb.build },
  { construct: 'SrvRecord', file: 'srv-record.inputs.ts', arbitrary: srv.validProps, build: srv.build },
  { construct: 'UdpHealthCheck', file: 'health-check.inputs.ts', arbitrary: health.validSpec, build: health.build },
];

let cluster: Cluster;
beforeAll(() => {
  cluster = Cluster.connect();
});

describe.each(GENERATED.map((g) => [g.construct, g] as const))('%s, generated props', (construct, g) => {
  const samples = fc.sample(g.arbitrary, { seed: SEED, numRuns: SAMPLES });

  test.each(samples.map((input, i) => [i + 1, input] as const))(`sample %i of ${SAMPLES} (seed ${SEED}): every object is created`, async (n, input) => {
    const where = `${construct} sample ${n} of fc.sample(validSpec of test/properties/${g.file}, { seed: ${SEED}, numRuns: ${SAMPLES} })`;
    const objects = Testing.synth(g.build(input));
    expect(objects.length).toBeGreaterThan(0);
    const { created, refused } = await cluster.createAndDelete(
      objects.map((object) => ({ object, source: where })), `${construct}-${n}`);
    if (refused.length > 0) throw new Error(`${refused.join('\n')}\nthe props: ${fc.stringify(input)}`);
    expect(created).toHaveLength(objects.length);
  });
});
