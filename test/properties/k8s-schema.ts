/**
 * Structural check of synthesized objects against the Kubernetes 1.28 API schema.
 *
 * The schema comes from `@kubernetes/client-node@0.20.0` (a dev dependency, pinned): its models are generated from the
 * OpenAPI document of Kubernetes `release-1.28` (each model file says so; checked below) and carry, per type, every
 * field's JSON name and type (`attributeTypeMap`, read at run time) and which fields are required (the fields
 * declared without `?` in the model's `.d.ts`). Only the model files are loaded, never the client itself.
 *
 * Checked, for every object: its apiVersion/kind is served by a 1.28 API server (cdk8s-plus-28's api-resources.txt)
 * and has a 1.28 model; no field the 1.28 schema does not define (the API server drops such a field with a warning, or
 * refuses it under strict field validation, kubectl's default); every required field present; every value of its type
 * (string, boolean, integer, int-or-string, RFC 3339 time, list, map, nested object). DNSEndpoints are checked against
 * the CRD's own schema (../k8s/dns-endpoint-schema.ts). Any other kind fails.
 *
 * Not checked (not in the OpenAPI schema either, or lost by the generator): enum values (`protocol: UDPX`), formats
 * and patterns (DNS labels, quantities), ranges (port 0), list uniqueness, cross-field rules. The rule engine and the
 * property tests' own assertions cover those the library cares about. A `null` for an optional field is taken as
 * absent, as the API server does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dnsEndpointCrd, schemaErrors as dnsEndpointErrors } from '../k8s/dns-endpoint-schema';

/** apiVersion/kind pairs served by a Kubernetes 1.28 API server (the list cdk8s-plus-28 was generated with). */
export const API_RESOURCES = ((): Set<string> => {
  const [header, ...rows] = fs.readFileSync(path.join(require.resolve('cdk8s-plus-28/package.json'), '..', 'api-resources.txt'), 'utf8')
    .split('\n').filter((line) => line.trim().length > 0);
  const column = (row: string, name: string) => row.slice(header.indexOf(name)).trim().split(/\s+/)[0];
  return new Set(rows.map((row) => `${column(row, 'APIVERSION')} ${column(row, 'KIND')}`));
})();

const MODEL_DIR = path.join(require.resolve('@kubernetes/client-node/package.json'), '..', 'dist', 'gen', 'model');
/** The OpenAPI document the models were generated from. */
export const KUBERNETES_SCHEMA_RELEASE = (() => {
  const release = /The version of the OpenAPI document: (\S+)/.exec(fs.readFileSync(path.join(MODEL_DIR, 'v1Service.js'), 'utf8'))?.[1];
  if (release !== 'release-1.28') throw new Error(`@kubernetes/client-node models are of ${release}, not release-1.28`);
  return release;
})();

interface Field { readonly type: string; readonly required: boolean }
interface Model { readonly name: string; readonly fields: ReadonlyMap<string, Field> }

const models = new Map<string, Model | undefined>();

/** The 1.28 model `name` (e.g. `V1ServicePort`), or undefined when there is none. */
function model(name: string): Model | undefined {
  if (models.has(name)) return models.get(name);
  const file = path.join(MODEL_DIR, name[0].toLowerCase() + name.slice(1));
  let result: Model | undefined;
  if (/^[A-Za-z0-9]+$/.test(name) && fs.existsSync(`${file}.js`)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const attributes: { name: string; baseName: string; type: string }[] = require(file)[name].attributeTypeMap;
    // The generated declarations: `'port': number;` is required, `'name'?: string;` is not.
    const required = new Set([...fs.readFileSync(`${file}.d.ts`, 'utf8').matchAll(/^\s+'([^']+)':/gm)].map((m) => m[1]));
    for (const r of required) {
      if (!attributes.some((a) => a.name === r)) throw new Error(`${name}: required field ${r} is not among its attributes`);
    }
    result = { name, fields: new Map(attributes.map((a) => [a.baseName, { type: a.type, required: required.has(a.name) }])) };
  }
  models.set(name, result);
  return result;
}

/** The model of a top-level object: `CoreV1Event` for `v1 Event`, `V1Service` for `v1 Service`, `V2HorizontalPodAutoscaler`... */
function topLevelModel(apiVersion: string, kind: string): Model | undefined {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
  const upper = (s: string) => s[0].toUpperCase() + s.slice(1);
  // Kinds of the same version in two groups (Event) are prefixed with the group's first label.
  return model(`${upper(group.split('.')[0])}${upper(version)}${kind}`) ?? model(`${upper(version)}${kind}`);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function child(at: string, key: string): string {
  const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
  if (at === '') return name;
  return name.startsWith('"') ? `${at}[${name}]` : `${at}.${name}`;
}

/** Appends to `errors` what is wrong with `value` as a `type` (a client-node type string) at `at`. */
function check(value: unknown, type: string, at: string, errors: string[], inModel: string): void {
  const where = at === '' ? '(root)' : at;
  const expected = (what: string): void => {
    errors.push(`${where}: expected ${what}, got ${show(value)}`);
  };
  const list = /^Array<(.+)>$/.exec(type);
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (type === 'object' || type === 'any') return;
  if (type === 'string') {
    if (typeof value !== 'string') expected('a string');
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') expected('a boolean');
  } else if (type === 'number') {
    // Every number of the 1.28 schema is an integer (int32/int64) but JSONSchemaProps' minimum/maximum/multipleOf.
    const integer = !inModel.endsWith('JSONSchemaProps');
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) expected(integer ? 'an integer' : 'a number');
  } else if (type === 'IntOrString') {
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isInteger(value))) expected('an integer or a string');
  } else if (type === 'Date' || type === 'V1MicroTime') {
    if (typeof value !== 'string' || !RFC3339.test(value)) expected('an RFC 3339 time');
  } else if (list) {
    if (!Array.isArray(value)) return expected('a list');
    value.forEach((item, i) => check(item, list[1], `${at}[${i}]`, errors, inModel));
  } else if (map) {
    if (!isObject(value)) return expected('a map');
    for (const [key, item] of Object.entries(value)) check(item, map[1], child(at, key), errors, inModel);
  } else {
    const m = model(type);
    if (!m) throw new Error(`k8s-schema: no model ${type} in @kubernetes/client-node (at ${where})`);
    if (!isObject(value)) return expected(`an object (${m.name})`);
    checkFields(value, m, at, errors);
  }
}

function checkFields(value: Record<string, unknown>, m: Model, at: string, errors: string[]): void {
  for (const [key, item] of Object.entries(value)) {
    const field = m.fields.get(key);
    if (!field) errors.push(`${child(at, key)}: unknown field (not in the Kubernetes 1.28 schema of ${m.name})`);
    else if (item !== undefined && item !== null) check(item, field.type, child(at, key), errors, m.name);
  }
  for (const [key, field] of m.fields) {
    if (field.required && (value[key] === undefined || value[key] === null)) errors.push(`${child(at, key)}: required field missing (${m.name})`);
  }
}

let dnsEndpoint: { apiVersion: string; kind: string } | undefined;

/**
 * What is wrong with `object` as a Kubernetes 1.28 object, one `Kind/name path: message` line each; empty when it
 * fits. An apiVersion/kind that a 1.28 API server does not serve (nor the DNSEndpoint CRD) is an error.
 */
export function kubernetes128Errors(object: unknown): string[] {
  if (!isObject(object)) return [`(root): expected an object, got ${show(object)}`];
  const { apiVersion, kind } = object;
  const metadata = isObject(object.metadata) ? object.metadata : {};
  const prefix = `${String(kind)}/${String(metadata.name ?? '?')} `;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return [`${prefix}(root): apiVersion and kind must be strings`];
  // optional in the schema, but the API server refuses an object to create without a name or generateName
  const named = typeof metadata.name === 'string' || typeof metadata.generateName === 'string';
  if (!named) return [`${prefix}metadata.name: required to create the object (or metadata.generateName)`];
  dnsEndpoint ??= dnsEndpointCrd();
  if (kind === dnsEndpoint.kind) {
    if (apiVersion !== dnsEndpoint.apiVersion) return [`${prefix}apiVersion: ${apiVersion} is not the DNSEndpoint CRD's ${dnsEndpoint.apiVersion}`];
    return dnsEndpointErrors(object).map((e) => prefix + e);
  }
  const m = API_RESOURCES.has(`${apiVersion} ${kind}`) ? topLevelModel(apiVersion, kind) : undefined;
  if (!m) return [`${prefix}(root): ${apiVersion} ${kind} is not a kind of Kubernetes 1.28 (nor the DNSEndpoint CRD)`];
  const errors: string[] = [];
  checkFields(object, m, '', errors);
  return errors.map((e) => prefix + e);
}

/** Asserts that every object fits the Kubernetes 1.28 schema (DNSEndpoints: the CRD's), listing every misfit. */
export function expectFitsKubernetes128(objects: readonly unknown[]): void {
  expect(objects.flatMap((o) => kubernetes128Errors(o))).toEqual([]);
}
