/*
 * The packed package, installed into fresh apps with only its peers, as users install it:
 * - with cdk8s-plus-32 (no cdk8s-plus-28 anywhere), it type-checks with the tsconfig `cdk8s init typescript-app`
 *   writes and synthesizes a UDP Service and an NLB in front of a cdk8s-plus-32 Deployment, made right for UDP;
 * - with no cdk8s-plus at all, every construct works with label selectors;
 * - with @pulumi/pulumi and @pulumi/aws, `k8s-udp-constructs/pulumi` type-checks with the tsconfig `pulumi new
 *   typescript` writes (node10 module resolution) and with node16, nodenext and bundler resolution.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';

const ROOT = path.resolve(__dirname, '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The version of a dependency installed here, so that the app gets the same one from the npm cache. */
function installed(name: string): string {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** The tsconfig.json that `cdk8s init typescript-app` writes, read from the installed cdk8s-cli's template. */
const CDK8S_INIT_TSCONFIG = path.join(ROOT, 'node_modules', 'cdk8s-cli', 'templates', 'typescript-app', 'tsconfig.json');

/** Runs a command; a failure shows what it printed. */
function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

const MAIN = `import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-32';
import { NlbUdpLoadBalancer, UdpService } from 'k8s-udp-constructs';

const app = new App();
const chart = new Chart(app, 'game');
const server = new kplus.Deployment(chart, 'server', {
  replicas: 2,
  containers: [{ name: 'server', image: 'example/game-server:1.0', portNumber: 7777 }],
});
new UdpService(chart, 'internal', { metadata: { name: 'game-internal' }, selector: server, ports: [{ port: 7777 }] });
new NlbUdpLoadBalancer(chart, 'public', { metadata: { name: 'game' }, selector: server, ports: [{ port: 7777 }] });
app.synth();
`;

let work: string;
let app: string;
let packed: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-udp-consumer-'));
  // a fresh build: outputs of removed sources must not reach the package
  fs.rmSync(path.join(ROOT, 'lib'), { recursive: true, force: true });
  run(NPM, ['exec', '--', 'tsc', '-p', 'tsconfig.json'], ROOT);
  packed = path.join(work, run(NPM, ['pack', '--pack-destination', work, '--silent'], ROOT).trim().split('\n').pop()!);
  app = path.join(work, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '0.0.0', private: true }));
  fs.copyFileSync(CDK8S_INIT_TSCONFIG, path.join(app, 'tsconfig.json'));
  fs.writeFileSync(path.join(app, 'main.ts'), MAIN);
  run(NPM, [
    'install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error',
    packed,
    `cdk8s@${installed('cdk8s')}`, `constructs@${installed('constructs')}`, `cdk8s-plus-32@${installed('cdk8s-plus-32')}`,
    `typescript@${installed('typescript')}`, `@types/node@${installed('@types/node')}`,
  ], app);
}, 600_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

test('the package holds the code, its types and maps, the docs and the example sources, within its size budget', () => {
  const [pack] = JSON.parse(run(NPM, ['pack', '--dry-run', '--json', '--silent'], ROOT)) as Array<{
    size: number; unpackedSize: number; files: Array<{ path: string }>;
  }>;
  const tops = [...new Set(pack.files.map((f) => f.path.split('/')[0]))].sort();
  expect(tops).toEqual(['API.md', 'LICENSE', 'README.md', 'docs', 'examples', 'lib', 'package.json']);
  const outside = pack.files.map((f) => f.path).filter((p) => p.startsWith('lib/') && !/\.(js|d\.ts|js\.map)$/.test(p));
  expect(outside).toEqual([]);
  expect(pack.files.map((f) => f.path).filter((p) => p.startsWith('examples/') && !/\.(ts|ya?ml)$/.test(p))).toEqual([]);
  // budget: what `npm install` downloads and unpacks for this package alone (the largest parts: the rule catalog with
  // its examples in lib/core, the typed bindings of the Gateway API and AWS gateway CRDs in lib/imports (their maps are
  // not shipped), API.md, docs/rules.md and the example pictures; raised with the NetworkPolicy rules and with the
  // Gateway API constructs and bindings: about 800 KiB packed and 3.8 MiB unpacked with both; the QUIC rules and the
  // load-balancer provider rules, their examples and pictures take it to about 930 KiB packed and 4.1 MiB unpacked.
  // What would shrink it: the catalog's bad and good examples out of the runtime catalog, into a table only docgen and
  // tests load)
  expect(pack.size).toBeLessThan(1000 * 1024);
  expect(pack.unpackedSize).toBeLessThan(4.5 * 1024 * 1024);
});

test('no cdk8s-plus but the app\'s own is installed', () => {
  const plus = fs.readdirSync(path.join(app, 'node_modules')).filter((name) => name.startsWith('cdk8s-plus-'));
  expect(plus).toEqual(['cdk8s-plus-32']);
});

test('the app type-checks and synthesizes; the cdk8s-plus-32 Deployment is made right for UDP', () => {
  run(NPM, ['exec', '--', 'tsc'], app);
  run(process.execPath, ['main.js'], app);
  const objects = parseAllDocuments(fs.readFileSync(path.join(app, 'dist', 'game.k8s.yaml'), 'utf8')).map((d) => d.toJS());
  const deployment = objects.find((o) => o.kind === 'Deployment');
  const [server, sidecar] = deployment.spec.template.spec.containers;
  expect(server.ports).toEqual([{ containerPort: 7777, protocol: 'UDP' }]);
  expect(server.startupProbe).toBeUndefined();
  expect(sidecar.name).toBe('udp-health');
  expect(objects.filter((o) => o.kind === 'Service').map((o) => o.spec.ports)).toEqual([
    [{ port: 7777, protocol: 'UDP', targetPort: 7777 }],
    [{ port: 7777, protocol: 'UDP', targetPort: 7777 }],
  ]);
}, 300_000);

test('an app with no cdk8s-plus at all selects pods by labels with every construct', () => {
  const bare = path.join(work, 'bare');
  fs.mkdirSync(bare);
  fs.writeFileSync(path.join(bare, 'package.json'), JSON.stringify({ name: 'bare', version: '0.0.0', private: true }));
  run(NPM, [
    'install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error',
    packed, `cdk8s@${installed('cdk8s')}`, `constructs@${installed('constructs')}`,
  ], bare);
  fs.writeFileSync(path.join(bare, 'main.js'), `
const { App, Chart } = require('cdk8s');
const udp = require('k8s-udp-constructs');
const app = new App();
const chart = new Chart(app, 'bare');
const selector = { app: 'dns' };
new udp.UdpService(chart, 'svc', { metadata: { name: 'dns' }, selector, ports: [{ port: 53 }] });
new udp.DualProtocolEndpoint(chart, 'dual', { metadata: { name: 'dual' }, selector, ports: [{ name: 'dns', port: 53 }] });
new udp.NlbUdpLoadBalancer(chart, 'nlb', {
  metadata: { name: 'nlb' }, selector, ports: [{ port: 53 }], healthSidecar: false,
  healthCheck: { protocol: udp.HealthCheckProtocol.HTTP, port: 8080, path: '/ready' },
});
new udp.SrvRecord(chart, 'srv', { service: 'dns', protocol: udp.SrvProtocol.UDP, domain: 'example.com', targets: [{ host: 'dns.example.com', port: 53 }] });
udp.UdpRules.silence(chart, 'UDP204', 'UDP205');
app.synth();
`);
  expect(fs.readdirSync(path.join(bare, 'node_modules')).filter((name) => name.startsWith('cdk8s-plus-'))).toEqual([]);
  run(process.execPath, ['main.js'], bare);
  const objects = parseAllDocuments(fs.readFileSync(path.join(bare, 'dist', 'bare.k8s.yaml'), 'utf8')).map((d) => d.toJS());
  expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
    'Service/dns', 'Service/dual', 'Service/nlb', expect.stringMatching(/^DNSEndpoint\//),
  ]);
  expect(objects.filter((o) => o.kind === 'Service').map((o) => o.spec.selector)).toEqual([{ app: 'dns' }, { app: 'dns' }, { app: 'dns' }]);
}, 300_000);

test('an example copied out of the installed package runs as it is in a cdk8s init app', () => {
  const copied = path.join(work, 'copied');
  fs.mkdirSync(copied);
  fs.writeFileSync(path.join(copied, 'package.json'), JSON.stringify({ name: 'copied', version: '0.0.0', private: true }));
  fs.copyFileSync(CDK8S_INIT_TSCONFIG, path.join(copied, 'tsconfig.json'));
  run(NPM, [
    'install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error',
    packed, `cdk8s@${installed('cdk8s')}`, `constructs@${installed('constructs')}`, `cdk8s-plus-28@${installed('cdk8s-plus-28')}`,
    `typescript@${installed('typescript')}`, `@types/node@${installed('@types/node')}`,
  ], copied);
  fs.copyFileSync(path.join(copied, 'node_modules', 'k8s-udp-constructs', 'examples', 'nlb-udp-eks', 'main.ts'), path.join(copied, 'main.ts'));
  run(NPM, ['exec', '--', 'tsc'], copied);
  run(process.execPath, ['main.js'], copied);
  const written = fs.readdirSync(path.join(copied, 'dist'));
  expect(written).toEqual(['nlb-udp-eks.k8s.yaml']);
  const objects = parseAllDocuments(fs.readFileSync(path.join(copied, 'dist', written[0]), 'utf8')).map((d) => d.toJS());
  expect(objects.find((o) => o.kind === 'Service').metadata.annotations['service.beta.kubernetes.io/aws-load-balancer-scheme'])
    .toBe('internet-facing');
}, 300_000);

/** The tsconfig.json that `pulumi new typescript` writes. */
const PULUMI_NEW_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: 'bin',
    target: 'es2020',
    module: 'commonjs',
    moduleResolution: 'node',
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ['index.ts'],
};

const PULUMI_PROGRAM = `import { NlbUdpLoadBalancer } from 'k8s-udp-constructs/pulumi';

const nlb = new NlbUdpLoadBalancer('game', {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
  ports: [{ port: 7777, protocol: 'UDP', targetPort: 30777 }],
});
export const dnsName = nlb.dnsName;
`;

describe('the Pulumi entry point', () => {
  let pulumiApp: string;
  beforeAll(() => {
    pulumiApp = path.join(work, 'pulumi');
    fs.mkdirSync(pulumiApp);
    fs.writeFileSync(path.join(pulumiApp, 'package.json'), JSON.stringify({ name: 'pulumi-app', version: '0.0.0', private: true }));
    fs.writeFileSync(path.join(pulumiApp, 'index.ts'), PULUMI_PROGRAM);
    run(NPM, [
      'install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error',
      packed, `cdk8s@${installed('cdk8s')}`, `constructs@${installed('constructs')}`,
      `@pulumi/pulumi@${installed('@pulumi/pulumi')}`, `@pulumi/aws@${installed('@pulumi/aws')}`,
      `typescript@${installed('typescript')}`, `@types/node@${installed('@types/node')}`,
    ], pulumiApp);
  }, 600_000);

  test.each([
    ['node10 (pulumi new typescript)', {}],
    ['node16', { module: 'node16', moduleResolution: 'node16' }],
    ['nodenext', { module: 'nodenext', moduleResolution: 'nodenext' }],
    ['bundler', { module: 'esnext', moduleResolution: 'bundler' }],
  ])('type-checks with %s module resolution', (_name, options) => {
    const tsconfig = { ...PULUMI_NEW_TSCONFIG, compilerOptions: { ...PULUMI_NEW_TSCONFIG.compilerOptions, ...options, noEmit: true } };
    fs.writeFileSync(path.join(pulumiApp, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
    run(NPM, ['exec', '--', 'tsc', '-p', 'tsconfig.json'], pulumiApp);
  }, 300_000);

  test('runs under the shipped mocks with `k8s-udp preview`: no Pulumi CLI, no credentials', () => {
    fs.writeFileSync(path.join(pulumiApp, 'tsconfig.json'), JSON.stringify(PULUMI_NEW_TSCONFIG, null, 2));
    run(NPM, ['exec', '--', 'tsc', '-p', 'tsconfig.json'], pulumiApp);
    const text = run(NPM, ['exec', '--', 'k8s-udp', 'preview', 'bin/index.js', '--format', 'json'], pulumiApp);
    const preview = JSON.parse(text) as { resources: Array<{ type: string; name: string }>; outputs: Record<string, unknown> };
    expect(preview.resources.filter((r) => r.type === 'aws:lb/loadBalancer:LoadBalancer').map((r) => r.name)).toEqual(['game-nlb']);
    expect(preview.outputs.dnsName).toMatch(/^game-nlb-[0-9a-f]+\.elb\.us-east-1\.amazonaws\.com$/);
  }, 300_000);
});
