/**
 * Plain Kubernetes objects as they come out of `toJson()` or a YAML parser, and safe ways to read them.
 * Linted input can hold anything, so every accessor checks types instead of trusting them.
 */
import { isFieldObject } from '../model/shape';

/** A Kubernetes object as plain JSON. */
export interface KubeObject {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly metadata?: unknown;
  readonly spec?: unknown;
  readonly [key: string]: unknown;
}

/** `value` as a plain object, or `undefined`. */
export function record(value: unknown): Record<string, unknown> | undefined {
  return isFieldObject(value) ? value : undefined;
}

/** `value` as an array, or an empty one. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** `value` as a string, or `undefined`. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The object's `kind`, or `''`. */
export function kindOf(object: KubeObject): string {
  return str(object.kind) ?? '';
}

/** `metadata.name`. */
export function nameOf(object: KubeObject): string | undefined {
  return str(record(object.metadata)?.name);
}

/** `metadata.namespace`. */
export function namespaceOf(object: KubeObject): string | undefined {
  return str(record(object.metadata)?.namespace);
}

/** `metadata.annotations` as strings. */
export function annotationsOf(object: KubeObject): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(record(record(object.metadata)?.annotations) ?? {})) {
    if (typeof value === 'string') result[key] = value;
  }
  return result;
}

/** The `spec` of an object, or an empty one. */
export function specOf(object: KubeObject): Record<string, unknown> {
  return record(object.spec) ?? {};
}

/** A Service port entry with its index in `spec.ports`. */
export interface ServicePortEntry {
  readonly index: number;
  readonly entry: Record<string, unknown>;
  /** `protocol`, defaulted to TCP as the API server does. */
  readonly protocol: string;
}

/** The entries of a Service's `spec.ports`. */
export function servicePorts(service: KubeObject): ServicePortEntry[] {
  return list(specOf(service).ports).map((raw, index) => {
    const entry = record(raw) ?? {};
    return { index, entry, protocol: str(entry.protocol) ?? 'TCP' };
  });
}

/** The Service `type`, defaulted to ClusterIP as the API server does. */
export function serviceType(service: KubeObject): string {
  return str(specOf(service).type) ?? 'ClusterIP';
}

/** Whether the Service is headless (`clusterIP: None`). */
export function isHeadless(service: KubeObject): boolean {
  return specOf(service).clusterIP === 'None';
}

/** Whether the Service has at least one UDP port. */
export function isUdpService(object: KubeObject): boolean {
  return kindOf(object) === 'Service' && servicePorts(object).some((p) => p.protocol === 'UDP');
}

/** A pod template found in a workload object. */
export interface PodTemplate {
  /** The object that holds it (a Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob). */
  readonly owner: KubeObject;
  /** Where the pod spec is inside the owner, for field paths: `spec.template.spec`. */
  readonly specPath: string;
  /** The pod's labels. */
  readonly labels: Record<string, string>;
  /** The pod spec. */
  readonly spec: Record<string, unknown>;
}

/** The pod template of a workload object, or the pod itself. */
export function podTemplateOf(object: KubeObject): PodTemplate | undefined {
  const kind = kindOf(object);
  let template: Record<string, unknown> | undefined;
  let specPath: string;
  if (kind === 'Pod') {
    template = { metadata: object.metadata, spec: object.spec };
    specPath = 'spec';
  } else if (['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController'].includes(kind)) {
    template = record(specOf(object).template);
    specPath = 'spec.template.spec';
  } else if (kind === 'CronJob') {
    template = record(record(record(specOf(object).jobTemplate)?.spec)?.template);
    specPath = 'spec.jobTemplate.spec.template.spec';
  } else {
    return undefined;
  }
  const spec = record(template?.spec);
  if (!spec) return undefined;
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(record(record(template?.metadata)?.labels) ?? {})) {
    if (typeof value === 'string') labels[key] = value;
  }
  return { owner: object, specPath, labels, spec };
}

/** Whether two objects may be in the same namespace: equal, or one of them leaves it to the context. */
function sameNamespace(a: KubeObject, b: KubeObject): boolean {
  const na = namespaceOf(a);
  const nb = namespaceOf(b);
  return na === undefined || nb === undefined || na === nb;
}

/** The pod templates of a set of objects, indexed by label, built once per set. */
interface PodIndex {
  /** `key=value` to the pod templates that carry the label. */
  readonly byLabel: Map<string, PodTemplate[]>;
  /** The selections already computed, per Service. */
  readonly selections: Map<KubeObject, PodTemplate[]>;
  /** The UDP Services that select each owner, computed on first use. */
  udpServicesByOwner?: Map<KubeObject, KubeObject[]>;
}

const podIndexes = new WeakMap<readonly KubeObject[], PodIndex>();

function podIndexOf(objects: readonly KubeObject[]): PodIndex {
  let index = podIndexes.get(objects);
  if (index) return index;
  const byLabel = new Map<string, PodTemplate[]>();
  for (const object of objects) {
    const pod = podTemplateOf(object);
    if (!pod) continue;
    for (const [key, value] of Object.entries(pod.labels)) {
      const label = `${key}=${value}`;
      const found = byLabel.get(label);
      if (found) found.push(pod);
      else byLabel.set(label, [pod]);
    }
  }
  index = { byLabel, selections: new Map() };
  podIndexes.set(objects, index);
  return index;
}

/**
 * The pod templates a Service's selector matches among `objects`, in the Service's namespace (an object without a
 * namespace may be in any). Indexed by label once per set of objects, so that relating every Service of a large
 * manifest set to its pods stays linear.
 */
export function selectedPods(service: KubeObject, objects: readonly KubeObject[]): PodTemplate[] {
  const selector = record(specOf(service).selector);
  if (!selector || Object.keys(selector).length === 0) return [];
  const index = podIndexOf(objects);
  const cached = index.selections.get(service);
  if (cached) return cached;
  const entries = Object.entries(selector).map(([key, value]) => `${key}=${String(value)}`);
  let candidates: PodTemplate[] | undefined;
  for (const label of entries) {
    const found = index.byLabel.get(label) ?? [];
    if (!candidates || found.length < candidates.length) candidates = found;
  }
  const result = (candidates ?? []).filter((pod) =>
    sameNamespace(service, pod.owner) && Object.entries(selector).every(([key, value]) => pod.labels[key] === value));
  index.selections.set(service, result);
  return result;
}

/** The UDP Services among `objects` that select the pods of `owner` (computed for the whole set at once). */
export function udpServicesSelecting(owner: KubeObject, objects: readonly KubeObject[]): KubeObject[] {
  const index = podIndexOf(objects);
  if (!index.udpServicesByOwner) {
    const byOwner = new Map<KubeObject, KubeObject[]>();
    for (const object of objects) {
      if (!isUdpService(object)) continue;
      for (const pod of selectedPods(object, objects)) {
        const found = byOwner.get(pod.owner);
        if (found) found.push(object);
        else byOwner.set(pod.owner, [object]);
      }
    }
    index.udpServicesByOwner = byOwner;
  }
  return index.udpServicesByOwner.get(owner) ?? [];
}

/** A container port with where it is. */
export interface ContainerPortEntry {
  readonly container: Record<string, unknown>;
  readonly containerIndex: number;
  readonly port: Record<string, unknown>;
  readonly protocol: string;
}

/** The containers (not init containers) of a pod spec. */
export function containersOf(spec: Record<string, unknown>): Record<string, unknown>[] {
  return list(spec.containers).map((c) => record(c) ?? {});
}

/** Every declared container port of a pod spec, protocol defaulted to TCP. */
export function containerPorts(spec: Record<string, unknown>): ContainerPortEntry[] {
  const result: ContainerPortEntry[] = [];
  containersOf(spec).forEach((container, containerIndex) => {
    for (const raw of list(container.ports)) {
      const port = record(raw) ?? {};
      result.push({ container, containerIndex, port, protocol: str(port.protocol) ?? 'TCP' });
    }
  });
  return result;
}
