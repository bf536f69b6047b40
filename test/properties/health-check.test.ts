import { createHash } from 'node:crypto';
import { App, Chart, Cron, Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { build, DnsOptions, ExchangeOptions, probesOf, ProbeSpec, RESOURCES, Spec, validSpec, workloadIn, WorkloadKind } from './health-check.inputs';
import { badPort, expectValidSynthesis, freshChart, RUNS, TWICE } from './helpers';
import { DnsResponseCode, Severity, SIDECAR_SCRIPT, UDP_HEALTH_DEFAULT_IMAGE, UdpHealthCheck, UdpHealthCheckProps, UdpProbe } from '../../src';

// ---------------------------------------------------------------------------------------------------------------
// What valid props must give, computed from the spec (not from the construct)

/** printf-escaped bytes: letters and digits kept, every other byte as `\ooo`. */
function octal(bytes: Uint8Array): string {
  return [...bytes].map((b) => (/[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, '0')}`)).join('');
}

function expectedLine(spec: ProbeSpec): { line: string; worst: number } {
  if (spec.mode === 'bound') return { line: `bound ${spec.port}`, worst: 1 };
  if (spec.mode === 'exchange') {
    const o = spec.options as ExchangeOptions;
    const bytes = typeof o.payload === 'string' ? Buffer.from(o.payload, 'utf8') : o.payload;
    const t = o.timeout ?? 1;
    const expectField = o.expect === undefined ? '-' : octal(Buffer.from(o.expect, 'utf8'));
    return { line: `exchange ${o.host ?? '127.0.0.1'} ${spec.port} ${t} ${octal(bytes)} ${expectField}`, worst: t + 1 };
  }
  const o = (spec.options ?? {}) as DnsOptions;
  const t = o.timeout ?? 2;
  const rcodes = (o.rcodes ?? [DnsResponseCode.NOERROR, DnsResponseCode.NXDOMAIN]).join(',');
  return { line: `dns ${o.host ?? '127.0.0.1'} ${spec.port} ${t} ${o.name ?? 'localhost'} ${o.type ?? 'a'} ${rcodes}`, worst: t + 1 };
}

const SCRIPT_HASH = createHash('sha256').update(SIDECAR_SCRIPT).digest('hex').slice(0, 16);

/** The pod spec and pod metadata of the synthesized workload. */
function podOf(objects: any[], kind: WorkloadKind): { spec: any; metadata: any } {
  const workload = objects.find((o) => o.kind === kind);
  return kind === 'Pod' ? workload : workload.spec.template;
}

describe('UdpHealthCheck, generated props', () => {
  test('valid props on any workload synthesize, without error, exactly the container, volumes and ConfigMap they ask for', () => {
    fc.assert(fc.property(validSpec, (spec) => {
      const chart = freshChart();
      const hc = UdpHealthCheck.addTo(workloadIn(chart, spec), { ...spec.props, probes: probesOf(spec) });
      const objects = expectValidSynthesis(chart);
      const p = spec.props;
      const probes = spec.probes as ProbeSpec[];

      // known kinds only: the workload (a StatefulSet with its headless Service) and one ConfigMap with the script
      const kinds = objects.map((o) => o.kind).sort();
      expect(kinds).toEqual([spec.workload, 'ConfigMap', ...spec.workload === 'StatefulSet' ? ['Service'] : []].sort());
      const configMap = objects.find((o) => o.kind === 'ConfigMap');
      expect(configMap.data).toEqual({ 'udp-health.sh': SIDECAR_SCRIPT });

      const pod = podOf(objects, spec.workload);
      expect(pod.metadata.annotations).toEqual({ 'k8s-udp-constructs.io/udp-health-script': SCRIPT_HASH });
      const name = p.containerName ?? 'udp-health';
      expect(pod.spec.containers.map((c: any) => c.name)).toEqual(['server', name]);
      const [server, sidecar] = pod.spec.containers;
      // the server keeps exactly its own ports
      expect((server.ports ?? []).map((x: any) => `${x.containerPort}/${x.protocol}/${x.name}`))
        .toEqual([...spec.udpPorts.map((n) => `${n}/UDP/u${n}`), ...spec.tcpPorts.map((n) => `${n}/TCP/t${n}`)]);

      const httpPort = p.serveHttp === false ? undefined : p.httpPort ?? 10080;
      const tcpPort = p.tcpPort;
      const periodSeconds = p.period ? p.period.toSeconds() : 5;
      const lines = probes.map(expectedLine);
      const env = [
        { name: 'UDP_HEALTH_PROBES', value: lines.map((l) => l.line).join('\n') },
        { name: 'UDP_HEALTH_PERIOD', value: String(periodSeconds) },
        { name: 'UDP_HEALTH_MAX_AGE', value: String(2 * (periodSeconds + lines.reduce((sum, l) => sum + l.worst, 0)) + 1) },
        { name: 'UDP_HEALTH_STATE_DIR', value: '/run/udp-health' },
        ...httpPort !== undefined ? [{ name: 'UDP_HEALTH_HTTP_PORT', value: String(httpPort) }] : [],
        ...tcpPort !== undefined ? [{ name: 'UDP_HEALTH_TCP_PORT', value: String(tcpPort) }] : [],
        ...p.udpClient !== undefined ? [{ name: 'UDP_HEALTH_NC', value: p.udpClient }] : [],
      ];
      const readiness = p.readiness === false ? undefined : {
        ...httpPort !== undefined ? { httpGet: { path: '/healthz', port: httpPort, scheme: 'HTTP' } } : { tcpSocket: { port: tcpPort } },
        periodSeconds,
        timeoutSeconds: 2,
        failureThreshold: p.readinessFailureThreshold ?? 2,
        successThreshold: 1,
      };
      expect(sidecar).toEqual({
        name,
        image: p.image ?? UDP_HEALTH_DEFAULT_IMAGE,
        imagePullPolicy: 'IfNotPresent',
        command: p.command ?? ['/bin/busybox', 'sh', '/etc/udp-health/udp-health.sh'],
        env,
        ports: [
          ...httpPort !== undefined ? [{ containerPort: httpPort, name: 'udp-health', protocol: 'TCP' }] : [],
          ...tcpPort !== undefined ? [{ containerPort: tcpPort, name: 'udp-health-tcp', protocol: 'TCP' }] : [],
        ],
        ...readiness ? { readinessProbe: readiness } : {},
        resources: RESOURCES.find(([r]) => r === p.resources)![1],
        securityContext: {
          runAsUser: 65534,
          runAsGroup: 65534,
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          privileged: false,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        },
        volumeMounts: [
          { mountPath: '/etc/udp-health', name: `${name}-script`, readOnly: true },
          { mountPath: '/run/udp-health', name: `${name}-state` },
        ],
      });
      expect(pod.spec.volumes).toEqual([
        { name: `${name}-script`, configMap: { name: configMap.metadata.name, defaultMode: 0o444 } },
        { name: `${name}-state`, emptyDir: { medium: 'Memory', sizeLimit: '1Mi' } },
      ]);

      // the accessors tell a load balancer where to check
      expect([hc.httpPort, hc.tcpPort, hc.healthPath, hc.period.toSeconds(), hc.container?.name, hc.configMap.name])
        .toEqual([httpPort, tcpPort, '/healthz', periodSeconds, name, configMap.metadata.name]);
      // warnings only where the props ask for them
      const warnings = hc.findings().map((f) => [f.ruleId, f.field]);
      const expectedWarnings = [
        ...[['httpPort', httpPort], ['tcpPort', tcpPort]].filter(([, n]) => n !== undefined && (n as number) < 1024).map(([f]) => ['UDP615', f]),
        ...probes.flatMap((x, i) => (spec.udpPorts.includes(x.port as number) ? [] : [['UDP616', `probes[${i}].port`]])),
      ];
      expect(warnings).toEqual(expectedWarnings);
    }), RUNS);
  });

  test('synthesis is deterministic: app.synthYaml() of the same props in two fresh apps is byte-identical', () => {
    fc.assert(fc.property(validSpec, (spec) => {
      const first = (build(spec).node.root as App).synthYaml();
      const second = (build(spec).node.root as App).synthYaml();
      expect(second).toBe(first);
    }), TWICE);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Invalid props: one invalid field (typed or untyped) in otherwise valid props

/** Builds and synthesizes; asserts an Error that is neither a TypeError nor a RangeError, naming exactly `ids`. */
function expectRuleIds(build_: () => Chart, ids: readonly string[]): void {
  let output: unknown;
  let error: unknown;
  try {
    output = Testing.synth(build_());
  } catch (e) {
    error = e;
  }
  expect(output).toBeUndefined();
  expect(error).toBeInstanceOf(Error);
  expect(error).not.toBeInstanceOf(TypeError);
  expect(error).not.toBeInstanceOf(RangeError);
  const found = [...new Set([...(error as Error).message.matchAll(/\] \[(UDP\d{3})\]/g)].map((m) => m[1]))].sort();
  expect(found).toEqual([...new Set(ids)].sort());
}

const bad = <T>(...values: T[]) => fc.constantFrom(...values);
/** Numbers that are not ports, typed or not. */
const badPortValue = fc.oneof(badPort, bad<unknown>(NaN, Infinity, 1.5, '53', null, {}, true));
/** A bad duration: a `Duration` (`d`) or something else in its place (`raw`). */
interface BadDuration { readonly d?: Duration; readonly raw?: unknown }
/** Durations (and other things) that are not whole seconds 1..30. */
const badTimeout: fc.Arbitrary<BadDuration> = fc.oneof(
  fc.integer({ min: 31, max: 100_000 }).map((n) => ({ d: Duration.seconds(n) })),
  fc.integer({ min: 1, max: 30_000 }).filter((ms) => ms % 1000 !== 0).map((ms) => ({ d: Duration.millis(ms) })),
  bad<BadDuration>({ d: Duration.seconds(0) }, { d: Duration.millis(0.5) }, { d: Duration.seconds(NaN) }, { raw: 5 }, { raw: '5s' }, { raw: {} }),
);
const badPeriod: fc.Arbitrary<BadDuration> = fc.oneof(
  fc.integer({ min: 301, max: 100_000 }).map((n) => ({ d: Duration.seconds(n) })),
  fc.integer({ min: 1, max: 300_000 }).filter((ms) => ms % 1000 !== 0).map((ms) => ({ d: Duration.millis(ms) })),
  bad<BadDuration>({ d: Duration.seconds(0) }, { d: Duration.millis(0.25) }, { d: Duration.seconds(NaN) }, { raw: 5 }, { raw: '5s' }, { raw: [] }),
);
const badPayload = fc.oneof(
  fc.uint8Array({ minLength: 513, maxLength: 2000 }),
  fc.string({ minLength: 513, maxLength: 600 }),
  bad<unknown>('', new Uint8Array(0), null, 5, {}),
);
const badExpect = fc.oneof(
  fc.string({ minLength: 257, maxLength: 400 }),
  fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom('\n', '\r', '\0'), fc.string({ maxLength: 10 })).map(([a, c, b]) => a + c + b),
  bad<unknown>('', 5, {}, ['a']),
);
const badDnsName = fc.oneof(
  bad<unknown>('', '.', 'a..b', 'sp ace', '-x-.', 'x.-a', `${'a'.repeat(64)}.com`, `${'abcdefghi.'.repeat(26)}com`, 'ex!ample.com', 5, {}),
  fc.tuple(fc.integer({ min: 62, max: 63 }), fc.boolean())
    .map(([n, dot]) => `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(n)}${dot ? '.' : ''}`),
);
const badRcodes = bad<unknown>([], ['OK'], ['noerror'], [DnsResponseCode.NOERROR, 'NXDOMAINX'], [null], 'NOERROR', 5, {});
// (null is the default type, a)
const badType = bad<unknown>('any', 'A', 'AAAA', 'axfr', '', 5, {});
const badHost = bad<unknown>('localhost', '', '999.1.1.1', '10.0.0.1/32', '::g', 'example.com', 5, {});
const badName = fc.oneof(
  fc.stringMatching(/^[a-z0-9-]*[A-Z_.][a-z0-9-]*$/),
  bad<unknown>('', '-a', 'a-', 'a'.repeat(64), 'server', 5, {}, ['x']),
);
const blank = bad<unknown>('', ' ', '\t\n');

/** A valid spec with one probe more, to break. */
function withProbe(spec: Spec, probe: ProbeSpec): Spec {
  return { ...spec, probes: [...spec.probes as ProbeSpec[], probe] };
}
function withProps(spec: Spec, props: Partial<UdpHealthCheckProps> | Record<string, unknown>): Spec {
  return { ...spec, props: { ...spec.props, ...props } };
}
/** The sidecar ports of a spec: HTTP (when served) and TCP. */
function servingPorts(spec: Spec): number[] {
  const http = spec.props.serveHttp === false ? [] : [spec.props.httpPort ?? 10080];
  return [...http, ...spec.props.tcpPort === undefined ? [] : [spec.props.tcpPort]];
}
const valueOf = (b: BadDuration): unknown => (b.raw !== undefined ? b.raw : b.d);
const anyTimeout = (b: BadDuration) => ({ timeout: valueOf(b), rawTimeout: true });

const invalid: fc.Arbitrary<[Spec, string[]]> = fc.tuple(validSpec, fc.noBias(fc.integer({ min: 0, max: 23 })), badPortValue, badTimeout, badPeriod,
  badPayload, badExpect, badDnsName, badRcodes, badType, badHost, badName, blank, fc.nat())
  .map(([spec, which, badP, badT, badPer, badPay, badExp, badDns, badRc, badTy, badH, badN, blankValue, n]): [Spec, string[]] => {
    const p = spec.props;
    const udp = spec.udpPorts[0];
    switch (which) {
      case 0: return [withProbe(spec, { mode: 'bound', port: badP }), ['UDP603']];
      case 1: return [withProbe(spec, { mode: 'exchange', port: badP, options: { payload: 'x' } }), ['UDP603']];
      case 2: return [withProbe(spec, { mode: 'dns', port: badP }), ['UDP603']];
      case 3: return [withProbe(spec, { mode: 'exchange', port: udp, options: { payload: 'x', ...anyTimeout(badT) } }), ['UDP604']];
      case 4: return [withProbe(spec, { mode: 'dns', port: udp, options: anyTimeout(badT) }), ['UDP604']];
      case 5: return [withProbe(spec, { mode: 'exchange', port: udp, options: { payload: badPay } }), ['UDP605']];
      case 6: return [withProbe(spec, { mode: 'exchange', port: udp, options: { payload: 'ping', expect: badExp } }), ['UDP606']];
      case 7: return [withProbe(spec, { mode: 'dns', port: udp, options: { name: badDns } }), ['UDP607']];
      case 8: return [withProbe(spec, { mode: 'dns', port: udp, options: { rcodes: badRc } }), ['UDP608']];
      case 9: return [withProbe(spec, { mode: n % 2 ? 'dns' : 'exchange', port: udp, options: { payload: 'x', host: badH } }), ['UDP609']];
      case 10: return [withProbe(spec, { mode: 'dns', port: udp, options: { type: badTy } }), ['UDP618']];
      case 11: return [{ ...spec, probes: [] }, ['UDP602']];
      // (no list, or something else in place of the list: a single probe, a string)
      case 12: return [{ ...spec, probes: { raw: [null, undefined, 'bound 53', UdpProbe.bound(udp), 5, {}][n % 6] } }, ['UDP602']];
      case 13: return [{ ...spec, probes: { raw: [UdpProbe.bound(udp), [null, undefined, 5, 'bound 53', {}, { port: udp }][n % 6]] } }, ['UDP602']];
      // (httpPort null or undefined is the default, 10080)
      case 14: return [withProps(spec, { serveHttp: true, httpPort: badP === null ? 0 : badP, tcpPort: undefined }), ['UDP610']];
      case 15: return [withProps(spec, { tcpPort: badP, httpPort: p.serveHttp === false ? undefined : p.httpPort }), ['UDP610']];
      case 16: return [withProps(spec, { serveHttp: false, tcpPort: undefined }), ['UDP611']];
      case 17: {
        const both = p.httpPort ?? 10080;
        return [{ ...withProps(spec, { serveHttp: true, tcpPort: both }), tcpPorts: spec.tcpPorts.filter((x) => x !== both) }, ['UDP612']];
      }
      case 18: {
        // a sidecar port that the server already uses for TCP
        const taken = servingPorts(spec)[n % servingPorts(spec).length];
        return [{ ...spec, tcpPorts: [...spec.tcpPorts.filter((x) => x !== taken), taken] }, ['UDP613']];
      }
      case 19: return [withProps(spec, { period: valueOf(badPer) }), ['UDP614']];
      case 20: return [withProps(spec, { image: n % 4 === 3 ? 5 : blankValue }), ['UDP617']];
      case 21: return [withProps(spec, { command: [[], [''], ['sh', ''], [5], 'sh', 5, {}][n % 7] }), ['UDP617']];
      case 22: return [withProps(spec, { udpClient: n % 4 === 3 ? 5 : blankValue }), ['UDP617']];
      default: return [withProps(spec, { containerName: badN }), ['UDP619']];
    }
  });

describe('UdpHealthCheck, generated invalid props', () => {
  test('props with one invalid field (typed or untyped) always fail synthesis with its rule id, never a TypeError', () => {
    fc.assert(fc.property(invalid, ([spec, ids]) => {
      expectRuleIds(() => build(spec), ids);
    }), RUNS);
  });

  test('a workload that is no pod or pod controller fails synthesis with UDP601', () => {
    const others: Array<[string, (chart: Chart) => Construct]> = [
      ['Job', (chart) => new kplus.Job(chart, 'app', { containers: [{ image: 'x' }] })],
      ['CronJob', (chart) => new kplus.CronJob(chart, 'app', { containers: [{ image: 'x' }], schedule: Cron.daily() })],
      ['Construct', (chart) => new Construct(chart, 'app')],
      ['ConfigMap', (chart) => new kplus.ConfigMap(chart, 'app')],
    ];
    fc.assert(fc.property(validSpec, fc.constantFrom(...others), (spec, [, make]) => {
      expectRuleIds(() => {
        const chart = freshChart();
        UdpHealthCheck.addTo(make(chart), { ...spec.props, probes: probesOf(spec) });
        return chart;
      }, ['UDP601']);
    }), { seed: RUNS.seed, numRuns: 20 });
  });

  test('something that is not a construct is refused at once by addTo, with UDP601', () => {
    fc.assert(fc.property(validSpec, bad<unknown>(undefined, null, 5, 'app', {}, { node: {} }, []), (spec, workload) => {
      expect(() => UdpHealthCheck.addTo(workload as Construct, { ...spec.props, probes: probesOf(spec) }))
        .toThrow(/^\[UDP601\] UdpHealthCheck\.addTo: workload /);
    }), { seed: RUNS.seed, numRuns: 20 });
  });

  test('warnings (UDP615, UDP616) never fail synthesis', () => {
    fc.assert(fc.property(validSpec, fc.integer({ min: 1, max: 1023 }), (spec, low) => {
      const undeclared = [1, 2, 3].map((d) => (spec.udpPorts[0] + d) % 65535 + 1).find((x) => !spec.udpPorts.includes(x))!;
      const chart = freshChart();
      const hc = UdpHealthCheck.addTo(workloadIn(chart, { ...spec, tcpPorts: spec.tcpPorts.filter((x) => x !== low) }), {
        ...spec.props, serveHttp: true, httpPort: low, tcpPort: undefined, probes: [...probesOf(spec), UdpProbe.bound(undeclared)],
      });
      expectValidSynthesis(chart);
      const warnings = hc.findings().filter((f) => f.severity === Severity.WARNING).map((f) => [f.ruleId, f.field]);
      expect(warnings).toContainEqual(['UDP615', 'httpPort']);
      expect(warnings).toContainEqual(['UDP616', `probes[${(spec.probes as ProbeSpec[]).length}].port`]);
    }), { seed: RUNS.seed, numRuns: 30 });
  });
});
