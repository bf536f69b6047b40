import * as kplus from 'cdk8s-plus-28';

/**
 * What a Service selects: a cdk8s-plus workload or pod selector (`Deployment`, `StatefulSet`, `DaemonSet`, `Pod`,
 * `Pods.select(...)`), or plain labels.
 */
export type PodSelection = kplus.IPodSelector | Readonly<Record<string, string>>;

/** Whether `selection` is a cdk8s-plus pod selector rather than plain labels. */
export function isPodSelector(selection: PodSelection): selection is kplus.IPodSelector {
  return typeof (selection as kplus.IPodSelector).toPodSelectorConfig === 'function';
}

/** The cdk8s-plus pod or pod controller behind a selection, whose containers the Service can adjust. */
export function podOf(selection: PodSelection | undefined): kplus.AbstractPod | undefined {
  return selection instanceof kplus.AbstractPod ? selection : undefined;
}

/** The result of reading a selection as a Service selector. */
export interface ResolvedSelector {
  /** The labels (`spec.selector`). */
  readonly matchLabels: Record<string, string>;
  /** Label expressions the selection also has, which a Service selector cannot express. */
  readonly expressions: number;
}

/** Reads a selection as Service selector labels. Evaluated at synthesis, so later `select()` calls count. */
export function resolveSelector(selection: PodSelection): ResolvedSelector {
  if (!isPodSelector(selection)) return { matchLabels: { ...selection }, expressions: 0 };
  const kube = selection.toPodSelectorConfig().labelSelector._toKube();
  return { matchLabels: { ...(kube.matchLabels ?? {}) }, expressions: kube.matchExpressions?.length ?? 0 };
}
