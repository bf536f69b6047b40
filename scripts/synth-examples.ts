/**
 * The main job: synthesize every example into dist/<example>/.
 *
 * - A cdk8s example (a folder with cdk8s.yaml) is synthesized with `cdk8s synth`, exactly as its user would.
 * - A Pulumi example (a folder with Pulumi.yaml and mock-preview.ts) runs under Pulumi's mocks, with no CLI and no
 *   AWS credentials, and writes the resources it would create to dist/<example>/resources.json.
 *
 * Usage: ts-node scripts/synth-examples.ts [example ...]
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const examplesDir = path.join(root, 'examples');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[], cwd: string): boolean {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: { ...process.env } });
  return result.status === 0;
}

const wanted = process.argv.slice(2);
const examples = fs.readdirSync(examplesDir)
  .filter((name) => fs.statSync(path.join(examplesDir, name)).isDirectory())
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

const failed: string[] = [];
for (const name of examples) {
  const dir = path.join(examplesDir, name);
  const outdir = path.join(root, 'dist', name);
  fs.rmSync(outdir, { recursive: true, force: true });
  let ok: boolean;
  if (fs.existsSync(path.join(dir, 'cdk8s.yaml'))) {
    console.log(`\n== ${name}: cdk8s synth -> dist/${name}/`);
    ok = run(bin('cdk8s'), ['synth', '--no-check-upgrade', '--output', outdir], dir);
  } else if (fs.existsSync(path.join(dir, 'Pulumi.yaml')) && fs.existsSync(path.join(dir, 'mock-preview.ts'))) {
    console.log(`\n== ${name}: Pulumi program under mocks -> dist/${name}/resources.json`);
    ok = run(bin('ts-node'), ['--project', path.join(root, 'tsconfig.dev.json'), path.join(dir, 'mock-preview.ts'), outdir], root);
  } else {
    console.log(`\n== ${name}: skipped (neither cdk8s.yaml nor Pulumi.yaml with mock-preview.ts)`);
    continue;
  }
  if (!ok) failed.push(name);
}

if (failed.length > 0) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
console.log(`\nSynthesized ${examples.length} example(s) into dist/.`);
