/**
 * Validation of the objects the gateway constructs emit against the OpenAPI schemas of their CRDs, read at test time
 * from ../shared/crds (Gateway API v1.6.1 standard channel, the AWS Load Balancer Controller's gateway CRDs, ExternalDNS),
 * never copied into the project. Every version a CRD file holds is used (the `v1alpha2` routes too, whose schema the
 * standard channel still carries unserved). Object schemas that list their properties refuse any other, since the API
 * server prunes unknown fields silently.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parseAllDocuments } from 'yaml';

export const CRDS_DIR = path.resolve(__dirname, '..', '..', '..', 'shared', 'crds');

function strict(schema: any): any {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== 'object') return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    result[key] = key === 'properties'
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, strict(v)]))
      : strict(value);
  }
  if (schema.properties && schema.additionalProperties === undefined && !schema['x-kubernetes-preserve-unknown-fields']) {
    result.additionalProperties = false;
  }
  return result;
}

/** A CRD version: its apiVersion, kind, schema and whether the API server serves it. */
export interface CrdVersion {
  readonly apiVersion: string;
  readonly kind: string;
  readonly served: boolean;
  readonly schema: any;
}

let versions: CrdVersion[] | undefined;

/** Every version of every CRD under ../shared/crds. */
export function crdVersions(): CrdVersion[] {
  if (!versions) {
    versions = [];
    for (const file of fs.readdirSync(CRDS_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
      for (const doc of parseAllDocuments(fs.readFileSync(path.join(CRDS_DIR, file), 'utf8'))) {
        const crd = doc.toJS();
        if (crd?.kind !== 'CustomResourceDefinition') continue;
        for (const v of crd.spec.versions) {
          versions.push({ apiVersion: `${crd.spec.group}/${v.name}`, kind: crd.spec.names.kind, served: v.served, schema: v.schema.openAPIV3Schema });
        }
      }
    }
  }
  return versions;
}

const validators = new Map<string, ValidateFunction>();
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

/** The errors of `object` against its CRD's schema, as `path message` lines; `undefined` when no CRD has its kind. */
export function crdSchemaErrors(object: any): string[] | undefined {
  const key = `${object.apiVersion} ${object.kind}`;
  let validate = validators.get(key);
  if (!validate) {
    const version = crdVersions().find((v) => v.apiVersion === object.apiVersion && v.kind === object.kind);
    if (!version) return undefined;
    validate = ajv.compile(strict(version.schema));
    validators.set(key, validate);
  }
  if (validate(object)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${e.params.additionalProperty})` : ''}`);
}

/**
 * Asserts that every object of a CRD kind among `objects` is valid against its schema, and returns the
 * `apiVersion kind` of those it checked.
 */
export function expectValidCustomObjects(objects: any[]): string[] {
  const checked: string[] = [];
  for (const object of objects) {
    const errors = crdSchemaErrors(object);
    if (errors === undefined) continue;
    expect({ object: `${object.kind} ${object.metadata?.name}`, errors }).toEqual({ object: `${object.kind} ${object.metadata?.name}`, errors: [] });
    checked.push(`${object.apiVersion} ${object.kind}`);
  }
  return checked;
}

/** The CEL rules (`x-kubernetes-validations` messages) of a CRD version's schema, each once, sorted. */
export function celMessages(apiVersion: string, kind: string): string[] {
  const version = crdVersions().find((v) => v.apiVersion === apiVersion && v.kind === kind);
  const found = new Set<string>();
  const walk = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const rule of node['x-kubernetes-validations'] ?? []) found.add(String(rule.message ?? rule.rule).replace(/\s+/g, ' ').trim());
    Object.values(node).forEach(walk);
  };
  walk(version?.schema);
  return [...found].sort();
}
