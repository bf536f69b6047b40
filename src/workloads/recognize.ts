import { ApiObject } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { ADJUSTABLE_WORKLOAD_CLASSES, plusClassOf, SELECTOR_CLASSES, SUPPORTED_CDK8S_PLUS_MAJORS } from './majors';
import { hasPodShape, isAdjustableClass, Workload } from './workload';

/** What a `selector` (or a sidecar's `workload`) turned out to be. */
export type Recognized =
  /** Plain labels. */
  | { readonly kind: 'labels'; readonly labels: Readonly<Record<string, string>> }
  /** A pod selector that owns no pods (`Pods.select(...)`, or a selector class of the user's): its labels are read. */
  | { readonly kind: 'selector'; readonly selector: object }
  /** A cdk8s-plus pod or pod controller of a supported major: its labels are read and its containers adjusted. */
  | { readonly kind: 'workload'; readonly workload: Workload }
  /** An object that is none of these: never read as labels. */
  | { readonly kind: 'unsupported'; readonly given: string; readonly problem: string };

/** What the library accepts where it takes a workload, for messages. */
export const SUPPORTED_WORKLOADS = `a Pod, Deployment, StatefulSet, DaemonSet or Job of cdk8s-plus-${SUPPORTED_CDK8S_PLUS_MAJORS[0]} to `
  + `cdk8s-plus-${SUPPORTED_CDK8S_PLUS_MAJORS[SUPPORTED_CDK8S_PLUS_MAJORS.length - 1]}, Pods.select(...), or plain labels`;

const recognized = new WeakMap<object, Recognized>();

/**
 * Reads a selection: plain labels, a pod selector, a cdk8s-plus workload of any supported major (28-33, any copy),
 * or something unsupported, which is reported and never quietly read as labels. Recognized by the jsii type
 * information cdk8s-plus classes carry and by shape, never with `instanceof` against one package's classes.
 */
export function recognizeSelection(value: unknown): Recognized {
  if (value !== null && typeof value === 'object') {
    const known = recognized.get(value);
    if (known) return known;
    const result = recognizeObject(value);
    recognized.set(value, result);
    return result;
  }
  return { kind: 'unsupported', given: describeValue(value), problem: 'is not a workload, a pod selector or labels' };
}

function recognizeObject(value: object): Recognized {
  if (isPlainObject(value)) {
    const labels = value as Record<string, unknown>;
    if (Object.values(labels).every((v) => typeof v === 'string')) return { kind: 'labels', labels: labels as Record<string, string> };
    return { kind: 'unsupported', given: 'an object', problem: 'has label values that are not strings' };
  }
  const plus = plusClassOf(value);
  const given = describeValue(value);
  if (plus) {
    if (!SUPPORTED_CDK8S_PLUS_MAJORS.includes(plus.major)) {
      return { kind: 'unsupported', given, problem: `comes from cdk8s-plus-${plus.major}, a major this library does not support` };
    }
    if (isAdjustableClass(plus.className)) {
      if (!hasPodShape(value) || typeof (value as { toPodSelectorConfig?: unknown }).toPodSelectorConfig !== 'function') {
        return { kind: 'unsupported', given, problem: 'lacks the containers and pod template every supported cdk8s-plus release has' };
      }
      return { kind: 'workload', workload: Workload.of(value as IConstruct, plus) };
    }
    if (SELECTOR_CLASSES.includes(plus.className) && hasSelectorMethod(value)) return { kind: 'selector', selector: value };
    return {
      kind: 'unsupported',
      given,
      problem: `is not a pod or pod controller (cdk8s-plus workloads: ${ADJUSTABLE_WORKLOAD_CLASSES.join(', ')})`,
    };
  }
  const kind = apiObjectKind(value);
  if (kind !== undefined) {
    return {
      kind: 'unsupported',
      given,
      problem: `is a hand-made ${kind} object, whose containers the library cannot read or adjust`,
    };
  }
  if (hasSelectorMethod(value) && !('containers' in value)) return { kind: 'selector', selector: value };
  return { kind: 'unsupported', given, problem: 'is an object of a class the library does not know' };
}

function hasSelectorMethod(value: object): boolean {
  return typeof (value as { toPodSelectorConfig?: unknown }).toPodSelectorConfig === 'function';
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The kind of the API object a construct is or holds as its default child, if any. */
function apiObjectKind(value: object): string | undefined {
  if (!Construct.isConstruct(value)) return undefined;
  try {
    const kind = ApiObject.of(value).kind;
    return typeof kind === 'string' ? kind : undefined;
  } catch {
    return undefined;
  }
}

/** Names what was given, for a message: `Deployment app/dns (cdk8s-plus-27)`, `ApiObject app/x`, `number 5`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object') return `${typeof value} ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;
  const plus = plusClassOf(value);
  const className = (value as { constructor?: { name?: string } }).constructor?.name;
  const path = Construct.isConstruct(value) ? ` ${value.node.path}` : '';
  if (plus) return `${plus.className}${path} (cdk8s-plus-${plus.major})`;
  return `${className && className !== 'Object' ? className : 'object'}${path}`;
}

/** A selection read as Service selector labels. */
export interface ResolvedSelector {
  /** The labels (`spec.selector`). */
  readonly matchLabels: Record<string, string>;
  /** Label expressions the selection also has, which a Service selector cannot express. */
  readonly expressions: number;
}

interface LabelSelectorConfig {
  readonly labelSelector?: { _toKube?(): { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } };
}

/**
 * The labels a recognized selection selects, evaluated when called (at synthesis, so later `select()` calls count),
 * or `undefined` for an unsupported one.
 */
export function selectorLabels(selection: Recognized): ResolvedSelector | undefined {
  switch (selection.kind) {
    case 'labels':
      return { matchLabels: { ...selection.labels }, expressions: 0 };
    case 'unsupported':
      return undefined;
    default: {
      const source = selection.kind === 'workload' ? selection.workload.construct : selection.selector;
      const config = (source as { toPodSelectorConfig(): LabelSelectorConfig }).toPodSelectorConfig();
      const kube = config.labelSelector?._toKube?.() ?? {};
      return { matchLabels: { ...(kube.matchLabels ?? {}) }, expressions: kube.matchExpressions?.length ?? 0 };
    }
  }
}
