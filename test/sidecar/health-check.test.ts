/**
 * The construct side of the sidecar: the exact objects it adds to a workload, and the exact errors of bad props.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, Chart, Duration, Size, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { requirePrograms, sidecarBusybox } from './harness';
import { Severity } from '../../src/rules';
import {
  DnsQueryType, DnsResponseCode, printfEscape, SIDECAR_RULES, SIDECAR_SCRIPT, UDP_HEALTH_DEFAULT_IMAGE, UdpHealthCheck,
  UdpHealthCheckProps, UdpProbe,
} from '../../src/sidecar';
import { UdpRules } from '../../src/validation/rule-validation';

function chartWithDeployment(udpPorts: number[] = [53]): { chart: Chart; deployment: kplus.Deployment } {
  Testing.app();
  const chart = Testing.chart();
  const deployment = new kplus.Deployment(chart, 'dns', {
    containers: [{ name: 'server', image: 'coredns/coredns:1.11.1', ports: udpPorts.map((number) => ({ number, protocol: kplus.Protocol.UDP })) }],
  });
  return { chart, deployment };
}

/** The findings of the chart (errors and warnings), rendered as synthesis reports them. */
function errorsOf(chart: Chart): string[] {
  return UdpRules.messages(chart);
}

describe('UdpHealthCheck.addTo a Deployment', () => {
  test('adds the container, ports, readinessProbe, volumes, ConfigMap and script-hash annotation', () => {
    const { chart, deployment } = chartWithDeployment();
    const hc = UdpHealthCheck.addTo(deployment, {
      probes: [UdpProbe.dns(53, { name: 'example.com' }), UdpProbe.bound(53)],
      tcpPort: 10081,
    });
    const objects = Testing.synth(chart);
    expect(objects.map((o) => o.kind)).toEqual(['Deployment', 'ConfigMap']);
    const [dep, configMap] = objects;
    const spec = dep.spec.template.spec;
    expect(spec.containers.map((c: { name: string }) => c.name)).toEqual(['server', 'udp-health']);
    expect(spec.containers[1]).toEqual({
      name: 'udp-health',
      image: 'busybox:1.36.1-uclibc',
      imagePullPolicy: 'IfNotPresent',
      command: ['/bin/busybox', 'sh', '/etc/udp-health/udp-health.sh'],
      env: [
        { name: 'UDP_HEALTH_PROBES', value: 'dns 127.0.0.1 53 2 example.com a NOERROR,NXDOMAIN\nbound 53' },
        { name: 'UDP_HEALTH_PERIOD', value: '5' },
        { name: 'UDP_HEALTH_MAX_AGE', value: '19' },
        { name: 'UDP_HEALTH_STATE_DIR', value: '/run/udp-health' },
        { name: 'UDP_HEALTH_HTTP_PORT', value: '10080' },
        { name: 'UDP_HEALTH_TCP_PORT', value: '10081' },
      ],
      ports: [
        { containerPort: 10080, name: 'udp-health', protocol: 'TCP' },
        { containerPort: 10081, name: 'udp-health-tcp', protocol: 'TCP' },
      ],
      readinessProbe: {
        httpGet: { path: '/healthz', port: 10080, scheme: 'HTTP' },
        periodSeconds: 5,
        timeoutSeconds: 2,
        failureThreshold: 2,
        successThreshold: 1,
      },
      resources: { limits: { cpu: '100m', memory: '16Mi' }, requests: { cpu: '5m', memory: '8Mi' } },
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
        { mountPath: '/etc/udp-health', name: 'udp-health-script', readOnly: true },
        { mountPath: '/run/udp-health', name: 'udp-health-state' },
      ],
    });
    expect(spec.volumes).toEqual([
      { name: 'udp-health-script', configMap: { name: configMap.metadata.name, defaultMode: 0o444 } },
      { name: 'udp-health-state', emptyDir: { medium: 'Memory', sizeLimit: '1Mi' } },
    ]);
    expect(configMap.metadata.name).toBe('test-dns-udphealthcheck-script-c88e7023');
    expect(configMap.data).toEqual({ 'udp-health.sh': SIDECAR_SCRIPT });
    expect(dep.spec.template.metadata.annotations).toEqual({
      'k8s-udp-constructs.io/udp-health-script': createHash('sha256').update(SIDECAR_SCRIPT).digest('hex').slice(0, 16),
    });

    expect(hc.httpPort).toBe(10080);
    expect(hc.tcpPort).toBe(10081);
    expect(hc.healthPath).toBe('/healthz');
    expect(hc.container?.name).toBe('udp-health');
    expect(hc.configMap.name).toBe(configMap.metadata.name);
    expect(hc.period.toSeconds()).toBe(5);
    expect(hc.findings()).toEqual([]);
  });

  test('the generated objects are the same on every synth', () => {
    const first = chartWithDeployment();
    UdpHealthCheck.addTo(first.deployment, { probes: [UdpProbe.exchange(53, { payload: 'x' })] });
    const second = chartWithDeployment();
    UdpHealthCheck.addTo(second.deployment, { probes: [UdpProbe.exchange(53, { payload: 'x' })] });
    expect(JSON.stringify(Testing.synth(first.chart))).toBe(JSON.stringify(Testing.synth(second.chart)));
  });

  test('image, command, UDP client, period, resources, container name and TCP-only readiness can be set', () => {
    const { chart, deployment } = chartWithDeployment([9999]);
    UdpHealthCheck.addTo(deployment, {
      probes: [UdpProbe.exchange(9999, { payload: Uint8Array.from([0x1b, 0, 0x25]), expect: 'a b', timeout: Duration.seconds(3), host: '::1' })],
      serveHttp: false,
      tcpPort: 12000,
      period: Duration.seconds(10),
      image: 'registry.example.com/busybox:1.36.1-musl',
      command: ['/bin/sh', '/etc/udp-health/udp-health.sh'],
      udpClient: 'nc.openbsd',
      containerName: 'health',
      resources: { memory: { limit: Size.mebibytes(32) } },
      readinessFailureThreshold: 3,
    });
    const container = Testing.synth(chart)[0].spec.template.spec.containers[1];
    expect(container.name).toBe('health');
    expect(container.image).toBe('registry.example.com/busybox:1.36.1-musl');
    expect(container.command).toEqual(['/bin/sh', '/etc/udp-health/udp-health.sh']);
    expect(container.env).toEqual([
      { name: 'UDP_HEALTH_PROBES', value: 'exchange ::1 9999 3 \\033\\000\\045 a\\040b' },
      { name: 'UDP_HEALTH_PERIOD', value: '10' },
      { name: 'UDP_HEALTH_MAX_AGE', value: '29' },
      { name: 'UDP_HEALTH_STATE_DIR', value: '/run/udp-health' },
      { name: 'UDP_HEALTH_TCP_PORT', value: '12000' },
      { name: 'UDP_HEALTH_NC', value: 'nc.openbsd' },
    ]);
    expect(container.ports).toEqual([{ containerPort: 12000, name: 'udp-health-tcp', protocol: 'TCP' }]);
    expect(container.readinessProbe).toEqual({
      tcpSocket: { port: 12000 },
      periodSeconds: 10,
      timeoutSeconds: 2,
      failureThreshold: 3,
      successThreshold: 1,
    });
    expect(container.resources).toEqual({ limits: { memory: '32Mi' } });
    expect(container.volumeMounts.map((m: { name: string }) => m.name)).toEqual(['health-script', 'health-state']);
  });

  test('readiness: false adds no readinessProbe', () => {
    const { chart, deployment } = chartWithDeployment();
    UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.bound(53)], readiness: false });
    expect(Testing.synth(chart)[0].spec.template.spec.containers[1].readinessProbe).toBeUndefined();
  });
});

describe('other workloads', () => {
  test.each([
    ['Pod', (c: Construct) => new kplus.Pod(c, 'w', { containers: [{ image: 'x', ports: [{ number: 53, protocol: kplus.Protocol.UDP }] }] }), 'Pod', 'spec'],
    ['StatefulSet', (c: Construct) => new kplus.StatefulSet(c, 'w', { containers: [{ image: 'x', ports: [{ number: 53, protocol: kplus.Protocol.UDP }] }] }), 'StatefulSet', 'spec.template.spec'],
    ['DaemonSet', (c: Construct) => new kplus.DaemonSet(c, 'w', { containers: [{ image: 'x', ports: [{ number: 53, protocol: kplus.Protocol.UDP }] }] }), 'DaemonSet', 'spec.template.spec'],
  ])('a %s gets the sidecar container and volumes', (_, make, kind, specPath) => {
    Testing.app();
    const chart = Testing.chart();
    UdpHealthCheck.addTo(make(chart), { probes: [UdpProbe.bound(53)] });
    const objects = Testing.synth(chart);
    const workload = objects.find((o) => o.kind === kind);
    const spec = specPath.split('.').reduce((o: any, k) => o[k], workload);
    expect(spec.containers.map((c: { name: string }) => c.name)).toEqual(['main', 'udp-health']);
    expect(spec.volumes.map((v: { name: string }) => v.name)).toEqual(['udp-health-script', 'udp-health-state']);
    expect(objects.filter((o) => o.kind === 'ConfigMap')).toHaveLength(1);
  });

  test('a Job is reported as UDP601 at synth', () => {
    Testing.app();
    const chart = Testing.chart();
    const job = new kplus.Job(chart, 'job', { containers: [{ image: 'x' }] });
    UdpHealthCheck.addTo(job, { probes: [UdpProbe.bound(53)] });
    expect(errorsOf(chart)).toEqual([
      '[UDP601] test/job/UdpHealthCheck: workload "Job test/job (cdk8s-plus-28)": runs to completion, which a sidecar '
      + 'that never exits would prevent (a Pod, Deployment, StatefulSet or DaemonSet of cdk8s-plus-28 to cdk8s-plus-33; '
      + 'https://cdk8s.io/docs/latest/plus/)',
    ]);
  });

  test('a plain construct is reported as UDP601, something that is not a construct throws it', () => {
    Testing.app();
    const chart = Testing.chart();
    UdpHealthCheck.addTo(new Construct(chart, 'plain'), { probes: [UdpProbe.bound(53)] });
    expect(errorsOf(chart)).toEqual([
      '[UDP601] test/plain/UdpHealthCheck: workload "Construct test/plain": is an object of a class the library does '
      + 'not know (a Pod, Deployment, StatefulSet or DaemonSet of cdk8s-plus-28 to cdk8s-plus-33; https://cdk8s.io/docs/latest/plus/)',
    ]);
    expect(() => UdpHealthCheck.addTo({ spec: {} } as unknown as Construct, { probes: [] })).toThrow(
      '[UDP601] UdpHealthCheck.addTo: workload "object": is not a construct '
      + '(a Pod, Deployment, StatefulSet or DaemonSet of cdk8s-plus-28 to cdk8s-plus-33; https://cdk8s.io/docs/latest/plus/)');
  });
});

describe('validation', () => {
  function errorsFor(props: UdpHealthCheckProps, udpPorts = [53], extraTcpPort?: number): string[] {
    const { chart, deployment } = chartWithDeployment(udpPorts);
    if (extraTcpPort !== undefined) deployment.containers[0].addPort({ number: extraTcpPort, name: 'metrics' });
    UdpHealthCheck.addTo(deployment, props);
    return errorsOf(chart);
  }
  const at = 'test/dns/UdpHealthCheck';

  test('every error of bad props is reported together, in the one message format', () => {
    expect(errorsFor({
      probes: [
        UdpProbe.bound(70000),
        UdpProbe.exchange(53, { payload: '', expect: 'a\nb', timeout: Duration.millis(1500), host: 'localhost' }),
        UdpProbe.dns(53, { name: 'bad name', type: 'any' as DnsQueryType, rcodes: ['OK' as DnsResponseCode], timeout: Duration.seconds(31) }),
      ],
      httpPort: 0,
      tcpPort: 0,
      period: Duration.minutes(6),
      image: '',
      command: [],
      udpClient: ' ',
      containerName: 'Health',
    })).toEqual([
      `[UDP603] ${at}: probes[0].port 70000: must be a whole number between 1 and 65535 (1..65535; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)`,
      `[UDP609] ${at}: probes[1].host "localhost": is not an IP address (an IPv4 or IPv6 address, for example "127.0.0.1"; https://git.busybox.net/busybox/tree/networking/nc_bloaty.c?h=1_36_stable)`,
      `[UDP604] ${at}: probes[1].timeout "1.5s": must be whole seconds between 1 and 30 (1s..30s; https://git.busybox.net/busybox/tree/networking/nc_bloaty.c?h=1_36_stable)`,
      `[UDP605] ${at}: probes[1].payload "0 bytes": must be 1 to 512 bytes (1..512 bytes; https://git.busybox.net/busybox/tree/networking/nc_bloaty.c?h=1_36_stable)`,
      `[UDP606] ${at}: probes[1].expect "a\\nb": must be one line of 1 to 256 characters (an extended regular expression without newline or NUL; https://git.busybox.net/busybox/tree/networking/nc_bloaty.c?h=1_36_stable)`,
      `[UDP604] ${at}: probes[2].timeout "31s": must be whole seconds between 1 and 30 (1s..30s; https://git.busybox.net/busybox/tree/networking/nc_bloaty.c?h=1_36_stable)`,
      `[UDP607] ${at}: probes[2].name "bad name": is not a DNS name (dot-separated labels of 1 to 63 letters, digits, "-" or "_", at most 253 characters; https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4)`,
      `[UDP618] ${at}: probes[2].type "any": is not a query type busybox nslookup knows (a, aaaa, cname, mx, ns, ptr, soa, srv, txt; https://git.busybox.net/busybox/tree/networking/nslookup.c?h=1_36_stable)`,
      `[UDP608] ${at}: probes[2].rcodes ["OK"]: has unknown response codes OK (NOERROR, FORMERR, SERVFAIL, NXDOMAIN, NOTIMP, REFUSED; https://git.busybox.net/busybox/tree/networking/nslookup.c?h=1_36_stable)`,
      `[UDP614] ${at}: period "360s": must be whole seconds between 1 and 300 (1s..300s; https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/)`,
      `[UDP610] ${at}: httpPort 0: must be a whole number between 1 and 65535 (1..65535; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)`,
      `[UDP610] ${at}: tcpPort 0: must be a whole number between 1 and 65535 (1..65535; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)`,
      `[UDP612] ${at}: tcpPort 0: is also the httpPort (two different ports; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)`,
      `[UDP617] ${at}: image "": must not be empty (an image reference, for example "busybox:1.36.1-uclibc"; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)`,
      `[UDP617] ${at}: command []: must be a non-empty list of non-empty strings (for example ["/bin/busybox", "sh", "/etc/udp-health/udp-health.sh"]; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)`,
      `[UDP617] ${at}: udpClient " ": must not be empty (a netcat command line, for example "busybox nc"; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)`,
      `[UDP619] ${at}: containerName "Health": must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (a DNS-1123 label; https://github.com/kubernetes/apimachinery/blob/release-1.28/pkg/util/validation/validation.go)`,
    ]);
  });

  test('no probes, and nothing served', () => {
    expect(errorsFor({ probes: [], serveHttp: false })).toEqual([
      `[UDP602] ${at}: probes []: must not be empty (UdpProbe.bound, UdpProbe.exchange or UdpProbe.dns; https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/)`,
      `[UDP611] ${at}: serveHttp false: turns HTTP off and no tcpPort is set (serveHttp true, a tcpPort, or both; https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/)`,
    ]);
  });

  test('a port clash with another container, even one added after the sidecar, and a duplicate container name', () => {
    const { chart, deployment } = chartWithDeployment();
    UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.bound(53)], tcpPort: 9153, containerName: 'server' });
    deployment.containers[0].addPort({ number: 9153, name: 'metrics' });
    deployment.addContainer({ name: 'proxy', image: 'envoy', ports: [{ number: 10080 }] });
    expect(errorsOf(chart)).toEqual([
      `[UDP613] ${at}: tcpPort 9153: is already a TCP port of container "server" (a port no other container of the pod uses; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)`,
      `[UDP619] ${at}: containerName "server": is already the name of another container of the pod (a name no other container of the pod uses; https://github.com/kubernetes/apimachinery/blob/release-1.28/pkg/util/validation/validation.go)`,
      `[UDP613] ${at}: httpPort 10080: is already a TCP port of container "proxy" (a port no other container of the pod uses; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)`,
    ]);
  });

  // Found by test/properties/health-check.test.ts: untyped input threw TypeErrors (in the probe factories, at
  // construction, or at synth) or was accepted (a string command became a list of characters, an array expect).
  test('untyped props (JavaScript) are findings, never a TypeError', () => {
    const any = (value: unknown) => value as any;
    const props = any({
      probes: [
        UdpProbe.exchange(53, any({ payload: null, expect: 5, timeout: 5 })),
        UdpProbe.dns(53, any({ name: 5, rcodes: 'NOERROR' })),
        UdpProbe.exchange(53, any(undefined)),
        UdpProbe.dns(53, any(null)),
        null,
      ],
      period: 5,
      image: 5,
      command: 'sh',
      udpClient: 5,
      containerName: 5,
      httpPort: NaN,
      tcpPort: NaN,
    });
    expect(errorsFor(props).map((m) => m.slice(0, m.indexOf(' (')))).toEqual([
      `[UDP604] ${at}: probes[0].timeout 5: must be whole seconds between 1 and 30`,
      `[UDP605] ${at}: probes[0].payload "0 bytes": must be 1 to 512 bytes`,
      `[UDP606] ${at}: probes[0].expect 5: must be one line of 1 to 256 characters`,
      `[UDP607] ${at}: probes[1].name 5: is not a DNS name`,
      `[UDP608] ${at}: probes[1].rcodes "NOERROR": must be a list of response codes`,
      `[UDP605] ${at}: probes[2].payload "0 bytes": must be 1 to 512 bytes`,
      `[UDP602] ${at}: probes[4] null: is not a probe`,
      `[UDP614] ${at}: period 5: must be whole seconds between 1 and 300`,
      `[UDP610] ${at}: httpPort null: must be a whole number between 1 and 65535`,
      `[UDP610] ${at}: tcpPort null: must be a whole number between 1 and 65535`,
      `[UDP617] ${at}: image 5: must be a string`,
      `[UDP617] ${at}: command "sh": must be a non-empty list of non-empty strings`,
      `[UDP617] ${at}: udpClient 5: must be a string`,
      `[UDP619] ${at}: containerName 5: must be a string`,
    ]);
    expect(errorsFor(any(undefined))).toEqual([expect.stringMatching(/^\[UDP602\] .*: probes \[\]: must not be empty/)]);
    expect(errorsFor(any({ probes: UdpProbe.bound(53) }))).toEqual([expect.stringMatching(/^\[UDP602\] .*: probes "UdpProbe": must be a list of probes/)]);
  });

  test('a period or timeout of a fraction of a millisecond is a finding, not a cdk8s conversion error', () => {
    expect(errorsFor({ probes: [UdpProbe.dns(53, { timeout: Duration.millis(0.5) })], period: Duration.millis(1.5) })
      .map((m) => m.slice(0, m.indexOf(':', m.indexOf(':') + 1)))).toEqual([
      `[UDP604] ${at}: probes[0].timeout "0.0005s"`,
      `[UDP614] ${at}: period "0.0015s"`,
    ]);
  });

  // Found by test/properties/health-check.test.ts: the 253-character limit counted the trailing dot.
  test('a DNS name of 253 characters is accepted with its trailing dot too; 254 is not', () => {
    const name = (last: number) => `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(last)}`;
    expect(errorsFor({ probes: [UdpProbe.dns(53, { name: name(61) }), UdpProbe.dns(53, { name: `${name(61)}.` })] })).toEqual([]);
    expect(errorsFor({ probes: [UdpProbe.dns(53, { name: `${name(62)}.` })] })).toEqual([
      expect.stringMatching(/^\[UDP607\] .*: probes\[0\]\.name "a{63}\.b+\.\.\.: is not a DNS name/),
    ]);
  });

  test('a UDP container port with the sidecar\'s number is no clash', () => {
    expect(errorsFor({ probes: [UdpProbe.bound(10080)] }, [10080])).toEqual([]);
  });

  test('warnings (privileged port, undeclared probe port) do not fail synth and are returned by findings()', () => {
    const { chart, deployment } = chartWithDeployment([53]);
    const hc = UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.bound(54)], httpPort: 80 });
    const warnings: string[] = [];
    UdpRules.onWarning((message) => warnings.push(message));
    try {
      (chart.node.root as App).synth();
    } finally {
      UdpRules.onWarning((message) => console.warn(message));
    }
    expect(warnings).toEqual([
      `warning: [UDP615] ${at}: httpPort 80: is below 1024, which a non-root container without NET_BIND_SERVICE may not bind (1024..65535; https://www.kernel.org/doc/Documentation/networking/ip-sysctl.txt)`,
      `warning: [UDP616] ${at}: probes[0].port 54: is not declared as a UDP container port of the pod (a container port 54 with protocol UDP; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/api/v1/pod/util.go)`,
    ]);
    UdpRules.silence(chart, 'UDP615');
    expect(UdpRules.findings(chart).map((f) => f.ruleId)).toEqual(['UDP616']);
    expect(hc.findings().map((f) => [f.ruleId, f.severity, f.field, f.value, f.message])).toEqual([
      ['UDP615', Severity.WARNING, 'httpPort', 80, 'is below 1024, which a non-root container without NET_BIND_SERVICE may not bind'],
      ['UDP616', Severity.WARNING, 'probes[0].port', 54, 'is not declared as a UDP container port of the pod'],
    ]);
  });
});

describe('synthesis', () => {
  test('app.synth() fails with every sidecar error of the app at once and writes nothing', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'udp-health-synth-'));
    const app = new App({ outdir });
    const chart = new Chart(app, 'c');
    const deployment = new kplus.Deployment(chart, 'd', { containers: [{ image: 'x', ports: [{ number: 53, protocol: kplus.Protocol.UDP }] }] });
    UdpHealthCheck.addTo(deployment, { probes: [UdpProbe.bound(0)], period: Duration.seconds(0) });
    expect(() => app.synth()).toThrow([
      'Validation failed with the following errors:',
      '  [c/d/UdpHealthCheck] [UDP603] probes[0].port 0: must be a whole number between 1 and 65535 (1..65535; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)',
      '  [c/d/UdpHealthCheck] [UDP614] period "0s": must be whole seconds between 1 and 300 (1s..300s; https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/)',
    ].join('\n'));
    expect(fs.readdirSync(outdir)).toEqual([]);
  });
});

describe('UdpProbe', () => {
  test('factories set their defaults', () => {
    const dns = UdpProbe.dns(53);
    expect([dns.mode, dns.port, dns.host, dns.timeout?.toSeconds(), dns.name, dns.type, dns.rcodes]).toEqual(
      ['dns', 53, '127.0.0.1', 2, 'localhost', 'a', ['NOERROR', 'NXDOMAIN']]);
    const ex = UdpProbe.exchange(7, { payload: 'hi' });
    expect([ex.mode, ex.port, ex.host, ex.timeout?.toSeconds(), Buffer.from(ex.payload).toString(), ex.expect]).toEqual(
      ['exchange', 7, '127.0.0.1', 1, 'hi', undefined]);
    const bound = UdpProbe.bound(514);
    expect([bound.mode, bound.port, bound.host, bound.timeout, bound.toScriptLine(), bound.toString()]).toEqual(
      ['bound', 514, undefined, undefined, 'bound 514', 'bound udp/514']);
    expect([bound.worstCaseSeconds(), ex.worstCaseSeconds(), dns.worstCaseSeconds()]).toEqual([1, 2, 3]);
  });

  test('printfEscape keeps letters and digits and escapes every other byte in octal', () => {
    expect(printfEscape(Buffer.from('aZ09 %\\\'"$`\n'))).toBe('aZ09\\040\\045\\134\\047\\042\\044\\140\\012');
    expect(printfEscape(Uint8Array.from([0, 255]))).toBe('\\000\\377');
  });
});

describe('test prerequisites', () => {
  test('a missing OS program fails with the command that installs it', () => {
    expect(() => requirePrograms([{ path: '/nonexistent/nc', pkg: 'netcat-traditional' }])).toThrow(
      'missing /nonexistent/nc: run "bash scripts/os-packages.sh" (or as root: apt-get update && apt-get install -y netcat-traditional)');
    expect(() => requirePrograms()).not.toThrow();
  });

  test('a busybox not built yet fails with the command that builds it', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-udp-cache-'));
    try {
      expect(() => sidecarBusybox(empty)).toThrow(
        'build-busybox.sh: the sidecar tests\' busybox is not built: run "bash scripts/build-busybox.sh" '
        + '(or "bash scripts/os-packages.sh", which runs it)');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  test('the built busybox is static, and its nc is netcat 1.10 with the options the sidecar uses', () => {
    const busybox = sidecarBusybox();
    expect(fs.readFileSync(busybox).subarray(0, 4)).toEqual(Buffer.from('\x7fELF', 'latin1'));
    const help = spawnSync(busybox, ['nc', '--help'], { encoding: 'utf8' }).stderr;
    for (const option of ['-e PROG', '-l\t', '-p PORT', '-w SEC', '-n\t', '-u\tUDP mode']) expect(help).toContain(option);
    // no program interpreter (PT_INTERP): nothing to load but the binary itself, like the image's
    expect(spawnSync('readelf', ['-l', busybox], { encoding: 'utf8' }).stdout).not.toContain('program interpreter');
  });
});

describe('SIDECAR_RULES', () => {
  test('lists UDP601 to UDP620 once each, in order, with a title, a why and a source URL', () => {
    expect(SIDECAR_RULES.map((r) => r.id)).toEqual(Array.from({ length: 20 }, (_, i) => `UDP${601 + i}`));
    for (const rule of SIDECAR_RULES) {
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.why.length).toBeGreaterThan(20);
      expect(rule.source).toMatch(/^https:\/\//);
    }
    expect(SIDECAR_RULES.filter((r) => r.severity === Severity.WARNING).map((r) => r.id)).toEqual(['UDP615', 'UDP616']);
  });

  test('the default image is pinned to an exact tag', () => {
    expect(UDP_HEALTH_DEFAULT_IMAGE).toBe('busybox:1.36.1-uclibc');
  });
});
