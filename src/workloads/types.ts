import { IConstruct } from 'constructs';

/**
 * A cdk8s-plus pod selector of any supported major (28-33): a `Deployment`, `StatefulSet`, `DaemonSet`, `Job`, `Pod`,
 * or `Pods.select(...)`. Typed by shape, so that a workload of whichever cdk8s-plus major the app uses is accepted.
 */
export interface IPlusPodSelector extends IConstruct {
  /** cdk8s-plus's own method: the library reads the selected labels from it. */
  toPodSelectorConfig(): unknown;
}

/** A container port, as every cdk8s-plus major describes it. */
export interface IPlusContainerPort {
  /** The port number. */
  readonly number: number;
  /** The port's name, if it has one. */
  readonly name?: string;
  /** The protocol; cdk8s-plus leaves it unset for TCP by default. */
  readonly protocol?: string;
}

/** A container of a cdk8s-plus workload, as every supported major describes it. */
export interface IPlusContainer {
  /** The container's name. */
  readonly name: string;
  /** The container's image. */
  readonly image: string;
  /** The container's ports (a copy). */
  readonly ports: readonly IPlusContainerPort[];
}

/** A cdk8s-plus pod or pod controller of any supported major, whose containers the library adjusts. */
export interface IPlusWorkload extends IPlusPodSelector {
  /** The workload's containers (a copy). */
  readonly containers: readonly IPlusContainer[];
}

/**
 * What a Service selects: a cdk8s-plus workload or pod selector of any supported major (28-33: `Deployment`,
 * `StatefulSet`, `DaemonSet`, `Job`, `Pod`, `Pods.select(...)`), or plain labels.
 */
export type PodSelection = IPlusPodSelector | Readonly<Record<string, string>>;
