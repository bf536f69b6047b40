/**
 * The generated inputs of the UdpHealthCheck property tests (health-check.test.ts), shared with the API-server tests
 * (test/apiserver/properties.test.ts), which create a seeded sample of them on a real API server.
 */
import { Chart, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import * as fc from 'fast-check';
import { distinct, freshChart, port } from './helpers';
import { DnsQueryType, DnsResponseCode, UdpHealthCheck, UdpHealthCheckProps, UdpProbe } from '../../src';

// ---------------------------------------------------------------------------------------------------------------
// Specs: plain data (printable counterexamples); probes and workloads are built from them in each fresh chart.

/** A probe as data. Fields hold whatever the test wants to pass, valid or not (untyped input goes through `as any`). */
export type ProbeSpec =
  | { readonly mode: 'bound'; readonly port: unknown }
  | { readonly mode: 'exchange'; readonly port: unknown; readonly options?: unknown }
  | { readonly mode: 'dns'; readonly port: unknown; readonly options?: unknown };

export type WorkloadKind = 'Pod' | 'Deployment' | 'StatefulSet' | 'DaemonSet';

export interface Spec {
  readonly workload: WorkloadKind;
  /** UDP container ports of the server container. */
  readonly udpPorts: readonly number[];
  /** TCP container ports of the server container (never one of the sidecar's, in valid specs). */
  readonly tcpPorts: readonly number[];
  /** The probes, or anything else in place of the list (untyped input). */
  readonly probes: readonly ProbeSpec[] | { readonly raw: unknown };
  /** Every prop but `probes`. */
  readonly props: Omit<UdpHealthCheckProps, 'probes'>;
}

/** What the valid specs' options were, in the typed form the expectations are computed from. */
export interface ExchangeOptions { payload: string | Uint8Array; expect?: string; timeout?: number; host?: string }
export interface DnsOptions { name?: string; type?: DnsQueryType; rcodes?: DnsResponseCode[]; timeout?: number; host?: string }

function probeOf(spec: ProbeSpec): UdpProbe {
  const any = spec as any;
  const options = any.options === undefined ? undefined : typedOptions(any.options);
  switch (spec.mode) {
    case 'bound': return UdpProbe.bound(any.port);
    case 'exchange': return UdpProbe.exchange(any.port, options);
    case 'dns': return UdpProbe.dns(any.port, options);
  }
}

/** The options as the factories take them: the valid specs' whole-second timeouts as Durations, raw ones as given. */
function typedOptions(options: any): any {
  if (options === null || typeof options !== 'object') return options;
  const { rawTimeout, ...rest } = options;
  return rawTimeout || rest.timeout === undefined ? rest : { ...rest, timeout: Duration.seconds(rest.timeout) };
}

export function workloadIn(chart: Chart, spec: Spec): kplus.Pod | kplus.Deployment | kplus.StatefulSet | kplus.DaemonSet {
  const containers: kplus.ContainerProps[] = [{
    name: 'server',
    image: 'registry.example.com/server:1.0',
    // named: a StatefulSet's headless Service takes the ports, and a Service with several ports needs their names
    ports: [
      ...spec.udpPorts.map((number) => ({ number, protocol: kplus.Protocol.UDP, name: `u${number}` })),
      ...spec.tcpPorts.map((number) => ({ number, protocol: kplus.Protocol.TCP, name: `t${number}` })),
    ],
  }];
  switch (spec.workload) {
    case 'Pod': return new kplus.Pod(chart, 'app', { containers });
    case 'Deployment': return new kplus.Deployment(chart, 'app', { containers, replicas: 2 });
    case 'StatefulSet': return new kplus.StatefulSet(chart, 'app', { containers, replicas: 2 });
    case 'DaemonSet': return new kplus.DaemonSet(chart, 'app', { containers });
  }
}

export function probesOf(spec: Spec): UdpProbe[] {
  return Array.isArray(spec.probes) ? spec.probes.map(probeOf) : (spec.probes as { raw: unknown }).raw as UdpProbe[];
}

export function build(spec: Spec): Chart {
  const chart = freshChart();
  UdpHealthCheck.addTo(workloadIn(chart, spec), { ...spec.props, probes: probesOf(spec) });
  return chart;
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries of valid props

/** A port the sidecar can listen on: 1024 and up mostly (below is a warning, UDP615, which valid props may get). */
const servingPort = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1024, max: 65535 }) }, { weight: 1, arbitrary: port });
const timeout = fc.integer({ min: 1, max: 30 });
const host = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom('127.0.0.1', '::1'));
/** A DNS label as the sidecar accepts it: letters, digits, `_` and inner `-`. */
const dnsLabel = fc.stringMatching(/^[A-Za-z0-9_]([-A-Za-z0-9_]{0,10}[A-Za-z0-9_])?$/);
/** A DNS name for a `dns` probe, some at the 253-character limit (with or without the trailing dot). */
const dnsName = fc.oneof(
  fc.tuple(fc.array(dnsLabel, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([labels, dot]) => labels.join('.') + (dot ? '.' : '')),
  fc.tuple(fc.oneof(fc.constant(61), fc.integer({ min: 1, max: 61 })), fc.boolean())
    .map(([n, dot]) => `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(n)}${dot ? '.' : ''}`),
);
/** A payload of 1 to 512 bytes: UTF-8 text (any code points) or raw bytes. */
const payload = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 128 }),
  fc.uint8Array({ minLength: 1, maxLength: 512 }),
  fc.uint8Array({ minLength: 500, maxLength: 512 }),
);
/** An expected-reply pattern: one line of 1 to 256 UTF-16 units. */
const expectPattern = fc.string({ unit: 'binary', minLength: 1, maxLength: 128 }).filter((s) => !/[\n\r\0]/.test(s));

const exchangeOptions: fc.Arbitrary<ExchangeOptions> = fc.record({
  payload,
  expect: fc.option(expectPattern, { nil: undefined }),
  timeout: fc.option(timeout, { nil: undefined }),
  host: fc.option(host, { nil: undefined }),
}, { requiredKeys: ['payload'] });

const dnsOptions: fc.Arbitrary<DnsOptions> = fc.record({
  name: dnsName,
  type: fc.constantFrom(...Object.values(DnsQueryType)),
  rcodes: fc.subarray(Object.values(DnsResponseCode), { minLength: 1 }),
  timeout: timeout,
  host: host,
}, { requiredKeys: [] });

function probeSpec(ports: readonly number[]): fc.Arbitrary<ProbeSpec> {
  // mostly a declared UDP port; sometimes another (a warning, UDP616, which valid props may get)
  const probed = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ports) }, { weight: 1, arbitrary: port });
  return fc.oneof(
    probed.map((p): ProbeSpec => ({ mode: 'bound', port: p })),
    fc.tuple(probed, exchangeOptions).map(([p, options]): ProbeSpec => ({ mode: 'exchange', port: p, options })),
    fc.tuple(probed, fc.option(dnsOptions, { nil: undefined })).map(([p, options]): ProbeSpec => ({ mode: 'dns', port: p, options })),
  );
}

/** Resources, with the JSON cdk8s-plus renders for them. */
export const RESOURCES: ReadonlyArray<[kplus.ContainerResources | undefined, unknown]> = [
  [undefined, { limits: { cpu: '100m', memory: '16Mi' }, requests: { cpu: '5m', memory: '8Mi' } }],
  [{ memory: { limit: Size.mebibytes(32) } }, { limits: { memory: '32Mi' } }],
  [{ cpu: { request: kplus.Cpu.millis(10), limit: kplus.Cpu.units(1) } }, { limits: { cpu: '1' }, requests: { cpu: '10m' } }],
];

export const validSpec: fc.Arbitrary<Spec> = fc.record({
  workload: fc.constantFrom<WorkloadKind>('Pod', 'Deployment', 'StatefulSet', 'DaemonSet'),
  udpPorts: distinct(port, 1, 3),
  tcpPorts: distinct(port, 0, 2),
  serving: distinct(servingPort, 2, 2),
  serveHttp: fc.option(fc.boolean(), { nil: undefined }),
  httpPortGiven: fc.boolean(),
  withTcp: fc.boolean(),
  period: fc.option(fc.tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom('s', 'ms', 'min')), { nil: undefined }),
  image: fc.option(fc.stringMatching(/^[a-z0-9]([-a-z0-9./:@]{0,40})$/), { nil: undefined }),
  command: fc.option(fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 4 }), { nil: undefined }),
  udpClient: fc.option(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''), { nil: undefined }),
  containerName: fc.option(fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,18}[a-z0-9])?$/).filter((n) => n !== 'server'), { nil: undefined }),
  resources: fc.integer({ min: 0, max: RESOURCES.length - 1 }),
  readiness: fc.option(fc.boolean(), { nil: undefined }),
  readinessFailureThreshold: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }),
}).chain((g) => {
  const free = g.serving.filter((p) => !g.tcpPorts.includes(p) && p !== 10080);
  return fc.array(probeSpec(g.udpPorts), { minLength: 1, maxLength: 4 }).map((probes): Spec => {
    const http = g.serveHttp !== false;
    // the sidecar's ports: never a TCP port of the server (UDP613), HTTP and TCP different (UDP612), at least one (UDP611)
    const httpPort = http && g.httpPortGiven && free.length > 0 ? free[0] : undefined;
    const tcpCandidates = free.filter((p) => p !== (http ? httpPort ?? 10080 : undefined));
    const tcpPort = (g.withTcp || !http) && tcpCandidates.length > 0 ? tcpCandidates[tcpCandidates.length - 1] : undefined;
    const serveHttp = !http && tcpPort === undefined ? undefined : g.serveHttp;
    const tcpPorts = http && httpPort === undefined ? g.tcpPorts.filter((p) => p !== 10080) : g.tcpPorts;
    const [unit, n] = g.period ? [g.period[1], g.period[0]] : [];
    const period = n === undefined ? undefined
      : unit === 'ms' ? Duration.millis(n * 1000) : unit === 'min' && n % 60 === 0 ? Duration.minutes(n / 60) : Duration.seconds(n);
    return {
      workload: g.workload,
      udpPorts: g.udpPorts,
      tcpPorts,
      probes,
      props: {
        httpPort,
        serveHttp,
        tcpPort,
        period,
        image: g.image,
        command: g.command,
        udpClient: g.udpClient,
        containerName: g.containerName,
        resources: RESOURCES[g.resources][0],
        readiness: g.readiness,
        readinessFailureThreshold: g.readinessFailureThreshold,
      },
    };
  });
});

