import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture, run } from './helpers';
import { JsonReport } from '../../src/cli/report';

const VALIDATION = 'https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go';
const ALLOC = 'https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/registry/core/service/storage/alloc.go';
const FIND_PORT = 'https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/api/v1/pod/util.go';
const PROBES = 'https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/';
const CONNTRACK = 'https://github.com/kubernetes/kubernetes/issues/127780';
const LBC = 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/docs/guide/service/annotations.md';
const LBC_TG = 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/pkg/service/model_build_target_group.go';
const CROSS_ZONE = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#cross-zone-load-balancing';
const ENDPOINT = 'https://github.com/kubernetes-sigs/external-dns/blob/master/endpoint/endpoint.go';
const ANN = (key: string) => `metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-${key}"]`;

const BAD_HELM = [
  `${fixture('bad-helm.yaml')}:14:19: error [UDP201] Service metrics/statsd: spec.ports[0].targetPort "metrics": Deployment/statsd declares `
  + `"metrics" as TCP, so this UDP port has no endpoints there (a container port named "metrics" with protocol UDP; ${FIND_PORT})`,
  '    Fix: declare the container port with protocol UDP (a TCP twin needs another name)',
  `${fixture('bad-helm.yaml')}:33:9: warning [UDP204] Deployment metrics/statsd: spec.template.spec.containers ["statsd"]: no container has a `
  + `readinessProbe, yet UDP Service "statsd" sends traffic to these pods (a readinessProbe that fails when the UDP server is dead; ${CONNTRACK})`,
  '    Fix: add the UDP health-check sidecar (UdpHealthCheck.addTo) or an exec readinessProbe',
  `${fixture('bad-helm.yaml')}:23:13: warning [UDP205] Deployment metrics/statsd: spec.replicas 1: only one pod serves UDP Service "statsd" `
  + `(2 or more replicas (or silence UDP205 where one is meant); ${CONNTRACK})`,
  `${fixture('bad-helm.yaml')}:70:21: error [UDP203] DaemonSet metrics/relay: spec.template.spec.containers[0].startupProbe.tcpSocket.port "admin": `
  + 'probes port 8126 over TCP, but container "relay" declares it only as UDP, so the probe never passes '
  + `(a probe on a TCP or HTTP port that reflects the UDP server's health; ${PROBES})`,
  '    Fix: use the UDP health-check sidecar (UdpHealthCheck) and an httpGet readinessProbe on it, or an exec probe',
  `${fixture('bad-helm.yaml')}:59:9: warning [UDP204] DaemonSet metrics/relay: spec.template.spec.containers ["relay"]: no container has a `
  + `readinessProbe, yet UDP Service "statsd" sends traffic to these pods (a readinessProbe that fails when the UDP server is dead; ${CONNTRACK})`,
  '    Fix: add the UDP health-check sidecar (UdpHealthCheck.addTo) or an exec readinessProbe',
];

describe('k8s-udp lint: human output and exit codes', () => {
  test('a clean Helm chart (CoreDNS, TCP and UDP 53 by name, readiness) exits 0', async () => {
    expect(await run(['lint', fixture('helm-coredns.yaml')])).toEqual({
      code: 0,
      stdout: 'k8s-udp: no findings (3 objects in 1 file)\n',
      stderr: '',
    });
  });

  test('whole-set rules on Helm output: named targetPort declared TCP, TCP probe on a UDP-only port, no readiness, one replica', async () => {
    expect(await run(['lint', fixture('bad-helm.yaml')])).toEqual({
      code: 1,
      stdout: [...BAD_HELM, '', 'k8s-udp: 2 errors, 3 warnings (3 objects in 1 file)', ''].join('\n'),
      stderr: '',
    });
  });

  test('NetworkPolicy rules: a port without protocol, a UDP port a default-deny namespace drops, DNS egress on UDP only', async () => {
    const result = await run(['lint', fixture('network-policy.yaml')]);
    expect(result.code).toBe(1);
    const NP = 'https://kubernetes.io/docs/concepts/services-networking/network-policies/';
    const API = 'https://kubernetes.io/docs/reference/kubernetes-api/policy-resources/network-policy-v1/';
    expect(result.stdout.split('\n').filter((l) => /\[UDP8/.test(l))).toEqual([
      `${fixture('network-policy.yaml')}:20:7: error [UDP804] Service dns/dns: spec.ports[0] "UDP 53": is admitted by no NetworkPolicy, while `
      + `default-deny, allow-dns isolate its pods: every packet is dropped (an ingress rule for these pods with the pod port and protocol: UDP; ${NP})`,
      `${fixture('network-policy.yaml')}:35:11: error [UDP801] NetworkPolicy dns/allow-dns: spec.ingress[0].ports[0].protocol (unset): of port 53 is `
      + `unset, which means TCP: DNS on port 53 gets no UDP through this ingress rule (protocol: UDP (and a second entry with protocol: TCP where TCP is meant too); ${API})`,
      `${fixture('network-policy.yaml')}:47:9: error [UDP802] NetworkPolicy dns/clients-egress: spec.egress[0].ports [{"port":53,"protocol":"UDP"}]: `
      + 'allow DNS on UDP 53 only: answers too large for UDP are retried over TCP and fail (port 53 with protocol: UDP and with protocol: TCP; '
      + 'https://www.rfc-editor.org/rfc/rfc7766)',
    ]);
  });

  test('NLB and ExternalDNS rules with the line of each annotation', async () => {
    const result = await run(['lint', fixture('nlb.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n').filter((l) => !l.startsWith('    Fix:'))).toEqual([
      `${fixture('nlb.yaml')}:11:67: error [UDP560] Service game/game: ${ANN('eip-allocations')} "eipalloc-0a1b2c3d4e5f60718,eipalloc-0a1b2c3d4e5f60719": `
      + `cannot be used with scheme 'internal' (the default) (${ANN('scheme')}: 'internet-facing'; ${LBC})`,
      `${fixture('nlb.yaml')}:11:67: error [UDP561] Service game/game: ${ANN('eip-allocations')} ["eipalloc-0a1b2c3d4e5f60718","eipalloc-0a1b2c3d4e5f60719"]: `
      + `has 2 allocation ids for 3 subnets (exactly one Elastic IP per subnet (3), paired by position; ${LBC})`,
      `${fixture('nlb.yaml')}:12:72: error [UDP562] Service game/game: ${ANN('healthcheck-protocol')} "udp": is not possible: AWS cannot `
      + `health-check over UDP (tcp, http or https; ${LBC_TG})`,
      `${fixture('nlb.yaml')}:8:5: warning [UDP565] Service game/game: ${ANN('attributes')} (unset): leaves cross-zone load balancing off (the NLB default) `
      + 'with externalTrafficPolicy Local: an Availability Zone with no ready pod silently drops the datagrams sent to its NLB address '
      + `(load_balancing.cross_zone.enabled=true; ${CROSS_ZONE})`,
      `${fixture('nlb.yaml')}:37:11: error [UDP430] DNSEndpoint game/game-srv: spec.endpoints[0].targets[0] "0 10 1234 test.example.com": does not `
      + `end with a dot: ExternalDNS (v0.21.0 and later) drops the whole SRV endpoint, with only a warning ("priority weight port host." with the trailing dot (or, for ExternalDNS v0.20.0 and earlier, say so: --external-dns-version); ${ENDPOINT})`,
      '',
      'k8s-udp: 4 errors, 1 warning (2 objects in 1 file)',
      '',
    ]);
  });

  test('--strict fails on warnings; warnings alone exit 0 without it', async () => {
    const args = ['lint', fixture('bad-helm.yaml'), '--disable', 'UDP201,UDP203'];
    expect((await run(args)).code).toBe(0);
    expect((await run([...args, '--strict'])).code).toBe(1);
  });

  test('--disable (repeatable, any case) and --severity overrides', async () => {
    const result = await run(['lint', fixture('bad-helm.yaml'), '--disable', 'udp201', '--disable', 'UDP203,UDP204', '--severity', 'UDP205=error']);
    expect(result).toEqual({
      code: 1,
      stdout: `${BAD_HELM[4].replace(': warning [UDP205]', ': error [UDP205]')}\n\nk8s-udp: 1 error, 0 warnings (3 objects in 1 file)\n`,
      stderr: '',
    });
  });

  test('the per-object annotation silences rules for that object only', async () => {
    const text = fs.readFileSync(path.join(__dirname, 'fixtures', 'bad-helm.yaml'), 'utf8')
      .replace('  name: relay\n', '  name: relay\n  annotations:\n    k8s-udp-constructs.io/disable-rules: UDP203, UDP204\n');
    const result = await run(['lint', '-'], { stdin: text });
    expect(result.stdout.split('\n').filter((l) => /^\S/.test(l)).map((l) => l.replace(/ \S+\/\S+: .*/, '')))
      .toEqual(['stdin:14:19: error [UDP201] Service', 'stdin:33:9: warning [UDP204] Deployment', 'stdin:23:13: warning [UDP205] Deployment', 'k8s-udp: 1 error, 2 warnings (3 objects in 1 file)']);
  });

  test('--node-port-range changes what UDP102 accepts', async () => {
    expect((await run(['lint', fixture('list.json')])).code).toBe(1);
    expect(await run(['lint', fixture('list.json'), '--node-port-range', '20000-22767'])).toEqual({
      code: 0, stdout: 'k8s-udp: no findings (1 object in 1 file)\n', stderr: '',
    });
  });

  test('kind: List items in JSON, located by line', async () => {
    expect((await run(['lint', fixture('list.json')])).stdout).toBe(
      `${fixture('list.json')}:12:71: error [UDP102] Service edge/dns: spec.ports[0].nodePort 20053: is not in the valid NodePort range `
      + `(30000-32767, the cluster's --service-node-port-range: set nodePortRange if yours differs; ${ALLOC})\n\n`
      + 'k8s-udp: 1 error, 0 warnings (1 object in 1 file)\n',
    );
  });

  test('a YAML document that does not parse: its file and line on stderr, exit 2, and every other document and file still checked', async () => {
    const result = await run(['lint', fixture('broken.yaml'), fixture('list.json')]);
    expect(result).toEqual({
      code: 2,
      stdout: [
        `${fixture('broken.yaml')}:8:17: error [UDP110] Service first: spec.ports[0].protocol "udp": is not a supported protocol (TCP, UDP, SCTP; ${VALIDATION})`,
        `${fixture('broken.yaml')}:25:17: error [UDP103] Service third: spec.ports[0].nodePort 30053: may not be used when type is 'ClusterIP' `
        + `(type NodePort or LoadBalancer; ${VALIDATION})`,
        `${fixture('list.json')}:12:71: error [UDP102] Service edge/dns: spec.ports[0].nodePort 20053: is not in the valid NodePort range `
        + `(30000-32767, the cluster's --service-node-port-range: set nodePortRange if yours differs; ${ALLOC})`,
        '',
        'k8s-udp: 3 errors, 0 warnings (3 objects in 2 files, 1 input error)',
        '',
      ].join('\n'),
      stderr: `${fixture('broken.yaml')}:15:1: error YAML does not parse (document from line 9): Flow sequence in block collection must be `
        + 'sufficiently indented and end with a ] (and 1 more error)\n',
    });
  });

  test('a file that does not exist: exit 2, the others still checked', async () => {
    expect(await run(['lint', 'nope.yaml', fixture('helm-coredns.yaml')])).toEqual({
      code: 2,
      stdout: 'k8s-udp: no findings (3 objects in 1 file, 1 input error)\n',
      stderr: 'nope.yaml: error cannot be read: no such file or directory\n',
    });
  });

  test('input without any Kubernetes object (empty helm template output) is an input error, unless --allow-empty', async () => {
    expect(await run(['lint', '-'], { stdin: '' })).toEqual({
      code: 2,
      stdout: 'k8s-udp: no findings (0 objects in 1 file, 1 input error)\n',
      stderr: 'stdin: error has no Kubernetes object to lint (pass --allow-empty when that is expected)\n',
    });
    expect((await run(['lint', '-', '--allow-empty'], { stdin: '# nothing rendered\n' })).code).toBe(0);
  });

  test('a binary file and a document that is no object are input errors, never a pass', async () => {
    const binary = await run(['lint', '-', '--stdin-name', 'image.png'], { stdin: '\u0089PNG\r\n\u001a\n\u0000\u0000' });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toBe('image.png: error is not a text file (it holds NUL bytes)\n');
    const list = await run(['lint', '-'], { stdin: '- apiVersion: v1\n  kind: Service\n' });
    expect(list.code).toBe(2);
    expect(list.stderr).toBe('stdin:1:1: error is not a Kubernetes object: the document is a list\n');
  });

  test('a Service whose type is no string is UDP117', async () => {
    const result = await run(['lint', '-'], { stdin: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: 7\n  ports: [{port: 53, protocol: UDP}]\n' });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(/^stdin:5:9: error \[UDP117\] Service s: spec.type 7: must be a string \(ClusterIP, NodePort, LoadBalancer, ExternalName; /);
  });

  test('standard input with - and --stdin-name', async () => {
    const stdin = fs.readFileSync(path.join(__dirname, 'fixtures', 'list.json'), 'utf8');
    const result = await run(['lint', '-', '--stdin-name', 'rendered/all.json'], { stdin });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(/^rendered\/all\.json:12:71: error \[UDP102\] Service edge\/dns: /);
  });

  test('colors on a terminal, none with NO_COLOR or --no-color, forced with --color or FORCE_COLOR', async () => {
    const plain = await run(['lint', fixture('list.json')]);
    const tty = await run(['lint', fixture('list.json')], { tty: true });
    expect(tty.stdout).toBe(
      `\u001b[36m${fixture('list.json')}:12:71\u001b[39m: \u001b[31merror\u001b[39m \u001b[1m[UDP102]\u001b[22m Service edge/dns: spec.ports[0].nodePort 20053: `
      + `is not in the valid NodePort range (30000-32767, the cluster's --service-node-port-range: set nodePortRange if yours differs; ${ALLOC})\n\n`
      + 'k8s-udp: \u001b[31m1 error\u001b[39m, 0 warnings (1 object in 1 file)\n',
    );
    expect((await run(['lint', fixture('list.json')], { tty: true, env: { NO_COLOR: '1' } })).stdout).toBe(plain.stdout);
    expect((await run(['lint', fixture('list.json'), '--no-color'], { tty: true })).stdout).toBe(plain.stdout);
    expect((await run(['lint', fixture('list.json'), '--color'])).stdout).toBe(tty.stdout);
    expect((await run(['lint', fixture('list.json')], { env: { FORCE_COLOR: '1' } })).stdout).toBe(tty.stdout);
  });
});

describe('k8s-udp lint --format json', () => {
  test('counts, findings with object, file, line and column, and input errors', async () => {
    const result = await run(['lint', fixture('broken.yaml'), '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`${fixture('broken.yaml')}:15:1: error YAML does not parse (document from line 9): Flow sequence in block collection `
      + 'must be sufficiently indented and end with a ] (and 1 more error)\n');
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.summary).toEqual({ errors: 2, warnings: 0, notes: 0, objects: 2, files: 1, inputErrors: 1 });
    expect(report.findings[0]).toEqual({
      ruleId: 'UDP110',
      severity: 'error',
      object: { kind: 'Service', name: 'first' },
      file: fixture('broken.yaml'),
      line: 8,
      column: 17,
      field: 'spec.ports[0].protocol',
      value: 'udp',
      message: 'is not a supported protocol',
      allowed: 'TCP, UDP, SCTP',
      source: VALIDATION,
      text: `[UDP110] Service first: spec.ports[0].protocol "udp": is not a supported protocol (TCP, UDP, SCTP; ${VALIDATION})`,
    });
    expect(report.findings.map((f) => f.ruleId)).toEqual(['UDP110', 'UDP103']);
    expect(report.inputErrors).toEqual([{
      file: fixture('broken.yaml'),
      line: 15,
      column: 1,
      message: 'YAML does not parse (document from line 9): Flow sequence in block collection must be sufficiently indented and end with a ] (and 1 more error)',
    }]);
  });
});

describe('usage errors exit 2', () => {
  test.each([
    [['lint'], "error: missing required argument 'inputs'\n"],
    [['lint', 'x.yaml', '--format', 'xml'], "error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are human, json, sarif.\n"],
    [['lint', 'x.yaml', '--disable', 'UDP999'], 'k8s-udp lint: --disable: unknown rule id "UDP999" (see `k8s-udp rules`)\n'],
    [['lint', 'x.yaml', '--severity', 'UDP205'], 'k8s-udp lint: --severity: "UDP205" is not <rule id>=<error|warning>\n'],
    [['lint', 'x.yaml', '--severity', 'UDP205=fatal'], 'k8s-udp lint: --severity: severity "fatal" is not error, warning or info\n'],
    [['lint', 'x.yaml', '--node-port-range', '30000'], 'k8s-udp lint: --node-port-range: PortRange "30000": expected "<min>-<max>", for example "30000-32767"\n'],
    [['lint', 'x.yaml', '--kubernetes-version', 'latest'], 'k8s-udp lint: --kubernetes-version: "latest" is not a Kubernetes version (expected 1.<minor>, for example 1.28)\n'],
    [['lint', 'x.yaml', '--provider', 'azure'], 'k8s-udp lint: --provider: "azure" is not a provider (aws-lbc[:version], aws-in-tree, gke[:backend-service|:internal][:version], aks[:shared-probe], metallb[:version], cilium[:bgp-control-plane|:l2-announcer], kube-vip, generic[:mixed])\n'],
    [['frobnicate'], "error: unknown command 'frobnicate'\n"],
  ])('%j', async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(message)).toBe(true);
  });
});

describe('--kubernetes-version and --provider reach the mixed-protocol rules', () => {
  const mixed = [
    'apiVersion: v1', 'kind: Service', 'metadata: {name: dns}', 'spec:', '  type: LoadBalancer', '  ports:',
    '    - {name: dns-udp, port: 53, protocol: UDP}', '    - {name: dns-tcp, port: 53, protocol: TCP}', '',
  ].join('\n');

  test('silent without them; UDP301 before 1.24; UDP302 on a provider that cannot carry both', async () => {
    expect((await run(['lint', '-'], { stdin: mixed })).code).toBe(0);
    const old = await run(['lint', '-', '--kubernetes-version', '1.23'], { stdin: mixed });
    expect(old.stdout.split('\n')[0]).toMatch(/^stdin:7:5: error \[UDP301\] Service dns: spec.ports \["TCP","UDP"\]: mixes TCP and UDP/);
    const gke = await run(['lint', '-', '--provider', 'gke'], { stdin: mixed });
    expect(gke.stdout.split('\n')[0]).toMatch(/^stdin:7:5: error \[UDP302\] Service dns: spec.ports \["TCP","UDP"\]: mixes TCP and UDP, but GKE/);
    expect((await run(['lint', '-', '--provider', 'gke:l4-rbs', '--kubernetes-version', '1.28'], { stdin: mixed })).code).toBe(0);
  });

  test('the summary says which Kubernetes version and provider the rules assumed', async () => {
    const told = await run(['lint', '-', '--kubernetes-version', '1.23', '--provider', 'aws-lbc:2.13'], { stdin: mixed });
    expect(told.stdout.trim().split('\n').pop()).toBe(
      'k8s-udp: 1 error, 0 warnings (1 object in 1 file; assumed Kubernetes 1.23, provider the AWS Load Balancer Controller 2.13)');
    const json = JSON.parse((await run(['lint', '-', '--format', 'json', '--kubernetes-version', '1.23'], { stdin: mixed })).stdout);
    expect(json.summary).toMatchObject({ kubernetesVersion: '1.23' });
    expect(json.summary.provider).toBeUndefined();
  });
});

describe('--external-dns-version decides the form of SRV targets (UDP430)', () => {
  const endpoint = (target: string) => [
    'apiVersion: externaldns.k8s.io/v1alpha1', 'kind: DNSEndpoint', 'metadata: {name: srv}', 'spec:', '  endpoints:',
    `    - {dnsName: _kerberos._udp.example.com, recordType: SRV, targets: ["${target}"]}`, '',
  ].join('\n');

  test('undotted targets pass for 0.20 and fail by default; dotted ones the other way round; a bad version is a usage error', async () => {
    expect((await run(['lint', '-'], { stdin: endpoint('10 100 88 kdc.example.com.') })).code).toBe(0);
    expect((await run(['lint', '-', '--external-dns-version', '0.20'], { stdin: endpoint('10 100 88 kdc.example.com') })).code).toBe(0);
    const old = await run(['lint', '-', '--external-dns-version', '0.20'], { stdin: endpoint('10 100 88 kdc.example.com.') });
    expect(old.code).toBe(1);
    expect(old.stdout).toContain('[UDP430] DNSEndpoint srv: spec.endpoints[0].targets[0] "10 100 88 kdc.example.com.": ends with a dot, which ExternalDNS 0.20 skips as an illegal target format');
    expect(old.stdout.trim().split('\n').pop()).toBe('k8s-udp: 1 error, 0 warnings (1 object in 1 file; assumed ExternalDNS 0.20)');
    const bad = await run(['lint', '-', '--external-dns-version', 'latest'], { stdin: endpoint('10 100 88 kdc.example.com.') });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--external-dns-version: "latest" is not a release number (an ExternalDNS release such as 0.20 or v0.22.0)');
  });
});

describe('the configuration file', () => {
  function project(config: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-udp-config-'));
    fs.writeFileSync(path.join(dir, '.k8s-udp.yaml'), config);
    fs.copyFileSync(path.join(__dirname, 'fixtures', 'bad-helm.yaml'), path.join(dir, 'bad-helm.yaml'));
    return dir;
  }

  test('.k8s-udp.yaml in the working directory: disable, severity, strict; flags add to it; --no-config ignores it', async () => {
    const cwd = project('disable: [UDP201, UDP203]\nseverity:\n  UDP205: error\n');
    expect((await run(['lint', 'bad-helm.yaml'], { cwd })).stdout.split('\n').filter((l) => /^\S/.test(l)).map((l) => l.split(' Service')[0].split(' Deployment')[0].split(' DaemonSet')[0]))
      .toEqual(['bad-helm.yaml:33:9: warning [UDP204]', 'bad-helm.yaml:23:13: error [UDP205]', 'bad-helm.yaml:59:9: warning [UDP204]', 'k8s-udp: 1 error, 2 warnings (3 objects in 1 file)']);
    expect((await run(['lint', 'bad-helm.yaml', '--disable', 'UDP204', '--severity', 'UDP205=warning'], { cwd })).code).toBe(0);
    expect((await run(['lint', 'bad-helm.yaml', '--no-config'], { cwd })).stdout).toContain('k8s-udp: 2 errors, 3 warnings');
    const strict = project('strict: true\ndisable: [UDP201, UDP203]\n');
    expect((await run(['lint', 'bad-helm.yaml'], { cwd: strict })).code).toBe(1);
  });

  test('--config names another file; bad files are usage errors', async () => {
    const cwd = project('disable: [UDP999]\n');
    expect(await run(['lint', 'bad-helm.yaml'], { cwd })).toEqual({
      code: 2, stdout: '', stderr: 'k8s-udp lint: .k8s-udp.yaml disable: unknown rule id "UDP999" (see `k8s-udp rules`)\n',
    });
    fs.writeFileSync(path.join(cwd, 'other.yaml'), 'disabled: [UDP201]\n');
    expect((await run(['lint', 'bad-helm.yaml', '--config', 'other.yaml'], { cwd })).stderr)
      .toMatch(/^k8s-udp lint: .*other\.yaml: unknown key "disabled" \(disable, severity, nodePortRange, kubernetesVersion, provider, externalDnsVersion, gatewayApiChannel, strict\)\n$/);
    expect((await run(['lint', 'bad-helm.yaml', '--config', 'missing.yaml'], { cwd })).code).toBe(2);
  });
});

describe('k8s-udp rules and --help', () => {
  test('rules lists every rule the linter runs, including the NLB and ExternalDNS ones', async () => {
    const result = await run(['rules']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('UDP101  error    Service port must be between 1 and 65535');
    expect(lines).toContain('UDP430  error    DNSEndpoint SRV targets in the form the ExternalDNS release publishes');
    expect(lines).toContain('UDP565  warning  NLB cross-zone load balancing off with externalTrafficPolicy Local');
    const json = JSON.parse((await run(['rules', '--format', 'json'])).stdout) as Array<{ id: string }>;
    expect(json.length).toBe(lines.length);
  });

  test('--help and --version exit 0', async () => {
    const help = await run(['lint', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: k8s-udp lint [options] <inputs...>');
    expect((await run(['--version'])).code).toBe(0);
  });
});
