import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { App } from 'cdk8s';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { NlbUdpEks } from '../../examples/nlb-udp-eks/main';
import { Diagram, DiagramFormat, KubeObject } from '../../src';

const ROOT = path.resolve(__dirname, '..', '..');

/** Every text of an SVG document, entities decoded, in document order. */
function texts(svg: string): string[] {
  const parser = new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: true, preserveOrder: true });
  const out: string[] = [];
  const walk = (nodes: unknown[]) => {
    for (const node of nodes as Array<Record<string, unknown>>) {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && Array.isArray(value)) {
          out.push((value as Array<Record<string, unknown>>).map((v) => String(v['#text'] ?? '')).join(''));
        } else if (Array.isArray(value)) {
          walk(value);
        }
      }
    }
  };
  walk(parser.parse(svg) as unknown[]);
  return out;
}

describe('SVG, laid out offline by Graphviz as WebAssembly', () => {
  const diagram = Diagram.fromChart(new NlbUdpEks(new App(), 'nlb-udp-eks'));

  test('the flagship example is a well-formed SVG document holding every label of the Mermaid rendering', async () => {
    const svg = await diagram.toSvg();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toMatch(/<svg width="\d+pt" height="\d+pt"/);
    const shown = texts(svg);
    for (const label of [
      'client', 'resolve', 'DNS test.example.com', 'TTL 160', '1234/UDP', 'Service my-service', 'NLB internet-facing, ip targets',
      'subnet-0a1b2c3d4e5f60001: eipalloc-0a1b2c3d4e5f60001', 'cross-zone on', 'listener 1234/UDP', 'target group 1234/UDP',
      'container example', 'health sidecar udp-health', '10080/TCP (udp-health)', 'health check HTTP :10080 /healthz',
      'probes 1234/UDP (exchange)', 'readiness HTTP :10080 /healthz', 'kubelet', 'Deployment nlb-udp-eks-example-c82b0ef9, 3 replicas',
    ]) {
      expect(shown).toContain(label);
    }
  });

  test('health checks are dashed; the same graph gives the same SVG', async () => {
    const svg = await diagram.render(DiagramFormat.SVG);
    // three dashed paths: the NLB's check of the sidecar, the sidecar's probe, the kubelet's readiness probe
    expect(svg.match(/<path fill="none" stroke="black" stroke-dasharray="5,2"/g)).toHaveLength(3);
    expect(await diagram.toSvg()).toBe(svg);
  });

  test('an error is drawn in red in the SVG, its rule id among the texts', async () => {
    const objects: KubeObject[] = [{
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'game' },
      spec: { type: 'NodePort', ports: [{ port: 1234, protocol: 'UDP', nodePort: 80 }] },
    }];
    const drawn = Diagram.fromObjects(objects);
    const svg = await drawn.toSvg();
    expect(XMLValidator.validate(svg)).toBe(true);
    const edge = drawn.graph.edges.find((e) => e.marks.length > 0)!;
    expect(edge.label).toBe('node :80 1234/UDP');
    expect(edge.marks[0]).toMatchObject({ severity: 'error', field: 'nodePort' });
    expect(texts(svg)).toContain('node :80 1234/UDP');
    expect(texts(svg).some((t) => t.startsWith(`error ${edge.marks[0].ruleId} nodePort: `))).toBe(true);
    expect(svg).toContain('stroke="#d32f2f"');
  });
});

test('importing the library loads neither Graphviz nor any @pulumi module; the first SVG loads Graphviz', () => {
  const script = [
    `const lib = require(${JSON.stringify(path.join(ROOT, 'src', 'index.ts'))});`,
    'const loaded = () => Object.keys(require.cache).filter((f) => f.includes("node_modules/@viz-js/") || f.includes("node_modules/@pulumi/")).length;',
    'const before = loaded();',
    'lib.Diagram.fromObjects([]).toSvg().then(() => process.stdout.write(JSON.stringify([before, loaded()])));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json') },
    encoding: 'utf8',
  });
  expect(JSON.parse(out)).toEqual([0, 1]);
}, 60_000);
