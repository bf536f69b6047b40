/**
 * Creating objects for real on the API server of the run (server.ts), with @kubernetes/client-node.
 *
 * Objects are created, never server-side dry-run: a dry run allocates no nodePort, so it misses "provided port is
 * already allocated". Each set of objects goes into a fresh namespace: an object of a namespaced kind gets it (whatever
 * namespace it names), a cluster-scoped one stays as it is. Field validation is Strict, as at `kubectl apply`. Then everything created is deleted again, so the nodePorts
 * it took are free for the next set. NodePorts are allocated cluster-wide, so sets are created one at a time across
 * the test files of the run (a lock in the server's directory).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { parse } from 'yaml';
import { CRD_DIR, kubeconfigPath, STATE_DIR_ENV } from './server';

/** An object to create, and where it comes from (a file, a construct path, a generated sample). */
export interface SourcedObject {
  readonly object: any;
  readonly source: string;
  /**
   * The namespace to create it in, when not the fresh one (an invalid namespace, to see the server refuse it).
   * @default - the fresh namespace of the set
   */
  readonly namespace?: string;
}

/** The server's answer to one create. */
export type CreateResult =
  | { readonly created: true; readonly object: any }
  | { readonly created: false; readonly code: number; readonly message: string };

/** The clients of the server of the run. */
export class Cluster {
  /** Connects to the server started by global-setup.ts. */
  public static connect(): Cluster {
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(kubeconfigPath());
    return new Cluster(kc);
  }

  public readonly core: k8s.CoreV1Api;
  public readonly objects: k8s.KubernetesObjectApi;
  private namespaces = 0;

  private constructor(kc: k8s.KubeConfig) {
    this.core = kc.makeApiClient(k8s.CoreV1Api);
    this.objects = k8s.KubernetesObjectApi.makeApiClient(kc);
    // Strict field validation, as `kubectl apply` asks for by default: an unknown or duplicate field is refused, not
    // dropped in silence.
    this.objects.addInterceptor((request: any) => {
      if (request.method === 'POST') request.qs = { ...request.qs, fieldValidation: 'Strict' };
    });
  }

  /**
   * Creates a fresh namespace (deleted namespaces stay Terminating on a server without controllers: names are never
   * reused) with the `default` ServiceAccount the controller-manager would create, which Pods need.
   */
  public async freshNamespace(hint: string): Promise<string> {
    this.namespaces += 1;
    const suffix = `-${process.pid}-${this.namespaces}`;
    const base = hint.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+/, '').slice(0, 63 - suffix.length).replace(/-+$/, '');
    const name = `${base || 'test'}${suffix}`;
    await this.core.createNamespace({ metadata: { name } });
    await this.core.createNamespacedServiceAccount(name, { metadata: { name: 'default' } });
    return name;
  }

  /** Creates `object` in `namespace` when its kind is namespaced (a copy: `object` is not changed). */
  public async create(object: any, namespace: string): Promise<CreateResult> {
    const body = structuredClone(object);
    const resource = await this.resourceOf(body);
    if (!resource) {
      return { created: false, code: 404, message: `the server serves no ${body?.kind} in ${body?.apiVersion}` };
    }
    if (resource.namespaced) body.metadata = { ...body.metadata, namespace };
    try {
      return { created: true, object: (await this.objects.create(body)).body };
    } catch (e) {
      return { created: false, ...serverError(e) };
    }
  }

  /** Deletes what `create` created (already gone is fine). */
  public async delete(created: any): Promise<void> {
    try {
      await this.objects.delete(created);
    } catch (e) {
      if (serverError(e).code !== 404) throw e;
    }
  }

  /**
   * Creates `objects` in order in a fresh namespace, then deletes what was created (last first, and the namespace).
   * @returns what the server created (as it answered, defaulted and allocated), and one line per object it refused:
   *   where the object comes from, its kind and name, the server's code and message
   */
  public async createAndDelete(objects: readonly SourcedObject[], hint: string): Promise<{ created: any[]; refused: string[] }> {
    return withServerLock(async () => {
      const namespace = await this.freshNamespace(hint);
      const created: any[] = [];
      const refused: string[] = [];
      try {
        for (const { object, source, namespace: own } of objects) {
          const result = await this.create(object, own ?? namespace);
          if (result.created) created.push(result.object);
          else refused.push(`${source}: ${describe(object)} refused (${result.code}): ${result.message}`);
        }
      } finally {
        for (const object of [...created].reverse()) await this.delete(object);
        await this.core.deleteNamespace(namespace);
      }
      return { created, refused };
    });
  }

  private async resourceOf(object: any): Promise<k8s.V1APIResource | undefined> {
    // discovery of a just-established CRD's group may lag a moment behind its Established condition
    if (typeof object?.apiVersion !== 'string' || typeof object?.kind !== 'string') return undefined;
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        const resource = await (this.objects as any).resource(object.apiVersion, object.kind) as k8s.V1APIResource | undefined;
        if (resource) return resource;
      } catch {
        // the group version is not served (yet)
      }
      await sleep(250);
    }
    return undefined;
  }
}

/** `Kind namespace/name` of an object as given. */
export function describe(object: any): string {
  const name = object?.metadata?.name ?? '(no name)';
  return `${object?.kind} ${object?.metadata?.namespace ? `${object.metadata.namespace}/` : ''}${name}`;
}

/** The code and message of an error of the client: the server's Status when it answered. */
export function serverError(e: unknown): { code: number; message: string } {
  const err = e as { statusCode?: number; body?: any; message?: string };
  const status = typeof err.body === 'string' ? safeJson(err.body) : err.body;
  if (status?.kind === 'Status') return { code: status.code ?? err.statusCode ?? 0, message: status.message ?? '' };
  return { code: err.statusCode ?? 0, message: err.message ?? String(e) };
}

function safeJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `fn` while holding the run's lock: one set of objects on the server at a time, across the test workers. */
async function withServerLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = path.join(process.env[STATE_DIR_ENV] ?? path.dirname(kubeconfigPath()), 'tests.lock');
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      await sleep(20);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmdirSync(lock);
  }
}

/** Installs every CRD of ../shared/crds (already there is fine) and waits until each is Established. */
export async function installCrds(): Promise<void> {
  const kc = new k8s.KubeConfig();
  kc.loadFromFile(kubeconfigPath());
  const ext = kc.makeApiClient(k8s.ApiextensionsV1Api);
  const files = fs.readdirSync(CRD_DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
  const names: string[] = [];
  for (const file of files) {
    const crd = parse(fs.readFileSync(path.join(CRD_DIR, file), 'utf8'));
    if (crd?.kind !== 'CustomResourceDefinition') continue;
    try {
      await ext.createCustomResourceDefinition(crd);
    } catch (e) {
      const { code, message } = serverError(e);
      if (code !== 409) throw new Error(`installing the CRD ${file}: ${code} ${message}`);
    }
    names.push(crd.metadata.name);
  }
  for (const name of names) {
    for (let attempt = 0; ; attempt++) {
      const { body } = await ext.readCustomResourceDefinition(name);
      const established = body.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True');
      if (established) break;
      if (attempt >= 600) throw new Error(`the CRD ${name} is not Established: ${JSON.stringify(body.status?.conditions)}`);
      await sleep(100);
    }
  }
}
