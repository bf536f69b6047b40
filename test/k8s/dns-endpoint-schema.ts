/**
 * Validation of DNSEndpoint objects against the CRD's own openAPIV3Schema, read at test time from
 * ../shared/crds/externaldns.k8s.io_dnsendpoints.yaml (never copied into the project).
 *
 * The API server prunes unknown fields of a structural schema silently (a `recordTtl` would just vanish), so the
 * schema is made strict here: every object schema that lists its properties refuses any other.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

/** The CRD file, relative to the repository root. */
export const DNS_ENDPOINT_CRD = path.resolve(__dirname, '..', '..', '..', 'shared', 'crds', 'externaldns.k8s.io_dnsendpoints.yaml');

function strict(schema: any): any {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== 'object') return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    result[key] = key === 'properties'
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, strict(v)]))
      : strict(value);
  }
  if (schema.properties && schema.additionalProperties === undefined) result.additionalProperties = false;
  return result;
}

/** The CRD's served version, group, kind and schema. */
export function dnsEndpointCrd(): { apiVersion: string; kind: string; schema: any } {
  const crd = parse(fs.readFileSync(DNS_ENDPOINT_CRD, 'utf8'));
  const version = crd.spec.versions.find((v: any) => v.served && v.storage);
  return { apiVersion: `${crd.spec.group}/${version.name}`, kind: crd.spec.names.kind, schema: version.schema.openAPIV3Schema };
}

let validator: ValidateFunction | undefined;

/** The errors of `object` against the DNSEndpoint schema (strict), as `path message` lines; empty when it is valid. */
export function schemaErrors(object: unknown): string[] {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    validator = ajv.compile(strict(dnsEndpointCrd().schema));
  }
  if (validator(object)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${e.params.additionalProperty})` : ''}`);
}

/**
 * Asserts that every DNSEndpoint of `objects` is of the CRD's apiVersion and kind and valid against its schema, and
 * returns them.
 */
export function expectValidDnsEndpoints(objects: any[]): any[] {
  const { apiVersion, kind } = dnsEndpointCrd();
  const endpoints = objects.filter((o) => o.kind === kind);
  for (const endpoint of endpoints) {
    expect(endpoint.apiVersion).toBe(apiVersion);
    expect(schemaErrors(endpoint)).toEqual([]);
  }
  return endpoints;
}
