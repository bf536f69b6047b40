/**
 * The Mermaid rendering of a diagram: a `flowchart LR` that GitHub and most Markdown viewers draw. Traffic is drawn
 * solid, health checks dashed; hops and paths with findings carry the rule id and are colored by severity.
 */
import { DiagramGraph, DiagramMark, DiagramNode, HopKind, MARK_COLORS, markLine, nodesByGroup, PathKind, worstSeverity } from './graph';
import { Severity } from '../core/finding';

/** Text inside a quoted Mermaid label: its entity codes for the characters the parser would read otherwise. */
function text(value: string): string {
  return value.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

function label(lines: readonly string[], marks: readonly DiagramMark[]): string {
  return [...lines, ...marks.map(markLine)].map(text).join('<br/>');
}

const SHAPES: Record<HopKind, readonly [string, string]> = {
  [HopKind.CLIENT]: ['([', '])'],
  [HopKind.DNS]: ['[/', '/]'],
  [HopKind.SERVICE]: ['[', ']'],
  [HopKind.TARGET_GROUP]: ['[[', ']]'],
  [HopKind.GATEWAY]: ['{{', '}}'],
  [HopKind.ROUTE]: ['[', ']'],
  [HopKind.NODES]: ['(', ')'],
  [HopKind.CONTAINER]: ['[', ']'],
  [HopKind.SIDECAR]: ['(', ')'],
  [HopKind.KUBELET]: ['([', '])'],
  [HopKind.MISSING]: ['(', ')'],
};

function nodeLine(node: DiagramNode): string {
  const [open, close] = SHAPES[node.kind];
  return `${node.id}${open}"${label(node.lines, node.marks)}"${close}`;
}

/** Renders the graph as a Mermaid flowchart (no trailing fence: the caller puts it in a file or a Markdown block). */
export function renderMermaid(graph: DiagramGraph): string {
  const out: string[] = ['flowchart LR'];
  const { loose, members: grouped } = nodesByGroup(graph);
  for (const node of loose) out.push(`  ${nodeLine(node)}`);
  for (const group of graph.groups) {
    out.push(`  subgraph ${group.id}["${label([group.label], group.marks)}"]`);
    for (const node of grouped.get(group.id) ?? []) out.push(`    ${nodeLine(node)}`);
    out.push('  end');
  }
  const linkStyles: Record<Severity.ERROR | Severity.WARNING, number[]> = { [Severity.ERROR]: [], [Severity.WARNING]: [] };
  graph.edges.forEach((edge, i) => {
    const arrow = edge.path === PathKind.HEALTH ? '-.->' : '-->';
    out.push(`  ${edge.from} ${arrow}|"${label([edge.label], edge.marks)}"| ${edge.to}`);
    const worst = worstSeverity(edge.marks);
    if (worst) linkStyles[worst].push(i);
  });
  out.push('  classDef missing stroke-dasharray:4 3');
  for (const severity of [Severity.ERROR, Severity.WARNING] as const) {
    const color = MARK_COLORS[severity];
    out.push(`  classDef ${severity} stroke:${color},stroke-width:2px,color:${color}`);
  }
  const missing = graph.nodes.filter((n) => n.kind === HopKind.MISSING).map((n) => n.id);
  if (missing.length > 0) out.push(`  class ${missing.join(',')} missing`);
  for (const severity of [Severity.ERROR, Severity.WARNING] as const) {
    const ids = graph.nodes.filter((n) => worstSeverity(n.marks) === severity).map((n) => n.id);
    if (ids.length > 0) out.push(`  class ${ids.join(',')} ${severity}`);
    // a subgraph takes `style`, not a class, in every Mermaid version that GitHub has shipped
    for (const group of graph.groups) {
      if (worstSeverity(group.marks) === severity) out.push(`  style ${group.id} stroke:${MARK_COLORS[severity]},stroke-width:2px,color:${MARK_COLORS[severity]}`);
    }
    const links = linkStyles[severity];
    if (links.length > 0) out.push(`  linkStyle ${links.join(',')} stroke:${MARK_COLORS[severity]},stroke-width:2px,color:${MARK_COLORS[severity]}`);
  }
  return `${out.join('\n')}\n`;
}
