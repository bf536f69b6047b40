/**
 * Fails when a generated file is not what its generator writes: projen's files (from .projenrc.ts), API.md (from the
 * TSDoc), docs/rules.md (from the rule catalog), the diagrams of the examples (docs/diagrams, README.md) and the
 * `cdk8s import` bindings. Every generator runs in place, so a developer who sees this failure has the regenerated
 * files in the work tree, ready to commit; CI, on a clean clone, fails.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
const tsNode = [bin('ts-node'), '--project', path.join(root, 'tsconfig.dev.json')];

interface Generator {
  readonly name: string;
  readonly command: string[];
  /** The files it writes, relative to the root. */
  files(): string[];
}

function projenFiles(): string[] {
  const list = JSON.parse(fs.readFileSync(path.join(root, '.projen', 'files.json'), 'utf8')).files as string[];
  return [...list, 'package.json'];
}

function filesUnder(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(path.join(root, f)).isFile());
}

const generators: Generator[] = [
  { name: 'projen', command: [bin('projen')], files: projenFiles },
  { name: 'docgen', command: [...tsNode, path.join(root, 'scripts', 'docgen.ts')], files: () => ['API.md', path.join('docs', 'rules.md')] },
];
generators.push({
  name: 'diagrams',
  command: [...tsNode, path.join(root, 'scripts', 'diagrams.ts')],
  files: () => [...filesUnder(path.join('docs', 'diagrams')), 'README.md'],
});
if (fs.existsSync(path.join(root, 'scripts', 'import-crds.ts'))) {
  generators.push({
    name: 'cdk8s import',
    command: [...tsNode, path.join(root, 'scripts', 'import-crds.ts')],
    files: () => filesUnder(path.join('src', 'imports')),
  });
}

function digest(files: string[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const file of files) {
    const abs = path.join(root, file);
    result.set(file, fs.existsSync(abs) ? createHash('sha256').update(fs.readFileSync(abs)).digest('hex') : 'missing');
  }
  return result;
}

const stale: string[] = [];
for (const generator of generators) {
  const before = digest(generator.files());
  const result = spawnSync(generator.command[0], generator.command.slice(1), {
    cwd: root,
    encoding: 'utf8',
    // projen must not run `npm install` here: the check only compares files
    env: { ...process.env, PROJEN_DISABLE_POST: 'true' },
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    console.error(`check:generated: the ${generator.name} generator failed`);
    process.exit(1);
  }
  const after = digest([...new Set([...before.keys(), ...generator.files()])]);
  for (const [file, hash] of after) {
    if (before.get(file) !== hash) stale.push(`${file} (${generator.name})`);
  }
}

if (stale.length > 0) {
  console.error('check:generated: these generated files were stale and have now been regenerated; commit them:');
  for (const file of stale) console.error(`  - ${file}`);
  process.exit(1);
}
console.log(`check:generated: ${generators.map((g) => g.name).join(', ')} are up to date`);
