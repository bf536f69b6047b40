/**
 * The Graphviz DOT rendering of a diagram, which the SVG renderer lays out. The same graph as the Mermaid rendering:
 * traffic solid, health checks dashed, findings colored by severity with their rule id.
 */
import { DiagramGraph, DiagramMark, DiagramNode, HopKind, MARK_COLORS, markLine, nodesByGroup, PathKind, worstSeverity } from './graph';

/** A DOT double-quoted string. */
function quoted(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

/** A multi-line label: lines joined by DOT's centered line break. */
function label(lines: readonly string[], marks: readonly DiagramMark[]): string {
  return `"${[...lines, ...marks.map(markLine)].map((l) => quoted(l).slice(1, -1)).join('\\n')}"`;
}

const SHAPES: Record<HopKind, string> = {
  [HopKind.CLIENT]: 'shape=oval',
  [HopKind.DNS]: 'shape=parallelogram',
  [HopKind.SERVICE]: 'shape=box',
  [HopKind.TARGET_GROUP]: 'shape=box, peripheries=2',
  [HopKind.GATEWAY]: 'shape=hexagon',
  [HopKind.ROUTE]: 'shape=box',
  [HopKind.NODES]: 'shape=box, style=rounded',
  [HopKind.CONTAINER]: 'shape=box',
  [HopKind.SIDECAR]: 'shape=box, style=rounded',
  [HopKind.KUBELET]: 'shape=oval',
  [HopKind.MISSING]: 'shape=box, style="rounded,dashed"',
};

function colorOf(marks: readonly DiagramMark[]): string {
  const worst = worstSeverity(marks);
  return worst ? `, color=${quoted(MARK_COLORS[worst])}, fontcolor=${quoted(MARK_COLORS[worst])}, penwidth=2` : '';
}

function nodeLine(node: DiagramNode): string {
  return `${node.id} [label=${label(node.lines, node.marks)}, ${SHAPES[node.kind]}${colorOf(node.marks)}];`;
}

/** Renders the graph as a DOT digraph, left to right. */
export function renderDot(graph: DiagramGraph): string {
  const out: string[] = [
    'digraph k8s_udp {',
    '  rankdir=LR;',
    '  graph [fontname="Helvetica", fontsize=11];',
    '  node [fontname="Helvetica", fontsize=11, margin="0.25,0.06"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  const { loose, members: grouped } = nodesByGroup(graph);
  for (const node of loose) out.push(`  ${nodeLine(node)}`);
  for (const group of graph.groups) {
    out.push(`  subgraph cluster_${group.id} {`);
    out.push(`    label=${label([group.label], group.marks)};`);
    out.push('    style=rounded;');
    const worst = worstSeverity(group.marks);
    if (worst) out.push(`    color=${quoted(MARK_COLORS[worst])}; fontcolor=${quoted(MARK_COLORS[worst])}; penwidth=2;`);
    for (const node of grouped.get(group.id) ?? []) out.push(`    ${nodeLine(node)}`);
    out.push('  }');
  }
  for (const edge of graph.edges) {
    const style = edge.path === PathKind.HEALTH ? ', style=dashed' : '';
    out.push(`  ${edge.from} -> ${edge.to} [label=${label([edge.label], edge.marks)}${style}${colorOf(edge.marks)}];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
