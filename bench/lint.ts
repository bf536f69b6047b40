/**
 * `k8s-udp lint` benchmarks, for `npm run bench` (bench/run.ts calls `benchLint()`):
 *
 * - 10,000 manifests linted (read, parsed with positions, every rule, findings located, JSON report) vs the same file
 *   parsed by the `yaml` library alone (`parseAllDocuments(...).map(toJS)`): goal <= 1.5x.
 * - Lint cost per object at 100, 1,000 and 10,000 objects: goal <= 1.5x from 1,000 to 10,000 (linear growth).
 *
 * Each sample runs in a fresh Node.js process on the compiled library (lib/), timing the work only (modules loaded
 * first); figures are ratios of medians of several samples, the two variants alternated run by run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BenchRow, median } from './report';

const root = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** A Helm-like manifest set of `count` objects: UDP+TCP Services and their Deployments, `perNamespace` objects a namespace. */
export function manifests(count: number, perNamespace = 100): string {
  const docs: string[] = [];
  for (let i = 0; docs.length < count; i++) {
    const ns = `team-${Math.floor((i * 2) / perNamespace)}`;
    docs.push([
      '# Source: dns/templates/service.yaml',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      `  name: dns-${i}`,
      `  namespace: ${ns}`,
      '  labels:',
      `    app.kubernetes.io/name: dns-${i}`,
      '  annotations:',
      '    external-dns.alpha.kubernetes.io/hostname: dns.example.com',
      'spec:',
      '  type: ClusterIP',
      '  selector:',
      `    app: dns-${i}`,
      '  ports:',
      '    - {name: dns, port: 53, protocol: UDP, targetPort: dns}',
      '    - {name: dns-tcp, port: 53, protocol: TCP, targetPort: dns-tcp}',
    ].join('\n'));
    if (docs.length >= count) break;
    docs.push([
      '# Source: dns/templates/deployment.yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: dns-${i}`,
      `  namespace: ${ns}`,
      'spec:',
      '  replicas: 2',
      '  selector:',
      '    matchLabels:',
      `      app: dns-${i}`,
      '  template:',
      '    metadata:',
      '      labels:',
      `        app: dns-${i}`,
      '    spec:',
      '      containers:',
      '        - name: coredns',
      '          image: coredns/coredns:1.12.0',
      '          ports:',
      '            - {name: dns, containerPort: 1053, protocol: UDP}',
      '            - {name: dns-tcp, containerPort: 1053, protocol: TCP}',
      '          readinessProbe:',
      '            httpGet: {path: /ready, port: 8181}',
    ].join('\n'));
  }
  return `${docs.join('\n---\n')}\n`;
}

/**
 * The worker, run with `node -e`: loads its modules, then times one run of the work on the file.
 * `lint` is the whole command (`runCli(['lint', file, '--format', 'json'])`, output discarded); `yaml` the parse alone.
 */
const WORKER = `
const [mode, file] = process.argv.slice(1);
const { performance } = require('node:perf_hooks');
const fs = require('node:fs');
const yaml = require('yaml');
const { runCli } = require(${JSON.stringify(path.join(root, 'lib', 'cli', 'main.js'))});
const io = { stdout() {}, stderr() {}, readStdin: async () => '', cwd: process.cwd(), env: {}, isTTY: false };
(async () => {
  const start = performance.now();
  let code = 0;
  if (mode === 'lint') {
    code = await runCli(['lint', file, '--format', 'json', '--no-config'], io);
  } else {
    const docs = yaml.parseAllDocuments(fs.readFileSync(file, 'utf8')).map((d) => d.toJS());
    code = docs.length > 0 ? 0 : 3;
  }
  const ms = performance.now() - start;
  process.stdout.write(JSON.stringify({ ms, code }) + '\\n');
})();
`;

function sample(mode: 'lint' | 'yaml', file: string): number {
  const out = execFileSync(process.execPath, ['-e', WORKER, mode, file], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const { ms, code } = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; code: number };
  if (code !== 0) throw new Error(`bench ${mode} on ${file} exited ${code}: the generated manifests should lint clean`);
  return ms;
}

function ensureCompiled(): void {
  if (fs.existsSync(path.join(root, 'lib', 'cli', 'main.js'))) return;
  const tsc = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('tsc failed');
}

const fmt = (x: number) => `${x.toFixed(2)}x`;

/** The lint benchmarks, as rows of BENCHMARKS.md. */
export async function benchLint(): Promise<BenchRow[]> {
  ensureCompiled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-udp-bench-'));
  const file = (n: number, perNamespace = 100) => {
    const name = path.join(dir, `manifests-${n}-${perNamespace}.yaml`);
    if (!fs.existsSync(name)) fs.writeFileSync(name, manifests(n, perNamespace));
    return name;
  };
  try {
    // 10,000 manifests: lint vs yaml alone, alternated.
    const big = file(10000);
    sample('lint', big); // warm the file cache
    sample('yaml', big);
    const lint: number[] = [];
    const parse: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      lint.push(sample('lint', big));
      parse.push(sample('yaml', big));
    }
    const vsYaml = median(lint) / median(parse);

    // Growth: cost per object at 100, 1,000, 10,000 (objects in namespaces of 100, as charts are deployed).
    const sizes = [100, 1000, 10000];
    const perObject = sizes.map((n) => {
      const samples = Array.from({ length: RUNS }, () => sample('lint', file(n)));
      return median(samples) / n;
    });
    const growth = perObject[2] / perObject[1];

    // The same 10,000 objects in one namespace: rules that relate a Service to its pods look within a namespace.
    const oneNamespace = Array.from({ length: Math.max(3, Math.ceil(RUNS / 2)) }, () => sample('lint', file(10000, 10000)));
    const oneNamespaceRatio = median(oneNamespace) / median(lint);

    return [
      {
        group: 'Lint',
        name: 'k8s-udp lint of 10,000 manifests vs parsing them with the yaml library alone: time',
        measured: fmt(vsYaml),
        goal: '<= 1.5x',
        met: vsYaml <= 1.5,
        note: `median of ${RUNS}: lint ${median(lint).toFixed(0)} ms (parse with positions, all rules, locate findings, JSON report), `
          + `yaml parseAllDocuments+toJS ${median(parse).toFixed(0)} ms`,
      },
      {
        group: 'Lint',
        name: 'k8s-udp lint cost per object at 10,000 vs at 1,000 objects',
        measured: fmt(growth),
        goal: '<= 1.5x (linear)',
        met: growth <= 1.5,
        note: sizes.map((n, i) => `${n}: ${(perObject[i] * 1000).toFixed(1)} µs/object`).join(', ') + ' (namespaces of 100 objects)',
      },
      {
        group: 'Lint',
        name: 'k8s-udp lint of 10,000 objects in one namespace vs in namespaces of 100',
        measured: fmt(oneNamespaceRatio),
        goal: '<= 1.5x',
        met: oneNamespaceRatio <= 1.5,
        note: `median ${median(oneNamespace).toFixed(0)} ms vs ${median(lint).toFixed(0)} ms: rules relating Services and pods scan their namespace`,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchLint().then((rows) => {
    for (const r of rows) console.log(`${r.group} | ${r.name} | ${r.measured} | ${r.goal} | ${r.met ? 'yes' : 'no'} | ${r.note ?? ''}`);
  }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
