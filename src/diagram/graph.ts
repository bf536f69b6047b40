/**
 * The graph a diagram draws: hops (nodes), the paths between them (edges) and the boxes that hold a workload's
 * containers (groups), each with the rule findings that concern it. One model, rendered as Mermaid, DOT or SVG.
 */
import { Severity } from '../core/finding';

/** What a hop is. */
export enum HopKind {
  /** Whoever sends the traffic. */
  CLIENT = 'client',
  /** A DNS name (A, ALIAS or CNAME) or an SRV record. */
  DNS = 'dns',
  /** A Service: ClusterIP, NodePort, LoadBalancer (with its load balancer and addresses) or ExternalName. */
  SERVICE = 'service',
  /** A load balancer's target group and the health check it runs. */
  TARGET_GROUP = 'target-group',
  /** A Gateway API Gateway and its listeners. */
  GATEWAY = 'gateway',
  /** A Gateway API route (UDPRoute, TCPRoute). */
  ROUTE = 'route',
  /** The nodes and kube-proxy, where traffic goes through a node port. */
  NODES = 'nodes',
  /** A container and the ports it declares. */
  CONTAINER = 'container',
  /** The UDP health-check sidecar. */
  SIDECAR = 'sidecar',
  /** The kubelet, which runs the containers' probes. */
  KUBELET = 'kubelet',
  /** Something a hop points at that the input does not hold (no pod matches, a Service not found). */
  MISSING = 'missing',
}

/** Which path an edge is on. */
export enum PathKind {
  /** The traffic itself: drawn solid. */
  TRAFFIC = 'traffic',
  /** A health check or probe: drawn dashed. */
  HEALTH = 'health',
}

/** A rule finding drawn on the hop it concerns. */
export interface DiagramMark {
  /** The rule id, for example `UDP203`. */
  readonly ruleId: string;
  /** The finding's severity. */
  readonly severity: Severity;
  /** The field it is about, shortened: `targetPort`, `eip-allocations`. */
  readonly field: string;
  /** What is wrong, in a few words. */
  readonly message: string;
}

/** A hop. */
export interface DiagramNode {
  /** A stable id, made of the object's kind, namespace and name. */
  readonly id: string;
  /** What it is. */
  readonly kind: HopKind;
  /** The lines of its label. */
  readonly lines: readonly string[];
  /** The group it is drawn in, when it is. */
  readonly group?: string;
  /** The findings drawn on it. */
  readonly marks: DiagramMark[];
}

/** A path from one hop to the next. */
export interface DiagramEdge {
  /** The hop it leaves. */
  readonly from: string;
  /** The hop it reaches. */
  readonly to: string;
  /** Its label: port and protocol, or what the check is. */
  readonly label: string;
  /** Traffic or health check. */
  readonly path: PathKind;
  /** The findings drawn on it. */
  readonly marks: DiagramMark[];
}

/** A box holding hops: a workload and its containers. */
export interface DiagramGroup {
  /** A stable id. */
  readonly id: string;
  /** Its title. */
  readonly label: string;
  /** The findings drawn on it. */
  readonly marks: DiagramMark[];
}

/** A whole diagram: what every renderer draws. */
export interface DiagramGraph {
  /** The hops, in the order they were found. */
  readonly nodes: readonly DiagramNode[];
  /** The paths, in the order they were found. */
  readonly edges: readonly DiagramEdge[];
  /** The groups, in the order they were found. */
  readonly groups: readonly DiagramGroup[];
}

/** The most severe of a list of marks, or `undefined` when there is none. */
export function worstSeverity(marks: readonly DiagramMark[]): Severity.ERROR | Severity.WARNING | undefined {
  if (marks.length === 0) return undefined;
  return marks.some((m) => m.severity === Severity.ERROR) ? Severity.ERROR : Severity.WARNING;
}

/** The longest message shown on a mark; the rule id leads to the rest. */
const MARK_MESSAGE_LENGTH = 64;

/** The label line of a mark: `error UDP561 eip-allocations: has 2 allocation ids for 3 subnets`. */
export function markLine(mark: DiagramMark): string {
  const message = mark.message.length > MARK_MESSAGE_LENGTH ? `${mark.message.slice(0, MARK_MESSAGE_LENGTH - 3)}...` : mark.message;
  return `${mark.severity} ${mark.ruleId}${mark.field ? ` ${mark.field}` : ''}: ${message}`;
}

/**
 * A finding's field as a mark shows it: an annotation by its name without the common prefixes
 * (`metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-eip-allocations"]` is `eip-allocations`),
 * any other path by its last name (`spec.ports[0].targetPort` is `targetPort`).
 */
export function shortField(field: string): string {
  const annotation = /\["([^"]*)"\]/.exec(field);
  if (annotation) return annotation[1].slice(annotation[1].lastIndexOf('/') + 1).replace(/^aws-load-balancer-/, '');
  const last = field.replace(/\[\d+\]/g, '').split('.').pop() ?? field;
  return last.split(' ')[0];
}

/** Colors of the marks, shared by the renderers. */
export const MARK_COLORS: Readonly<Record<Severity.ERROR | Severity.WARNING, string>> = {
  [Severity.ERROR]: '#d32f2f',
  [Severity.WARNING]: '#ef6c00',
};

/** Builds a graph: stable ids, nodes and edges in insertion order. */
export class GraphBuilder {
  private readonly nodes: DiagramNode[] = [];
  private readonly edges: DiagramEdge[] = [];
  private readonly groups: DiagramGroup[] = [];
  private readonly ids = new Set<string>();
  /** The next suffix to try per slug, so that many objects of one name still cost one step each. */
  private readonly suffixes = new Map<string, number>();

  /** A new id from parts: lower-case letters, digits and `_`, made unique with a `_2`, `_3`... suffix. */
  public id(prefix: string, ...parts: Array<string | number | undefined>): string {
    const slug = [prefix, ...parts.filter((p) => p !== undefined && p !== '')]
      .map((p) => String(p).toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, ''))
      .filter((p) => p.length > 0)
      .join('_');
    let id = slug;
    let n = this.suffixes.get(slug) ?? 2;
    while (this.ids.has(id)) id = `${slug}_${n++}`;
    this.suffixes.set(slug, n);
    this.ids.add(id);
    return id;
  }

  /** Adds a hop and returns it. */
  public node(kind: HopKind, id: string, lines: readonly string[], group?: string): DiagramNode {
    const node: DiagramNode = { id, kind, lines, group, marks: [] };
    this.nodes.push(node);
    return node;
  }

  /** Adds a path and returns it. */
  public edge(from: string, to: string, label: string, path: PathKind = PathKind.TRAFFIC): DiagramEdge {
    const edge: DiagramEdge = { from, to, label, path, marks: [] };
    this.edges.push(edge);
    return edge;
  }

  /** Adds a group and returns it. */
  public group(id: string, label: string): DiagramGroup {
    const group: DiagramGroup = { id, label, marks: [] };
    this.groups.push(group);
    return group;
  }

  /** The graph built so far. */
  public build(): DiagramGraph {
    return { nodes: [...this.nodes], edges: [...this.edges], groups: [...this.groups] };
  }
}

/** The nodes in no group, in order, and the members of each group by its id: what both renderers lay out. */
export function nodesByGroup(graph: DiagramGraph): { readonly loose: DiagramNode[]; readonly members: Map<string, DiagramNode[]> } {
  const loose: DiagramNode[] = [];
  const members = new Map<string, DiagramNode[]>();
  for (const node of graph.nodes) {
    if (node.group === undefined) loose.push(node);
    else members.set(node.group, [...members.get(node.group) ?? [], node]);
  }
  return { loose, members };
}
