/**
 * The cdk8s-plus majors whose workloads the library recognizes and adjusts (one per Kubernetes minor, 1.28-1.33).
 * `.projenrc.ts` declares each as an optional peer and installs each for the compatibility tests.
 */
export const SUPPORTED_CDK8S_PLUS_MAJORS: readonly number[] = [28, 29, 30, 31, 32, 33];

/** The classes of cdk8s-plus whose pods the library can adjust (containers, ports, probes, sidecar). */
export const ADJUSTABLE_WORKLOAD_CLASSES: readonly string[] = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job'];

/** The classes of cdk8s-plus that select pods without owning them (their labels are read, nothing is adjusted). */
export const SELECTOR_CLASSES: readonly string[] = ['Pods'];

/** The jsii type information every cdk8s-plus class carries (`{ fqn: 'cdk8s-plus-32.Deployment', version }`). */
const JSII_RTTI = Symbol.for('jsii.rtti');

/** Which cdk8s-plus package and class an object comes from, read from the jsii type information of its class. */
export interface PlusClass {
  /** The package's major, for example 32 for `cdk8s-plus-32`. */
  readonly major: number;
  /** The cdk8s-plus class, for example `Deployment` (a subclass of the user's reads as the class it extends). */
  readonly className: string;
  /** The package version, for example `2.5.92`. */
  readonly version?: string;
}

/**
 * The cdk8s-plus class of `value`, whatever copy or major of cdk8s-plus made it (no `instanceof`: two copies of one
 * major, or two majors, are different classes to JavaScript), or `undefined` for an object that no cdk8s-plus made.
 */
export function plusClassOf(value: unknown): PlusClass | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  // statics are inherited: a user's subclass of Deployment reads as Deployment
  const rtti = (value.constructor as unknown as Record<symbol, unknown> | undefined)?.[JSII_RTTI] as
    { fqn?: unknown; version?: unknown } | undefined;
  const match = typeof rtti?.fqn === 'string' ? /^cdk8s-plus-(\d+)\.([A-Za-z0-9_]+)$/.exec(rtti.fqn) : null;
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    className: match[2],
    version: typeof rtti?.version === 'string' ? rtti.version : undefined,
  };
}
