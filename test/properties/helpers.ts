/**
 * Shared pieces of the generated-input (property) tests: fixed fast-check settings, arbitraries for the values the
 * constructs take, and the three properties every construct must have:
 *
 * - valid props synthesize objects that pass the rule engine and fit the Kubernetes 1.28 schema (./k8s-schema.ts:
 *   every field known, required fields present, values of their types; DNSEndpoints against the CRD's schema);
 * - props with one invalid field fail synthesis with an Error naming a rule id, never a TypeError or partial output;
 * - synthesis is deterministic: the same props in two fresh apps give byte-identical JSON.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { expectFitsKubernetes128 } from './k8s-schema';
import { checkObjects, OBJECT_RULES, Severity, UdpRules } from '../../src';

UdpRules.onWarning(() => undefined);

/** Fixed seed and run count: the same inputs on every run, in CI too. */
export const RUNS = { seed: 20261121, numRuns: 200 } as const;
/** Fewer runs for properties that synthesize twice. */
export const TWICE = { seed: 20261121, numRuns: 100 } as const;

export { API_RESOURCES, expectFitsKubernetes128 } from './k8s-schema';

/** One output directory for every app of these tests (nothing is written: only `Testing.synth`). */
const OUTDIR = fs.mkdtempSync(path.join(os.tmpdir(), 'udp-properties-'));

/** A fresh chart in a fresh app. */
export function freshChart(): Chart {
  return new Chart(new App({ outdir: OUTDIR }), 'test');
}

/**
 * Synthesizes `chart` and asserts what valid props must give: no error from the constructs, none from the rule engine
 * run again on the output, every object fits the Kubernetes 1.28 schema (`expectFitsKubernetes128`: a kind a 1.28 API
 * server serves, every field known and of its type, required fields present; DNSEndpoints: valid against the CRD).
 * @returns the objects
 */
export function expectValidSynthesis(chart: Chart): any[] {
  const objects = Testing.synth(chart);
  expect(objects.length).toBeGreaterThan(0);
  expect(UdpRules.findings(chart).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
  expect(checkObjects(objects, OBJECT_RULES).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
  expectFitsKubernetes128(objects);
  return objects;
}

/**
 * Builds and synthesizes, and asserts that it fails with an Error naming one of `ruleIds` (any `[UDPnnn]` when none
 * is given), not a TypeError, and that nothing was returned.
 */
export function expectRuleError(build: () => Chart, ruleIds: readonly string[] = []): void {
  let output: unknown;
  let error: unknown;
  try {
    output = Testing.synth(build());
  } catch (e) {
    error = e;
  }
  expect(output).toBeUndefined();
  expect(error).toBeInstanceOf(Error);
  expect(error).not.toBeInstanceOf(TypeError);
  const message = (error as Error).message;
  expect(message).toMatch(/\[UDP\d{3}\]/);
  if (ruleIds.length > 0) expect(message).toMatch(new RegExp(ruleIds.map((id) => `\\[${id}\\]`).join('|')));
}

/** Builds twice, each time in a fresh app, and asserts byte-identical JSON. */
export function expectDeterministic(build: () => Chart): void {
  const first = JSON.stringify(Testing.synth(build()));
  const second = JSON.stringify(Testing.synth(build()));
  expect(second).toBe(first);
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

/** A DNS-1123 label (port names, namespaces, container names): lower case, digits, inner hyphens, 1..20 characters. */
export const dns1123Label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,18}[a-z0-9])?$/);
/** A DNS-1035 label (Service names): starts with a letter, up to the 63-character limit. */
export const dns1035Label = fc.oneof(fc.stringMatching(/^[a-z]([-a-z0-9]{0,18}[a-z0-9])?$/), fc.stringMatching(/^[a-z][-a-z0-9]{59,61}[a-z0-9]$/));
/** An IANA_SVC_NAME (named targetPorts): 1..15 lower-case letters (so never `--` nor digits only). */
export const ianaSvcName = fc.stringMatching(/^[a-z]{1,15}$/);
/** A port number, often one of a few well-known ones (so that ports, targets and container ports collide). */
export const port = fc.oneof(fc.constantFrom(53, 88, 1053, 7777, 10080), fc.integer({ min: 1, max: 65535 }));
/** A port number outside 1..65535. */
export const badPort = fc.oneof(fc.integer({ min: -70000, max: 0 }), fc.integer({ min: 65536, max: 200000 }));
/** A nodePort of the default range. */
export const nodePort = fc.integer({ min: 30000, max: 32767 });
/** A nodePort outside the default range but a port number. */
export const badNodePort = fc.oneof(fc.integer({ min: 1, max: 29999 }), fc.integer({ min: 32768, max: 65535 }));

const label = fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9][-A-Za-z0-9]{61}[A-Za-z0-9]$/) });
/** A DNS name of 2..4 labels (a TLD of letters), some near the 63-character label limit, sometimes with its trailing dot. */
export const hostname = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,6}$/), fc.boolean())
  .map(([labels, tld, dot]) => [...labels, tld].join('.') + (dot ? '.' : ''));
/** A hostname for a Service's `hostname`, where `*.example.com` is allowed too. */
export const serviceHostname = fc.oneof(hostname, hostname.map((h) => `*.${h}`));
/** Something that is not a DNS name. */
export const badHostname = fc.constantFrom('', 'a..b', '-x.example.com', 'x-.example.com', 'under_score.example.com', 'sp ace.example.com',
  `${'a'.repeat(64)}.example.com`, `${'abcdefghij.'.repeat(25)}com`, '.example.com', 'example..com.');
/** A TTL ExternalDNS accepts. */
export const ttl = fc.integer({ min: 1, max: 2147483647 });
/** A TTL it does not. */
export const badTtl = fc.oneof(fc.integer({ min: -1000, max: 0 }), fc.integer({ min: 2147483648, max: 2 ** 40 }),
  fc.double({ min: 1.01, max: 1000, noNaN: true }).filter((x) => !Number.isInteger(x)));

/** An IPv4 or IPv6 CIDR. */
export const cidr = fc.oneof(
  fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([a, b]) => `${a}/${b}`),
  fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([a, b]) => `${a}/${b}`),
);
/** Not a CIDR. */
export const badCidr = fc.oneof(
  fc.ipV4(),
  fc.tuple(fc.ipV4(), fc.integer({ min: 33, max: 999 })).map(([a, b]) => `${a}/${b}`),
  fc.tuple(fc.ipV6(), fc.integer({ min: 129, max: 999 })).map(([a, b]) => `${a}/${b}`),
  fc.constantFrom('10.0.0.0/', '/8', '10.0.0/8', 'any', '10.0.0.0/-1', '300.0.0.0/8'),
);

/** The workload a Service may select: a cdk8s-plus Deployment (built in the chart), plain labels, or nothing. */
export type SelectorKind = 'deployment' | 'labels' | 'none';
export const selectorKind = fc.constantFrom<SelectorKind>('deployment', 'labels', 'none');

/** A Deployment with one container, an optional port and a readiness probe. */
export function deployment(chart: Chart, containerPort?: number, replicas = 2): kplus.Deployment {
  return new kplus.Deployment(chart, 'app', {
    replicas,
    containers: [{ image: 'registry.example.com/server:1.0', portNumber: containerPort, readiness: kplus.Probe.fromCommand(['true']) }],
  });
}

/** The selector a spec describes, built in `chart`: a Deployment, plain labels, or none. */
export function selectorFor(chart: Chart, kind: SelectorKind, containerPort?: number): kplus.Deployment | Record<string, string> | undefined {
  if (kind === 'deployment') return deployment(chart, containerPort);
  return kind === 'labels' ? { app: 'server' } : undefined;
}

/** `n` distinct values of `arb`. */
export function distinct<T>(arb: fc.Arbitrary<T>, min: number, max: number): fc.Arbitrary<T[]> {
  return fc.uniqueArray(arb, { minLength: min, maxLength: max });
}
