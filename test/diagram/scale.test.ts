import { checkObjects, KubeObject, OBJECT_RULES } from '../../src';
import { buildDiagram } from '../../src/diagram/build';
import { renderDot } from '../../src/diagram/dot';
import { renderMermaid } from '../../src/diagram/mermaid';

/** `n` UDP Services behind NLBs, each selecting its own Deployment, in namespaces of 100. */
function manifests(n: number): KubeObject[] {
  const objects: KubeObject[] = [];
  for (let i = 0; i < n; i++) {
    const namespace = `team-${Math.floor(i / 100)}`;
    const labels = { app: `app-${i}` };
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: `svc-${i}`,
        namespace,
        annotations: {
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
          'external-dns.kubernetes.io/hostname': `svc-${i}.example.com`,
        },
      },
      spec: { type: 'LoadBalancer', selector: labels, ports: [{ name: 'udp', port: 5000, protocol: 'UDP', targetPort: 5000 }] },
    });
    objects.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `app-${i}`, namespace },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [{
              name: 'server',
              image: 'example/udp:1',
              ports: [{ containerPort: 5000, protocol: 'UDP' }],
              readinessProbe: { exec: { command: ['true'] } },
            }],
          },
        },
      },
    });
  }
  return objects;
}

function build(n: number) {
  const objects = manifests(n);
  const stats = { steps: 0 };
  const built = buildDiagram(objects, checkObjects(objects, OBJECT_RULES), stats);
  return { ...built, steps: stats.steps };
}

test('1,000 Services: every hop and path drawn, each finding on its hop', () => {
  const { graph, unplaced } = build(1000);
  // client and kubelet; per Service: itself, its DNS name, its target group, its container
  expect(graph.nodes).toHaveLength(2 + 4 * 1000);
  expect(graph.groups).toHaveLength(1000);
  // per Service: resolve, name to Service, listener, target group to pod, health check, kubelet's probe
  expect(graph.edges).toHaveLength(6 * 1000);
  expect(unplaced).toEqual([]);
  const marks = [...graph.nodes, ...graph.edges, ...graph.groups].flatMap((x) => x.marks.map((m) => m.ruleId));
  expect(marks.length % 1000).toBe(0);
  expect(marks.length).toBeGreaterThan(0);
  const mermaid = renderMermaid(graph).split('\n');
  const dot = renderDot(graph).split('\n');
  expect(mermaid.filter((l) => l.includes('-->') || l.includes('-.->'))).toHaveLength(6000);
  expect(dot.filter((l) => l.includes(' -> '))).toHaveLength(6000);
});

test('the work of drawing grows linearly: twice the Services, exactly twice the steps', () => {
  const s500 = build(500).steps;
  const s1000 = build(1000).steps;
  const s2000 = build(2000).steps;
  expect(s500).toBeGreaterThan(0);
  expect(s1000).toBe(2 * s500);
  expect(s2000).toBe(2 * s1000);
});
