import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { currentSynthesis, watchSyntheses } from './synthesis';
import { OBJECT_RULES } from '../rules/catalog';
import { checkObjects, ObjectCheckOptions } from '../rules/engine';
import { Finding } from '../rules/finding';
import { KubeObject } from '../rules/manifest';

/** Objects a construct relates to but does not emit (the workload a Service selects), rendered once per chart. */
export interface RelatedObjects {
  /** What identifies them across constructs (the cdk8s-plus workload). */
  readonly key: object;
  /** Renders them as plain objects. */
  readonly render: () => KubeObject[];
}

/** What one construct gives the object rules. */
export interface ConstructObjects {
  /** The objects it emits, as they will be synthesized; findings on them are its own. */
  readonly own: readonly KubeObject[];
  /** The cluster settings its objects are checked with. */
  readonly options: ObjectCheckOptions;
  /** What its objects relate to; a finding on one goes to the first construct of the chart that relates to it. */
  readonly related: readonly RelatedObjects[];
}

/** Produces a construct's objects at validation time. */
export type ObjectsProducer = () => ConstructObjects;

/** The constructs of one chart whose objects are checked, in creation order. */
interface ChartMembers {
  readonly members: IConstruct[];
  /** The run of the synthesis in progress, read by its later validation passes. */
  last?: { readonly synthesis: object; readonly findings: Map<IConstruct, Finding[]> };
  /** The findings of the current validation pass by construct, and who has not read theirs yet. */
  pass?: { readonly findings: Map<IConstruct, Finding[]>; readonly unread: Set<IConstruct> };
}

const producers = new WeakMap<IConstruct, ObjectsProducer>();
const charts = new WeakMap<IConstruct, ChartMembers>();
const chartOf = new WeakMap<IConstruct, IConstruct>();

/**
 * Registers the objects a construct emits for the object rules. The rules run once per chart over the objects of
 * all its registered constructs (so that relating rules see every Service and workload of the chart, a workload
 * selected by several Services is rendered and reported once, and the cost of validation stays one pass over the
 * chart), and each construct reads its share with `objectFindings`.
 */
export function registerObjects(construct: IConstruct, producer: ObjectsProducer): void {
  producers.set(construct, producer);
  watchSyntheses(construct);
  const chart = nearestChart(construct);
  chartOf.set(construct, chart);
  let entry = charts.get(chart);
  if (!entry) {
    const created: ChartMembers = { members: [] };
    entry = created;
    charts.set(chart, created);
    // cdk8s validates the tree in pre-order: the chart first, so one run serves every construct of the pass
    chart.node.addValidation({
      validate: () => {
        created.pass = { findings: runChart(created), unread: new Set(created.members) };
        return [];
      },
    });
  }
  entry.members.push(construct);
}

/**
 * The findings of the object rules on what `construct` emits and relates to: from the chart's run of the current
 * validation pass, from the run of the current `withChartRuns` reading, or from a fresh run.
 */
export function objectFindings(construct: IConstruct): Finding[] {
  const chart = chartOf.get(construct);
  const entry = chart && charts.get(chart);
  if (!entry) return [];
  if (session) {
    let findings = session.get(entry);
    if (!findings) {
      findings = runChart(entry);
      session.set(entry, findings);
    }
    return findings.get(construct) ?? [];
  }
  const pass = entry.pass;
  if (pass?.unread.has(construct)) {
    pass.unread.delete(construct);
    if (pass.unread.size === 0) entry.pass = undefined;
    return pass.findings.get(construct) ?? [];
  }
  return runChart(entry).get(construct) ?? [];
}

/** Runs `read` with one run of the object rules per chart it reads (reading the findings of a whole app at once). */
export function withChartRuns<T>(read: () => T): T {
  if (session) return read();
  session = new Map();
  try {
    return read();
  } finally {
    session = undefined;
  }
}

let session: Map<ChartMembers, Map<IConstruct, Finding[]>> | undefined;

/**
 * Runs the object rules over what the chart's constructs emit, once per synthesis: cdk8s validates the whole app once
 * more for each chart it synthesizes, and those later passes read the findings of the first.
 */
function runChart(entry: ChartMembers): Map<IConstruct, Finding[]> {
  const synthesis = currentSynthesis();
  if (synthesis && entry.last?.synthesis === synthesis) return entry.last.findings;
  const objects: KubeObject[] = [];
  const owners: IConstruct[] = [];
  const perObject = new Map<KubeObject, ObjectCheckOptions>();
  const rendered = new Set<object>();
  for (const member of entry.members) {
    const produced = producers.get(member)?.();
    if (!produced) continue;
    for (const object of produced.own) {
      objects.push(object);
      owners.push(member);
      perObject.set(object, produced.options);
    }
    for (const related of produced.related) {
      if (rendered.has(related.key)) continue;
      rendered.add(related.key);
      for (const object of related.render()) {
        objects.push(object);
        owners.push(member);
      }
    }
  }
  const findings = new Map<IConstruct, Finding[]>();
  for (const finding of checkObjects(objects, OBJECT_RULES, { perObject })) {
    const owner = owners[finding.object!.index];
    const found = findings.get(owner);
    if (found) found.push(finding);
    else findings.set(owner, [finding]);
  }
  entry.last = synthesis ? { synthesis, findings } : undefined;
  return findings;
}

/** The chart a construct is in, or the root of its tree when it is in none. */
function nearestChart(construct: IConstruct): IConstruct {
  const chart = construct.node.scopes.slice().reverse().find((scope) => Chart.isChart(scope));
  return chart ?? construct.node.root;
}
