import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');

/**
 * The folders of src/, bottom to top, and the folders below each that it may import (docs/architecture.md). A folder
 * imports only folders listed before it, so no two folders import each other.
 */
const LAYERS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['core', []],
  // typed bindings of the objects the constructs emit (cdk8s import of CRDs; Service and ConfigMap of our own)
  ['imports', []],
  ['kube', []],
  ['model', ['core']],
  ['rules', ['core', 'model']],
  ['workloads', ['core', 'model', 'rules']],
  ['validation', ['core', 'model', 'rules', 'workloads']],
  ['sidecar', ['core', 'kube', 'model', 'rules', 'workloads', 'validation']],
  ['k8s', ['core', 'imports', 'kube', 'model', 'rules', 'workloads', 'validation', 'sidecar']],
  ['gateway', ['core', 'imports', 'kube', 'model', 'rules', 'workloads', 'validation', 'sidecar', 'k8s']],
  ['aws', ['core', 'model', 'rules']],
  // pictures of Services, NLBs, DNS and Gateways, from plain objects and the rules' findings
  ['diagram', ['core', 'model', 'rules']],
  // cli/preview loads aws/ (and so @pulumi) on demand, for `k8s-udp preview` only
  ['cli', ['core', 'model', 'rules', 'aws', 'diagram']],
];
const ALLOWED: Record<string, string[]> = Object.fromEntries(LAYERS.map(([layer, below]) => [layer, [layer, ...below]]));

test('the layers are a strict order: each folder imports only folders listed before it', () => {
  LAYERS.forEach(([layer, below], index) => {
    const earlier = LAYERS.slice(0, index).map(([name]) => name);
    expect({ layer, later: below.filter((name) => !earlier.includes(name)) }).toEqual({ layer, later: [] });
  });
});

test('every folder of src/ has its place in the layers', () => {
  const folders = fs.readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
  expect(folders.filter((folder) => !(folder in ALLOWED))).toEqual([]);
});

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)].map((m) => m[1]);
}

test('each layer imports only the layers below it', () => {
  const violations: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const layer = path.relative(SRC, file).split(path.sep)[0];
    const allowed = ALLOWED[layer];
    if (!allowed) continue; // top-level entry points
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = path.relative(SRC, path.resolve(path.dirname(file), spec)).split(path.sep)[0];
      if (!allowed.includes(target)) violations.push(`${path.relative(SRC, file)} imports ${spec}`);
    }
  }
  expect(violations).toEqual([]);
});

test('the cdk8s side and the linter never import @pulumi; only aws/ and the pulumi entry point do', () => {
  const offenders = sourceFiles(SRC)
    .filter((file) => imports(file).some((spec) => spec.startsWith('@pulumi/')))
    .map((file) => path.relative(SRC, file))
    .filter((file) => !file.startsWith(`aws${path.sep}`) && file !== 'pulumi.ts');
  expect(offenders).toEqual([]);
});

test('no file outside src/workloads names a cdk8s-plus package (the one adapter reads every major by shape)', () => {
  const offenders = sourceFiles(SRC)
    .filter((file) => /['"]cdk8s-plus-\d+['"]/.test(fs.readFileSync(file, 'utf8')))
    .map((file) => path.relative(SRC, file));
  expect(offenders).toEqual([]);
});

test('deep imports of @pulumi/aws only, never the root module', () => {
  const root = sourceFiles(SRC).filter((file) => imports(file).includes('@pulumi/aws'));
  expect(root.map((file) => path.relative(SRC, file))).toEqual([]);
});
