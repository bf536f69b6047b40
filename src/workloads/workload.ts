import { ApiObject, Size } from 'cdk8s';
import { IConstruct } from 'constructs';
import { isAuxiliaryContainer } from './auxiliary';
import { ADJUSTABLE_WORKLOAD_CLASSES, PlusClass } from './majors';
import { IPlusContainer, IPlusContainerPort } from './types';
import { KubeObject } from '../rules/manifest';

/*
 * The one place that knows how a cdk8s-plus pod or workload is built inside. Every supported major (28-33) is
 * generated from one code base and shares these members; they are read by shape, never with `instanceof` against one
 * package's classes. test/workloads runs the same programs against each major to keep it so.
 */

/** A cdk8s-plus port, writable: cdk8s-plus hands out the very objects it renders. */
interface PlusPort {
  number: number;
  name?: string;
  protocol?: string;
}

/** A probe, as cdk8s-plus renders one (its `_toKube`). */
interface PlusProbe {
  _toKube(container: unknown): Record<string, unknown>;
}

/** A cdk8s-plus container, as this adapter uses it. */
interface PlusContainer extends IPlusContainer {
  readonly ports: PlusPort[];
  /** The startup probe cdk8s-plus derives from `portNumber` (a private field). */
  _startup?: PlusProbe;
  addPort(port: PlusPort): void;
  _toKube(): Record<string, unknown>;
}

/** A cdk8s-plus pod or pod controller, as this adapter uses it. */
interface PlusPod extends IConstruct {
  readonly containers: PlusContainer[];
  readonly initContainers: PlusContainer[];
  readonly podMetadata: { addAnnotation(key: string, value: string): void; toJson(): { labels?: Record<string, string> } };
  readonly replicas?: number;
  readonly hasAutoscaler?: boolean;
  addContainer(props: Record<string, unknown>): PlusContainer;
}

/** One adapter per workload construct, so that the targets of every Service selecting it accumulate in one place. */
const adapters = new WeakMap<object, Workload>();

/** Whether `value` has every member of a cdk8s-plus pod this adapter uses. */
export function hasPodShape(value: object): boolean {
  const pod = value as Partial<Record<keyof PlusPod, unknown>>;
  return Array.isArray(pod.containers) && Array.isArray(pod.initContainers) && typeof pod.addContainer === 'function'
    && typeof (pod.podMetadata as { addAnnotation?: unknown } | undefined)?.addAnnotation === 'function';
}

/** A volume the sidecar mounts. */
export interface VolumeSpec {
  /** The volume's name in the pod. */
  readonly name: string;
  /** A ConfigMap volume. */
  readonly configMap?: { readonly name: string; readonly defaultMode?: number };
  /** An emptyDir volume. */
  readonly emptyDir?: { readonly medium?: string; readonly sizeLimit?: Size };
}

/** A probe of a container this library adds. */
export interface ProbeSpec {
  readonly httpGet?: { readonly path: string; readonly port: number };
  readonly tcpSocket?: { readonly port: number };
  readonly periodSeconds?: number;
  readonly timeoutSeconds?: number;
  readonly failureThreshold?: number;
  readonly successThreshold?: number;
}

/** CPU and memory of a container this library adds (cpu as a quantity such as `5m`). */
export interface ResourcesSpec {
  readonly cpu?: { readonly request?: string; readonly limit?: string };
  readonly memory?: { readonly request?: Size; readonly limit?: Size };
}

/** A container this library adds to a workload (the health-check sidecar), in terms every major renders alike. */
export interface ContainerSpec {
  readonly name: string;
  readonly image: string;
  readonly imagePullPolicy?: string;
  readonly command?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly ports?: readonly IPlusContainerPort[];
  readonly volumeMounts?: ReadonlyArray<{ readonly path: string; readonly volume: VolumeSpec; readonly readOnly?: boolean }>;
  readonly securityContext?: Readonly<Record<string, unknown>>;
  readonly resources?: ResourcesSpec;
  readonly readiness?: ProbeSpec;
}

/** Like the `IntOrString` and `Quantity` of every major's generated bindings: what they render is their `value`. */
class Boxed {
  public constructor(public readonly value: string | number) {}
}

function boxed(value: string | number): Boxed {
  return new Boxed(value);
}

/** A volume object as cdk8s-plus renders volumes (by `name` and `_toKube()`). */
function volumeOf(spec: VolumeSpec): { name: string; _toKube(): Record<string, unknown> } {
  return {
    name: spec.name,
    _toKube: () => ({
      name: spec.name,
      configMap: spec.configMap ? { name: spec.configMap.name, defaultMode: spec.configMap.defaultMode } : undefined,
      emptyDir: spec.emptyDir ? {
        medium: spec.emptyDir.medium,
        sizeLimit: spec.emptyDir.sizeLimit ? boxed(`${spec.emptyDir.sizeLimit.toMebibytes()}Mi`) : undefined,
      } : undefined,
    }),
  };
}

/** A probe object as cdk8s-plus renders probes (`_toKube`), with its generated bindings' shapes. */
function probeOf(spec: ProbeSpec): PlusProbe {
  return {
    _toKube: () => ({
      failureThreshold: spec.failureThreshold ?? 3,
      periodSeconds: spec.periodSeconds,
      successThreshold: spec.successThreshold,
      timeoutSeconds: spec.timeoutSeconds,
      httpGet: spec.httpGet ? { path: spec.httpGet.path, port: boxed(spec.httpGet.port), scheme: 'HTTP' } : undefined,
      tcpSocket: spec.tcpSocket ? { port: boxed(spec.tcpSocket.port) } : undefined,
    }),
  };
}

/** What cdk8s-plus's generated bindings hold, as the JSON they synthesize (boxed values unboxed, undefined dropped). */
function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null && 'value' in value) return (value as { value: unknown }).value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) out[key] = plain(item);
  }
  return out;
}

/**
 * A cdk8s-plus pod or pod controller of a supported major, seen through the members every major shares. Made by
 * `recognizeSelection`; one per workload construct.
 */
export class Workload {
  /** The adapter of `construct`, which `recognizeSelection` found to be a supported workload. */
  public static of(construct: IConstruct, plus: PlusClass): Workload {
    let found = adapters.get(construct);
    if (!found) {
      found = new Workload(construct as PlusPod, plus);
      adapters.set(construct, found);
    }
    return found;
  }

  /** The targets of every Service of this library that selects the pod (a split endpoint adds two). */
  public readonly targets: Array<{ readonly targetPort: number | string; readonly protocol: string }> = [];

  private constructor(private readonly pod: PlusPod, public readonly plus: PlusClass) {}

  /** The workload construct. */
  public get construct(): IConstruct {
    return this.pod;
  }

  /** The cdk8s-plus class, for example `Deployment`. */
  public get className(): string {
    return this.plus.className;
  }

  /** Whether the sidecar may join: a pod that keeps running (not a Job, which must complete). */
  public get runsContinuously(): boolean {
    return this.plus.className !== 'Job';
  }

  /** The containers (not the init containers). */
  public get containers(): readonly PlusContainer[] {
    return this.pod.containers;
  }

  /** The containers that serve traffic: every container but the auxiliary ones (the health-check sidecar). */
  public get servingContainers(): readonly PlusContainer[] {
    return this.pod.containers.filter((container) => !isAuxiliaryContainer(container));
  }

  /** The init containers. */
  public get initContainers(): readonly PlusContainer[] {
    return this.pod.initContainers;
  }

  /** Adds an annotation to the pod template (or the pod). */
  public addPodAnnotation(key: string, value: string): void {
    this.pod.podMetadata.addAnnotation(key, value);
  }

  /** Adds a container, built with the workload's own cdk8s-plus so that it renders like the user's containers. */
  public addContainer(spec: ContainerSpec): IPlusContainer {
    const cpu = spec.resources?.cpu;
    return this.pod.addContainer({
      name: spec.name,
      image: spec.image,
      imagePullPolicy: spec.imagePullPolicy,
      command: spec.command ? [...spec.command] : undefined,
      envVariables: Object.fromEntries(Object.entries(spec.env ?? {}).map(([key, value]) => [key, { value }])),
      ports: (spec.ports ?? []).map((port) => ({ ...port })),
      volumeMounts: (spec.volumeMounts ?? []).map((m) => ({ path: m.path, volume: volumeOf(m.volume), readOnly: m.readOnly })),
      securityContext: spec.securityContext,
      resources: spec.resources ? {
        cpu: cpu ? {
          request: cpu.request !== undefined ? { amount: cpu.request } : undefined,
          limit: cpu.limit !== undefined ? { amount: cpu.limit } : undefined,
        } : undefined,
        memory: spec.resources.memory,
      } : undefined,
      readiness: spec.readiness ? probeOf(spec.readiness) : undefined,
    });
  }

  /** The startup probe of `container` as it will be rendered, or `undefined`. */
  public startupProbeOf(container: PlusContainer): Record<string, unknown> | undefined {
    return container._startup?._toKube(container);
  }

  /** Removes the startup probe of `container` (cdk8s-plus has no public way to). */
  public removeStartupProbe(container: PlusContainer): void {
    container._startup = undefined;
  }

  /**
   * The parts of the workload the workload rules read (kind, name, namespace, replicas, pod labels and the
   * containers' names, ports and probes), as the plain objects its synthesis emits, built without resolving the whole
   * object: a full `toJson()` of every workload at each validation would double the cost of synthesis.
   */
  public render(): KubeObject[] {
    const api = ApiObject.of(this.pod);
    const metadata = api.metadata.toJson();
    const podSpec = { containers: this.pod.containers.map(ruleContainer) };
    if (this.plus.className === 'Pod') {
      return [{ apiVersion: api.apiVersion, kind: api.kind, metadata, spec: podSpec }];
    }
    const workload: KubeObject = {
      apiVersion: api.apiVersion,
      kind: api.kind,
      metadata,
      spec: {
        replicas: this.replicas(),
        template: { metadata: { labels: this.pod.podMetadata.toJson().labels }, spec: podSpec },
      },
    };
    if (!this.autoscaled()) return [workload];
    // the autoscaler owns the replica count: the rules see it the way they see one in a manifest
    const autoscaler: KubeObject = {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: metadata.name, namespace: metadata.namespace },
      spec: { scaleTargetRef: { apiVersion: api.apiVersion, kind: api.kind, name: metadata.name } },
    };
    return [workload, autoscaler];
  }

  private autoscaled(): boolean {
    return ['Deployment', 'StatefulSet'].includes(this.plus.className) && this.pod.hasAutoscaler === true;
  }

  /** The replica count cdk8s-plus emits: its defaults are 2 for a Deployment and 1 for a StatefulSet. */
  private replicas(): number | undefined {
    if (this.autoscaled()) return undefined;
    if (this.plus.className === 'Deployment') return this.pod.replicas ?? 2;
    if (this.plus.className === 'StatefulSet') return this.pod.replicas ?? 1;
    return undefined;
  }
}

/** A container as the rules read it: its name, image, ports and probes. */
function ruleContainer(container: PlusContainer): unknown {
  const kube = container._toKube();
  return plain({
    name: kube.name,
    image: kube.image,
    ports: kube.ports,
    startupProbe: kube.startupProbe,
    readinessProbe: kube.readinessProbe,
    livenessProbe: kube.livenessProbe,
  });
}

/** Whether `className` is a cdk8s-plus class whose pods can be adjusted. */
export function isAdjustableClass(className: string): boolean {
  return ADJUSTABLE_WORKLOAD_CLASSES.includes(className);
}
