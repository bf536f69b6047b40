/**
 * Reading manifests for `k8s-udp lint`: files, directories and standard input; multi-document YAML and JSON (Helm,
 * `cdk8s synth` and kustomize output), `kind: List` items; each object with the file and line it comes from, and a
 * way to find the line of any field a finding names.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, Node, parseAllDocuments } from 'yaml';
import type { KubeObject } from '../rules/manifest';

/** The extensions read when a directory is given. */
export const MANIFEST_EXTENSIONS: readonly string[] = ['.yaml', '.yml', '.json'];

/**
 * Files of a directory that are no manifests by their name (kustomize's and Helm's own), left alone when a directory is
 * linted; named on the command line, they are read like any file.
 */
const NOT_MANIFESTS = /^(kustomization\.ya?ml|Kustomization|Chart\.ya?ml|values(\.[^/]*)?\.ya?ml|\.k8s-udp\.ya?ml)$/;

/** Directories never descended into. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** A position in a file: 1-based line and column. */
export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

/** One Kubernetes object read from a file, with where it is. */
export interface LoadedObject {
  /** The object as plain JSON. */
  readonly object: KubeObject;
  /** The file it comes from, as given or found (`-` read as the stdin name). */
  readonly file: string;
  /** Where the object starts. */
  readonly position: Position;
  /** Finds the position of a field path such as `spec.ports[0].nodePort`; the object's own when the path is not there. */
  locate(field: string, value?: unknown): Position;
}

/** Input that could not be read or parsed. */
export interface InputProblem {
  /** The file. */
  readonly file: string;
  /** Where, when known. */
  readonly position?: Position;
  /** What is wrong. */
  readonly message: string;
}

/** Everything read from the inputs. */
export interface LoadResult {
  /** The objects, in file order then document order. */
  readonly objects: LoadedObject[];
  /** Files that could not be read, documents that did not parse. */
  readonly problems: InputProblem[];
  /** The files read, in order. */
  readonly files: string[];
}

/** A path segment: a map key or a list index. */
type Segment = string | number;

/**
 * Splits a finding's field into segments: `spec.ports[0].nodePort` gives `spec`, `ports`, 0, `nodePort`;
 * `metadata.annotations["a/b"]` gives `metadata`, `annotations`, `a/b`. Whatever cannot be read ends the path.
 */
export function fieldSegments(field: string): { readonly segments: Segment[]; readonly key: boolean } {
  let text = field;
  let key = false;
  if (text.endsWith(' key')) {
    key = true;
    text = text.slice(0, -' key'.length);
  }
  const segments: Segment[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '.') {
      i++;
      continue;
    }
    if (text[i] === '[') {
      const index = /^\[(\d+)\]/.exec(text.slice(i));
      if (index) {
        segments.push(Number(index[1]));
        i += index[0].length;
        continue;
      }
      const quoted = /^\["((?:[^"\\]|\\.)*)"\]/.exec(text.slice(i));
      if (!quoted) break;
      try {
        segments.push(JSON.parse(`"${quoted[1]}"`) as string);
      } catch {
        break;
      }
      i += quoted[0].length;
      continue;
    }
    const name = /^[^.[\s]+/.exec(text.slice(i));
    if (!name) break;
    segments.push(name[0]);
    i += name[0].length;
  }
  return { segments, key };
}

/** The child of a YAML node at a segment, or `undefined`. */
function child(node: unknown, segment: Segment): unknown {
  if (isMap(node) && typeof segment === 'string') {
    const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === segment);
    return pair?.value ?? undefined;
  }
  if (isSeq(node) && typeof segment === 'number') return node.items[segment];
  return undefined;
}

/** Builds a loaded object over a YAML node of a file. */
function loadedObject(object: KubeObject, file: string, node: Node, lines: LineCounter): LoadedObject {
  const at = (offset: number | undefined): Position | undefined => {
    if (offset === undefined) return undefined;
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  const position = at(node.range?.[0]) ?? { line: 1, column: 1 };
  return {
    object,
    file,
    position,
    locate(field, value) {
      const { segments, key } = fieldSegments(field);
      let current: unknown = node;
      let found: Node = node;
      for (const segment of segments) {
        current = child(current, segment);
        if (current === undefined || current === null || !(current as Node).range) break;
        found = current as Node;
      }
      if (key && isMap(found) && typeof value === 'string') {
        const pair = found.items.find((p) => isScalar(p.key) && String(p.key.value) === value);
        if (pair && isScalar(pair.key)) found = pair.key;
      }
      return at(found.range?.[0]) ?? position;
    },
  };
}

/** What a value is, for a message: `a list`, `a number`, `a string`. */
function whatIs(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

/** Whether a parsed value is a plain object. */
function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Parses the text of one file: every YAML (or JSON) document, `kind: *List` objects unfolded into their items.
 * Documents that do not parse, that are no mapping (a list, a number), or that have no `apiVersion` and `kind`, and
 * `List` items that are no objects, are reported with their line; the others are still read. Empty documents (comments
 * only, a lone `---`) are no documents.
 */
export function parseManifests(text: string, file: string): { objects: LoadedObject[]; problems: InputProblem[] } {
  const lines = new LineCounter();
  const objects: LoadedObject[] = [];
  const problems: InputProblem[] = [];
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  if (text.includes('\0')) return { objects, problems: [{ file, message: 'is not a text file (it holds NUL bytes)' }] };
  const docs = parseAllDocuments(text, { lineCounter: lines, prettyErrors: false });
  if (!Array.isArray(docs)) return { objects, problems }; // an empty stream
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      // The first error of a document; the next ones usually follow from it.
      const [first, ...more] = doc.errors;
      const start = at(doc.range[0]).line;
      problems.push({
        file,
        position: at(first.pos[0]),
        message: `YAML does not parse (document from line ${start}): ${first.message.split('\n')[0]}`
          + (more.length > 0 ? ` (and ${more.length} more error${more.length === 1 ? '' : 's'})` : ''),
      });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      problems.push({ file, position: at(doc.range[0]), message: `YAML does not parse: ${(error as Error).message}` });
      continue;
    }
    if (value === null || value === undefined) continue; // an empty document (comments only, or `---` alone)
    const contents = doc.contents as Node | null;
    if (!isObject(value) || !contents) {
      problems.push({ file, position: at(contents?.range?.[0] ?? doc.range[0]), message: `is not a Kubernetes object: the document is ${whatIs(value)}` });
      continue;
    }
    unfold(value, contents, file, lines, objects, problems);
  }
  return { objects, problems };
}

/** Adds an object, or the items of a `*List` object, to `into`; what is no Kubernetes object to `problems`. */
function unfold(
  value: Record<string, unknown>, node: Node, file: string, lines: LineCounter, into: LoadedObject[], problems: InputProblem[],
): void {
  const kind = value.kind;
  const where = (n: Node | undefined): Position | undefined => {
    if (n?.range?.[0] === undefined) return undefined;
    const { line, col } = lines.linePos(n.range[0]);
    return { line, column: col };
  };
  if (typeof kind === 'string' && kind.endsWith('List') && Array.isArray(value.items)) {
    const itemsNode = child(node, 'items');
    value.items.forEach((item, index) => {
      const itemNode = child(itemsNode, index) as Node | undefined;
      if (isObject(item) && itemNode) {
        unfold(item, itemNode, file, lines, into, problems);
      } else {
        problems.push({ file, position: where(itemNode) ?? where(node), message: `items[${index}] of the ${kind} is not a Kubernetes object: it is ${whatIs(item)}` });
      }
    });
    return;
  }
  const missing = (['apiVersion', 'kind'] as const).filter((field) => typeof value[field] !== 'string' || value[field] === '');
  if (missing.length > 0) {
    problems.push({ file, position: where(node), message: `is not a Kubernetes object: it has no ${missing.join(' and no ')}` });
    return;
  }
  into.push(loadedObject(value as KubeObject, file, node, lines));
}

/** The manifest files under a directory, recursively, sorted by name code unit by code unit (the same on every machine). */
export function manifestFiles(directory: string): string[] {
  const result: string[] = [];
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
      } else if (MANIFEST_EXTENSIONS.includes(path.extname(entry.name).toLowerCase()) && !NOT_MANIFESTS.test(entry.name)) {
        result.push(full);
      }
    }
  };
  walk(directory);
  return result;
}

/** How to read the inputs. */
export interface LoadOptions {
  /** Resolves relative paths. */
  readonly cwd: string;
  /** Reads standard input, for `-`. */
  readonly readStdin: () => Promise<string>;
  /** The name standard input is reported under. */
  readonly stdinName: string;
}

/**
 * Reads every input: `-` is standard input, a directory is every `.yaml`, `.yml` and `.json` file below it, anything
 * else a file. A file that cannot be read is a problem; the other inputs are still read.
 */
export async function loadInputs(inputs: readonly string[], options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { objects: [], problems: [], files: [] };
  const read = (file: string, text: string) => {
    result.files.push(file);
    const parsed = parseManifests(text, file);
    result.objects.push(...parsed.objects);
    result.problems.push(...parsed.problems);
  };
  for (const input of inputs) {
    if (input === '-') {
      read(options.stdinName, await options.readStdin());
      continue;
    }
    const full = path.resolve(options.cwd, input);
    let files: string[];
    try {
      files = fs.statSync(full).isDirectory() ? manifestFiles(full) : [full];
    } catch (error) {
      result.problems.push({ file: input, message: `cannot be read: ${describe(error)}` });
      continue;
    }
    if (files.length === 0) {
      // A directory with nothing to lint is most likely a wrong path in CI: say so rather than pass.
      result.problems.push({ file: input, message: `has no ${MANIFEST_EXTENSIONS.join(', ')} file below it` });
      continue;
    }
    for (const file of files) {
      const shown = path.isAbsolute(input) ? file : path.relative(options.cwd, file) || input;
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        result.problems.push({ file: shown, message: `cannot be read: ${describe(error)}` });
        continue;
      }
      read(shown, text);
    }
  }
  return result;
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file or directory';
  if (e.code === 'EACCES') return 'permission denied';
  if (e.code === 'EISDIR') return 'is a directory';
  return e.message ?? String(error);
}
