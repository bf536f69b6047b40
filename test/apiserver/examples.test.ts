/**
 * Every object every cdk8s example synthesizes (examples/<name>/main.ts) is created for real on the API server of the
 * run (kube-apiserver v1.28.7, CRDs installed), each example in a fresh namespace, then deleted.
 *
 * An example is a folder with cdk8s.yaml: new ones are picked up by themselves. Its main.ts exports its Chart
 * classes; each is built as the file's own main block builds it, `new Chart(app, '<folder name>')`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApiObject, Chart, Testing } from 'cdk8s';
import { Cluster, SourcedObject } from './cluster';
import { ROOT } from './server';
import { UdpRules } from '../../src';

UdpRules.onWarning(() => undefined);
jest.setTimeout(120_000);

const EXAMPLES_DIR = path.join(ROOT, 'examples');
const EXAMPLES = fs.readdirSync(EXAMPLES_DIR)
  .filter((name) => fs.existsSync(path.join(EXAMPLES_DIR, name, 'cdk8s.yaml')))
  .sort();

const key = (o: any) => `${o.apiVersion} ${o.kind} ${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;

/** Whether `value` is a subclass of Chart (`instanceof` is not used: cdk8s defines its own `Symbol.hasInstance`). */
function isChartClass(value: unknown): value is new (scope: any, id: string) => Chart {
  for (let p = typeof value === 'function' ? Object.getPrototypeOf(value) : null; p; p = Object.getPrototypeOf(p)) {
    if (p === Chart) return true;
  }
  return false;
}

/** The objects of every Chart class that examples/<name>/main.ts exports, each with its file and construct path. */
function synthesize(name: string): SourcedObject[] {
  const file = path.join('examples', name, 'main.ts');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported: Record<string, unknown> = require(path.join(ROOT, file));
  const charts = Object.values(exported).filter(isChartClass);
  if (charts.length === 0) throw new Error(`${file} exports no Chart class`);
  return charts.flatMap((ChartClass) => {
    const chart = new ChartClass(Testing.app(), name);
    const paths = new Map(chart.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject)
      .map((o) => [key(o.toJson()), o.node.path]));
    return Testing.synth(chart).map((object) => ({ object, source: `${file} ${paths.get(key(object)) ?? ''}`.trimEnd() }));
  });
}

let cluster: Cluster;
beforeAll(() => {
  cluster = Cluster.connect();
});

test('every cdk8s example is here', () => {
  expect(EXAMPLES).toEqual(expect.arrayContaining(['dns-clusterip', 'dns-nodeport', 'kerberos-srv', 'nlb-udp-eks']));
});

describe.each(EXAMPLES)('example %s', (name) => {
  test('the API server creates every object it synthesizes', async () => {
    const objects = synthesize(name);
    expect(objects.length).toBeGreaterThan(0);
    const { created, refused } = await cluster.createAndDelete(objects, `example-${name}`);
    expect(refused).toEqual([]);
    const namespace = created[0].metadata.namespace;
    expect(created.map(key)).toEqual(objects.map(({ object }) => key({ ...object, metadata: { ...object.metadata, namespace } })));
    // the nodePorts an example asks for are the ones the server allocated
    const nodePorts = (list: any[]) => list.filter((o) => o.kind === 'Service')
      .flatMap((s) => s.spec.ports.filter((p: any) => p.nodePort !== undefined).map((p: any) => `${s.metadata.name} ${p.port}/${p.protocol} ${p.nodePort}`));
    expect(nodePorts(created)).toEqual(expect.arrayContaining(nodePorts(objects.map((o) => o.object))));
  });
});
