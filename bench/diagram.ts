/**
 * `k8s-udp diagram` benchmarks, for `npm run bench` (bench/run.ts calls `benchDiagram()`):
 *
 * - 10,000 manifests drawn as Mermaid (read, every rule, graph, rendering) vs linted (`lint --format json`), the same
 *   reading and rules: goal <= 1.3x.
 * - Drawing cost per object at 1,000 and 10,000 objects: goal <= 1.5x (linear growth).
 * - SVG of 1,000 objects (Graphviz as WebAssembly): its time, for the record; Graphviz's layout is not linear.
 *
 * Each sample runs in a fresh Node.js process on the compiled library (lib/), timing the work only (modules loaded
 * first); figures are ratios of medians of several samples, the two variants alternated run by run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { manifests } from './lint';
import { BenchRow, median } from './report';

const root = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** The worker, run with `node -e`: times one run of `k8s-udp <argv>` on the file, output discarded. */
const WORKER = `
const [mode, file] = process.argv.slice(1);
const { performance } = require('node:perf_hooks');
const { runCli } = require(${JSON.stringify(path.join(root, 'lib', 'cli', 'main.js'))});
const io = { stdout() {}, stderr() {}, readStdin: async () => '', cwd: process.cwd(), env: {}, isTTY: false };
const argv = mode === 'lint' ? ['lint', file, '--format', 'json', '--no-config'] : ['diagram', file, '--format', mode, '--no-config'];
(async () => {
  const start = performance.now();
  const code = await runCli(argv, io);
  process.stdout.write(JSON.stringify({ ms: performance.now() - start, code }) + '\\n');
})();
`;

function sample(mode: 'lint' | 'mermaid' | 'svg', file: string): number {
  const out = execFileSync(process.execPath, ['-e', WORKER, mode, file], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const { ms, code } = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; code: number };
  if (code !== 0) throw new Error(`bench ${mode} on ${file} exited ${code}`);
  return ms;
}

const fmt = (x: number) => `${x.toFixed(2)}x`;

/** The diagram benchmarks, as rows of BENCHMARKS.md. */
export async function benchDiagram(): Promise<BenchRow[]> {
  // compiled here too, so that `npm run bench -- --only=diagram` measures the code of the work tree
  const tsc = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('tsc failed');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-udp-bench-diagram-'));
  const file = (n: number) => {
    const name = path.join(dir, `manifests-${n}.yaml`);
    if (!fs.existsSync(name)) fs.writeFileSync(name, manifests(n));
    return name;
  };
  try {
    const big = file(10000);
    sample('mermaid', big); // warm the file cache
    sample('lint', big);
    const drawn: number[] = [];
    const linted: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      drawn.push(sample('mermaid', big));
      linted.push(sample('lint', big));
    }
    const vsLint = median(drawn) / median(linted);
    const small = Array.from({ length: RUNS }, () => sample('mermaid', file(1000)));
    const growth = (median(drawn) / 10000) / (median(small) / 1000);
    const svg = Array.from({ length: Math.max(3, Math.ceil(RUNS / 2)) }, () => sample('svg', file(1000)));
    return [
      {
        group: 'Diagram',
        name: 'k8s-udp diagram (Mermaid) of 10,000 manifests vs k8s-udp lint of them: time',
        measured: fmt(vsLint),
        goal: '<= 1.3x',
        met: vsLint <= 1.3,
        note: `median of ${RUNS}: diagram ${median(drawn).toFixed(0)} ms, lint --format json ${median(linted).toFixed(0)} ms (the same reading and rules)`,
      },
      {
        group: 'Diagram',
        name: 'k8s-udp diagram (Mermaid) cost per object at 10,000 vs at 1,000 objects',
        measured: fmt(growth),
        goal: '<= 1.5x (linear)',
        met: growth <= 1.5,
        note: `1000: ${(median(small) / 1000 * 1000).toFixed(1)} µs/object, 10000: ${(median(drawn) / 10000 * 1000).toFixed(1)} µs/object`,
      },
      {
        group: 'Diagram',
        name: 'k8s-udp diagram --format svg of 1,000 manifests (500 Services): time',
        measured: `${(median(svg) / 1000).toFixed(1)} s`,
        goal: '<= 30 s',
        met: median(svg) <= 30000,
        note: 'Graphviz (WebAssembly) lays the graph out; its layout is not linear: for very large inputs use Mermaid or DOT',
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchDiagram().then((rows) => {
    for (const r of rows) console.log(`${r.group} | ${r.name} | ${r.measured} | ${r.goal} | ${r.met ? 'yes' : 'no'} | ${r.note ?? ''}`);
  }).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
