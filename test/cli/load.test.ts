import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fieldSegments, loadInputs, manifestFiles, parseManifests } from '../../src/cli/load';

describe('fieldSegments: the paths findings name', () => {
  test('keys, indexes and quoted annotation keys', () => {
    expect(fieldSegments('spec.ports[0].nodePort')).toEqual({ segments: ['spec', 'ports', 0, 'nodePort'], key: false });
    expect(fieldSegments('metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-eip-allocations"][1]')).toEqual({
      segments: ['metadata', 'annotations', 'service.beta.kubernetes.io/aws-load-balancer-eip-allocations', 1], key: false,
    });
    expect(fieldSegments('metadata.labels key')).toEqual({ segments: ['metadata', 'labels'], key: true });
    expect(fieldSegments('metadata.labels["a\\"b"]')).toEqual({ segments: ['metadata', 'labels', 'a"b'], key: false });
  });

  test('whatever cannot be read ends the path', () => {
    expect(fieldSegments('spec.ports[x].port')).toEqual({ segments: ['spec', 'ports'], key: false });
    expect(fieldSegments('')).toEqual({ segments: [], key: false });
  });
});

describe('parseManifests', () => {
  const text = [
    '# Source: chart/templates/a.yaml', // 1
    'apiVersion: v1', // 2
    'kind: Service', // 3
    'metadata:', // 4
    '  name: a', // 5
    '  annotations:', // 6
    '    k8s-udp-constructs.io/disable-rules: UDP205', // 7
    '  labels:', // 8
    '    "bad key!": x', // 9
    'spec:', // 10
    '  ports:', // 11
    '    - port: 53', // 12
    '      nodePort: 30053', // 13
    '---', // 14
    '# only a comment', // 15
    '---', // 16
    'replicaCount: 3', // 17
    '---', // 18
    '- a', // 19
    '---', // 20
    'apiVersion: v1', // 21
    'kind: ConfigMapList', // 22
    'items:', // 23
    '  - apiVersion: v1', // 24
    '    kind: ConfigMap', // 25
    '    metadata: {name: one}', // 26
    '  - 7', // 27
    '  - apiVersion: v1', // 28
    '    kind: ConfigMap', // 29
    '    metadata: {name: two}', // 30
  ].join('\n');

  test('objects with their lines; comments-only documents are skipped; kind-less and non-mapping documents and List items are reported; Lists unfold', () => {
    const { objects, problems } = parseManifests(text, 'x.yaml');
    expect(problems).toEqual([
      { file: 'x.yaml', position: { line: 17, column: 1 }, message: 'is not a Kubernetes object: it has no apiVersion and no kind' },
      { file: 'x.yaml', position: { line: 19, column: 1 }, message: 'is not a Kubernetes object: the document is a list' },
      { file: 'x.yaml', position: { line: 27, column: 5 }, message: 'items[1] of the ConfigMapList is not a Kubernetes object: it is a number' },
    ]);
    expect(objects.map((o) => [o.object.kind, (o.object.metadata as { name: string }).name, o.position])).toEqual([
      ['Service', 'a', { line: 2, column: 1 }],
      ['ConfigMap', 'one', { line: 24, column: 5 }],
      ['ConfigMap', 'two', { line: 28, column: 5 }],
    ]);
  });

  test('fields are located at their value; a missing field at its deepest ancestor; a key at the key', () => {
    const [service] = parseManifests(text, 'x.yaml').objects;
    expect(service.locate('spec.ports[0].nodePort')).toEqual({ line: 13, column: 17 });
    expect(service.locate('metadata.annotations["k8s-udp-constructs.io/disable-rules"]')).toEqual({ line: 7, column: 42 });
    expect(service.locate('metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-scheme"]')).toEqual({ line: 7, column: 5 });
    expect(service.locate('spec.ports[3].port')).toEqual({ line: 12, column: 5 });
    expect(service.locate('metadata.labels key', 'bad key!')).toEqual({ line: 9, column: 5 });
    expect(service.locate('healthCheck.interval')).toEqual({ line: 2, column: 1 });
  });

  test('a document that does not parse is named with its line; the others are still read', () => {
    const broken = 'apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\nkind: Service\nmetadata:\n  name: [b\n---\napiVersion: v1\nkind: Service\nmetadata: {name: c}\n';
    const { objects, problems } = parseManifests(broken, 'b.yaml');
    expect(objects.map((o) => (o.object.metadata as { name: string }).name)).toEqual(['a', 'c']);
    expect(problems).toEqual([{
      file: 'b.yaml',
      position: { line: 8, column: 1 },
      message: 'YAML does not parse (document from line 4): Flow sequence in block collection must be sufficiently indented and end with a ]',
    }]);
  });

  test('duplicate keys do not parse (kubectl refuses them too)', () => {
    const { problems } = parseManifests('apiVersion: v1\nkind: Service\nkind: Pod\n', 'd.yaml');
    expect(problems).toEqual([{ file: 'd.yaml', position: { line: 3, column: 1 }, message: 'YAML does not parse (document from line 1): Map keys must be unique' }]);
  });

  test('JSON is read by the same parser, with positions', () => {
    const { objects } = parseManifests('{\n  "apiVersion": "v1",\n  "kind": "Service",\n  "spec": {"ports": [{"port": 0}]}\n}\n', 'j.json');
    expect(objects[0].position).toEqual({ line: 1, column: 1 });
    expect(objects[0].locate('spec.ports[0].port')).toEqual({ line: 4, column: 31 });
  });

  test('an empty file has no objects and no problems (the command line says that nothing was linted)', () => {
    expect(parseManifests('', 'e.yaml')).toEqual({ objects: [], problems: [] });
  });

  test('a binary file is not a text file; a scalar document is not an object', () => {
    expect(parseManifests('\u0000\u0001binary', 'b.bin').problems).toEqual([{ file: 'b.bin', message: 'is not a text file (it holds NUL bytes)' }]);
    expect(parseManifests('7\n', 'n.yaml').problems).toEqual([
      { file: 'n.yaml', position: { line: 1, column: 1 }, message: 'is not a Kubernetes object: the document is a number' },
    ]);
  });

  test('a directory skips the files of kustomize and Helm that are no manifests (kustomization.yaml, Chart.yaml, values*.yaml)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-udp-not-manifests-'));
    for (const name of ['kustomization.yaml', 'Chart.yaml', 'values.yaml', 'values.prod.yaml', 'service.yaml']) {
      fs.writeFileSync(path.join(dir, name), 'a: 1\n');
    }
    expect(manifestFiles(dir).map((f) => path.basename(f))).toEqual(['service.yaml']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('loadInputs', () => {
  test('directories are walked for .yaml, .yml and .json, sorted, skipping node_modules; a missing file is a problem', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-udp-load-'));
    fs.mkdirSync(path.join(dir, 'b'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    const svc = (name: string) => `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\n`;
    fs.writeFileSync(path.join(dir, 'b', 'z.yml'), svc('z'));
    fs.writeFileSync(path.join(dir, 'a.yaml'), svc('a'));
    fs.writeFileSync(path.join(dir, 'c.json'), JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'c' } }));
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not yaml: [');
    fs.writeFileSync(path.join(dir, 'node_modules', 'x.yaml'), svc('x'));
    expect(manifestFiles(dir).map((f) => path.relative(dir, f))).toEqual(['a.yaml', path.join('b', 'z.yml'), 'c.json']);
    const result = await loadInputs(['.', 'missing.yaml', '-'], {
      cwd: dir, readStdin: async () => svc('s'), stdinName: 'stdin.yaml',
    });
    expect(result.files).toEqual(['a.yaml', path.join('b', 'z.yml'), 'c.json', 'stdin.yaml']);
    expect(result.objects.map((o) => `${o.file}:${(o.object.metadata as { name: string }).name}`))
      .toEqual(['a.yaml:a', `${path.join('b', 'z.yml')}:z`, 'c.json:c', 'stdin.yaml:s']);
    expect(result.problems).toEqual([{ file: 'missing.yaml', message: 'cannot be read: no such file or directory' }]);
  });

  test('a directory with no manifest is a problem (a wrong path in CI should not pass)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-udp-empty-'));
    fs.mkdirSync(path.join(dir, 'charts'));
    fs.writeFileSync(path.join(dir, 'charts', 'README.md'), '# nothing');
    const result = await loadInputs(['charts'], { cwd: dir, readStdin: async () => '', stdinName: 'stdin' });
    expect(result).toEqual({ objects: [], files: [], problems: [{ file: 'charts', message: 'has no .yaml, .yml, .json file below it' }] });
  });
});
