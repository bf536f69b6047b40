/**
 * `npm run bench`: measures the library side by side with what users would use instead, as ratios of medians of
 * several runs in one run on one machine, prints a table and writes BENCHMARKS.md. Not part of `npm test`.
 *
 * Every measurement runs in a fresh Node.js process on the compiled library (lib/), so that neither a TypeScript
 * compiler nor an earlier measurement's heap is counted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BenchRow, median } from './report';

const root = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Sample { readonly ms: number; readonly maxRssKiB: number; readonly [key: string]: unknown }

function sample(worker: string, args: string[]): Sample {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'workers', worker), ...args], {
    cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!);
}

/** Alternates the two variants run by run, so that drift of the machine hits both alike. */
function compare(worker: string, ours: string[], theirs: string[], runs = RUNS): { ours: Sample[]; theirs: Sample[] } {
  const result = { ours: [] as Sample[], theirs: [] as Sample[] };
  sample(worker, ours); // warm the file cache
  sample(worker, theirs);
  for (let i = 0; i < runs; i++) {
    result.ours.push(sample(worker, ours));
    result.theirs.push(sample(worker, theirs));
  }
  return result;
}

const ratio = (a: Sample[], b: Sample[], key: 'ms' | 'maxRssKiB') => median(a.map((s) => s[key])) / median(b.map((s) => s[key]));
const fmt = (x: number) => `${x.toFixed(2)}x`;
const ms = (samples: Sample[]) => `${median(samples.map((s) => s.ms)).toFixed(0)} ms`;
const mib = (samples: Sample[]) => `${(median(samples.map((s) => s.maxRssKiB)) / 1024).toFixed(0)} MiB`;

/** Why synthesis takes longer than the alternative, for a time figure over its goal. */
const SYNTHESIS_OVER = '. Over the goal: the time is the rule run, which the alternative does not do. The rules run once per'
  + ' chart per synthesis (the later validation passes of cdk8s reuse their findings without rendering anything): they'
  + ' render the Service and the parts of each workload the rules read, then run the catalog over them, while the'
  + ' alternative only renders. What would fix it: rules over the manifests cdk8s renders anyway (one rendering instead'
  + ' of two), which needs cdk8s to expose them before it writes them.';

function synthesis(): BenchRow[] {
  const runs = compare('synth.js', ['udp', '1000'], ['plus', '1000']);
  const time = ratio(runs.ours, runs.theirs, 'ms');
  const memory = ratio(runs.ours, runs.theirs, 'maxRssKiB');
  const how = `median of ${RUNS}: UdpService ${ms(runs.ours)} / ${mib(runs.ours)}, cdk8s-plus ${ms(runs.theirs)} / ${mib(runs.theirs)}`;
  return [
    { group: 'Synthesis', name: '1,000 UdpService + Deployment vs cdk8s-plus Service + JSON patches: time', measured: fmt(time), goal: '<= 1.2x', met: time <= 1.2, note: how + (time <= 1.2 ? '' : SYNTHESIS_OVER) },
    { group: 'Synthesis', name: '1,000 UdpService + Deployment vs cdk8s-plus Service + JSON patches: peak memory', measured: fmt(memory), goal: '<= 1.2x', met: memory <= 1.2, note: how },
  ];
}

function nlbSynthesis(): BenchRow[] {
  sample('nlb.js', ['check', '3']); // throws unless both variants emit the same objects (names aside)
  const runs = compare('nlb.js', ['udp', '1000'], ['plus', '1000']);
  const time = ratio(runs.ours, runs.theirs, 'ms');
  const memory = ratio(runs.ours, runs.theirs, 'maxRssKiB');
  const how = `median of ${RUNS}: NlbUdpLoadBalancer ${ms(runs.ours)} / ${mib(runs.ours)}, cdk8s-plus ${ms(runs.theirs)} / ${mib(runs.theirs)}`
    + ' (the same objects, checked)';
  const what = '1,000 NlbUdpLoadBalancer + Deployment with the health sidecar vs cdk8s-plus Service + ConfigMap + JSON patches';
  return [
    { group: 'Synthesis', name: `${what}: time`, measured: fmt(time), goal: '<= 1.2x', met: time <= 1.2, note: how + (time <= 1.2 ? '' : SYNTHESIS_OVER) },
    { group: 'Synthesis', name: `${what}: peak memory`, measured: fmt(memory), goal: '<= 1.2x', met: memory <= 1.2, note: how },
  ];
}

function growth(): BenchRow[] {
  const sizes = [100, 1000, 10000];
  const perObject = sizes.map((n) => {
    const samples = Array.from({ length: Math.max(3, Math.ceil(RUNS / 2)) }, () => sample('synth.js', ['udp', String(n)]));
    return median(samples.map((s) => s.ms)) / n;
  });
  const growthRatio = perObject[2] / perObject[1];
  return [{
    group: 'Growth',
    name: 'UdpService synthesis cost per service at 10,000 vs at 1,000',
    measured: fmt(growthRatio),
    goal: '<= 1.5x (linear)',
    met: growthRatio <= 1.5,
    note: sizes.map((n, i) => `${n}: ${perObject[i].toFixed(3)} ms/service`).join(', '),
  }];
}

/** Why the import takes longer than cdk8s-plus alone, for a figure over its goal. */
const IMPORT_OVER = '. Over the goal: the library is about 100 CommonJS modules (model, rules, constructs, sidecar script,'
  + ' CRD bindings), each read, wrapped and compiled by Node.js at about 0.2 ms; their top-level code is small (no'
  + ' collator, no inline source maps since this session). What would fix it: one bundled file for the entry point'
  + ' (esbuild, with cdk8s, cdk8s-plus-28 and constructs external), or loading the sidecar and DNS parts on first use.';

function importCost(): BenchRow[] {
  const runs = compare('import.js', ['./lib/index.js'], ['cdk8s-plus-28'], Math.max(RUNS, 7));
  const time = ratio(runs.ours, runs.theirs, 'ms');
  const pulumi = runs.ours.some((s) => s.pulumi);
  return [
    {
      group: 'Import',
      name: "require('k8s-udp-constructs') vs require('cdk8s-plus-28') alone: time",
      measured: fmt(time),
      goal: '<= 1.1x',
      met: time <= 1.1,
      note: `median of ${Math.max(RUNS, 7)}: ${ms(runs.ours)} vs ${ms(runs.theirs)}` + (time <= 1.1 ? '' : IMPORT_OVER),
    },
    {
      group: 'Import',
      name: "require('k8s-udp-constructs') loads no @pulumi module",
      measured: pulumi ? 'loaded' : 'none loaded',
      goal: 'none loaded',
      met: !pulumi,
    },
  ];
}

async function optional(file: string, exported: string): Promise<BenchRow[]> {
  const module = path.join(__dirname, file);
  if (!fs.existsSync(`${module}.ts`)) return [];
  const loaded = await import(module) as Record<string, (() => Promise<BenchRow[]>) | undefined>;
  const bench = loaded[exported];
  return bench ? bench() : [];
}

function table(rows: BenchRow[]): string {
  const lines = ['| Group | Measurement | Measured | Goal | Met | How / note |', '|---|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.group} | ${r.name} | ${r.measured} | ${r.goal} | ${r.met ? 'yes' : '**no**'} | ${r.note ?? ''} |`);
  return lines.join('\n');
}

/** The groups `--only=<name>` measures alone: bench file, exported function, group name in the table. */
const ONLY: Record<string, readonly [string, string, string]> = {
  sidecar: ['sidecar', 'benchSidecar', 'Sidecar'],
  diagram: ['diagram', 'benchDiagram', 'Diagram'],
  pulumi: ['pulumi', 'benchPulumi', 'Pulumi'],
  lint: ['lint', 'benchLint', 'Lint'],
};

/** `--only=synthesis`: the constructs' own groups (synthesis, growth, import), measured by this file. */
const CORE_GROUPS = ['Synthesis', 'Growth', 'Import'] as const;

/**
 * `--only=sidecar` (or `--only=diagram`): measures that group alone and replaces only its rows in BENCHMARKS.md, with
 * a line saying when they were measured; the other rows and their date stay as they are.
 */
async function groupOnly(only: string): Promise<void> {
  const [bench, exported, named] = ONLY[only] ?? [];
  if (!bench && only !== 'synthesis') throw new Error(`--only=${only}: not one of synthesis, ${Object.keys(ONLY).join(', ')}`);
  const groups: readonly string[] = bench ? [named] : CORE_GROUPS;
  const group = groups.join(', ');
  const file = path.join(root, 'BENCHMARKS.md');
  const loadBefore = os.loadavg()[0];
  if (!bench) compileLib();
  const rows = bench ? await optional(bench, exported) : [...synthesis(), ...nlbSynthesis(), ...growth(), ...importCost()];
  const loadAfter = os.loadavg()[0];
  const kept: string[] = [];
  let at = -1;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith(`The ${group} rows were measured `)) continue;
    if (groups.some((g) => line.startsWith(`| ${g} |`))) {
      if (at < 0) at = kept.length;
      continue;
    }
    kept.push(line);
  }
  if (at < 0) at = kept.map((line) => line.startsWith('|')).lastIndexOf(true) + 1;
  const newRows = table(rows).split('\n').slice(2);
  kept.splice(at, 0, ...newRows);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const measuredLine = kept.findIndex((line) => line.startsWith('Measured '));
  kept.splice(measuredLine + 1, 0, `The ${group} rows were measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} x ${cpu}, `
    + `Node.js ${process.version}, by \`npm run bench -- --only=${only}\`, with a load average of ${loadBefore.toFixed(1)} at the `
    + `start and ${loadAfter.toFixed(1)} at the end${Math.max(loadBefore, loadAfter) > os.cpus().length / 2
      ? ' (other programs were running: latencies are higher than on an idle machine)' : ''}.`);
  console.log(newRows.join('\n'));
  fs.writeFileSync(file, kept.join('\n'));
  console.log(`wrote the ${group} rows of BENCHMARKS.md`);
}

/** Compiles the library into lib/, which the measured processes load. */
function compileLib(): void {
  console.log('compiling lib/ ...');
  const compile = spawnSync(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (compile.status !== 0) throw new Error('tsc failed');
}

async function main(): Promise<void> {
  const only = process.argv.find((arg) => arg.startsWith('--only='));
  if (only) return groupOnly(only.slice('--only='.length));
  compileLib();
  const rows: BenchRow[] = [];
  for (const [name, run] of [['synthesis', synthesis], ['NLB synthesis', nlbSynthesis], ['growth', growth], ['import', importCost]] as const) {
    console.log(`measuring ${name} ...`);
    rows.push(...run());
  }
  rows.push(...await optional('sidecar', 'benchSidecar'));
  rows.push(...await optional('pulumi', 'benchPulumi'));
  rows.push(...await optional('lint', 'benchLint'));
  rows.push(...await optional('diagram', 'benchDiagram'));
  const text = table(rows);
  console.log(text);
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (not part of `npm test`). Each figure is a ratio of medians of several runs of the',
    'library and of the alternative a user would write instead, measured in one run on one machine, each run in a',
    'fresh Node.js process on the compiled library; memory is the process\'s peak resident set size.',
    'A figure over its goal is explained in its note and on the issue.',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} x ${cpu}, Node.js ${process.version}, ${RUNS} runs per figure.`,
    '',
    text,
    '',
  ].join('\n'));
  console.log('wrote BENCHMARKS.md');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
