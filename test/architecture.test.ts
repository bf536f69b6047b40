import * as fs from 'node:fs';
import * as path from 'node:path';

const SRC = path.join(__dirname, '..', 'src');

/** The folders of src/ and the folders each may import from (the layers of the README's Architecture). */
const ALLOWED: Record<string, string[]> = {
  kube: ['kube'],
  model: ['model', 'rules'],
  rules: ['model', 'rules'],
  workloads: ['model', 'rules', 'workloads'],
  validation: ['model', 'rules', 'validation'],
  sidecar: ['kube', 'model', 'rules', 'validation', 'workloads', 'sidecar'],
  imports: ['imports'],
  k8s: ['kube', 'model', 'rules', 'validation', 'workloads', 'sidecar', 'imports', 'k8s'],
  aws: ['model', 'rules', 'aws'],
  diagram: ['model', 'rules', 'diagram'],
  // cli/preview loads aws/ (and so @pulumi) on demand, for `k8s-udp preview` only
  cli: ['model', 'rules', 'aws', 'diagram', 'cli'],
};

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
