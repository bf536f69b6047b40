/**
 * `Diagram`: a picture of every UDP and TCP exposure in a set of Kubernetes objects (a cdk8s chart, or any
 * manifests), with the findings of the rule engine drawn on the hop they concern.
 */
import { buildDiagram } from './build';
import { renderDot } from './dot';
import { DiagramGraph } from './graph';
import { renderMermaid } from './mermaid';
import { renderSvg } from './svg';
import { Finding } from '../core/finding';
import { OBJECT_RULES } from '../rules/catalog';
import { checkObjects, CheckOptions } from '../rules/engine';
import { KubeObject } from '../rules/manifest';

/** The output formats of a diagram. */
export enum DiagramFormat {
  /** A Mermaid flowchart, drawn by GitHub and most Markdown viewers. */
  MERMAID = 'mermaid',
  /** A Graphviz DOT graph. */
  DOT = 'dot',
  /** An SVG image, laid out by Graphviz (WebAssembly, offline). */
  SVG = 'svg',
}

/** Anything with cdk8s's `Chart.toJson()`: a chart, or an object that renders its manifests the same way. */
export interface ChartLike {
  /** The chart's objects as plain JSON. */
  toJson(): any[];
}

/** Options of a diagram. */
export interface DiagramProps {
  /**
   * The findings to draw, on the objects given (by index). When given, the rules are not run.
   * @default - the object rules are run with `check`
   */
  readonly findings?: readonly Finding[];
  /**
   * How to run the object rules when `findings` is not given: the cluster's Kubernetes version, load-balancer
   * provider, node port range, rules to skip.
   * @default - every object rule, cluster settings unknown
   */
  readonly check?: CheckOptions;
}

/**
 * A diagram of every UDP and TCP exposure: clients, DNS names (ExternalDNS hostnames, A, CNAME and SRV records),
 * Services of every type with their load balancer (scheme, subnets and Elastic IPs, cross-zone), target groups and
 * their health checks, Gateways and UDP/TCP routes, workloads with their containers, probes and health sidecar.
 * Each path is labelled with its port and protocol; health checks are dashed; findings are drawn on their hop,
 * errors in red and warnings in orange, with their rule id.
 *
 * @example
 * const chart = new MyChart(app, 'dns');
 * fs.writeFileSync('dns.mmd', Diagram.fromChart(chart).toMermaid());
 */
export class Diagram {
  /** The diagram of a cdk8s chart, from the objects it synthesizes (`chart.toJson()`). */
  public static fromChart(chart: ChartLike, props: DiagramProps = {}): Diagram {
    return Diagram.fromObjects(chart.toJson() as KubeObject[], props);
  }

  /** The diagram of plain Kubernetes objects, as parsed from manifests. */
  public static fromObjects(objects: readonly KubeObject[], props: DiagramProps = {}): Diagram {
    const findings = props.findings ?? checkObjects(objects, props.check?.rules ?? OBJECT_RULES, props.check);
    const built = buildDiagram(objects, findings);
    return new Diagram(built.graph, built.unplaced);
  }

  private constructor(
    /** The graph every rendering draws. */
    public readonly graph: DiagramGraph,
    /** The findings that concern no hop drawn (for example on a ConfigMap), to be reported beside the picture. */
    public readonly unplaced: readonly Finding[],
  ) {}

  /** The Mermaid flowchart. */
  public toMermaid(): string {
    return renderMermaid(this.graph);
  }

  /** The Graphviz DOT graph. */
  public toDot(): string {
    return renderDot(this.graph);
  }

  /** The SVG image (Graphviz as WebAssembly, loaded on first use). */
  public toSvg(): Promise<string> {
    return renderSvg(this.graph);
  }

  /** The diagram in `format`. */
  public async render(format: DiagramFormat): Promise<string> {
    switch (format) {
      case DiagramFormat.MERMAID: return this.toMermaid();
      case DiagramFormat.DOT: return this.toDot();
      case DiagramFormat.SVG: return this.toSvg();
      default: throw new Error(`unknown diagram format: ${String(format)}`);
    }
  }
}
