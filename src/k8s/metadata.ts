import { ApiObjectMetadata } from 'cdk8s';
import { Finding } from '../rules/finding';
import { findingOf } from '../rules/rule';
import { SERVICE_PROP_TYPE } from '../rules/service-values';

/**
 * Metadata for an L1 object without the keys whose value is `undefined`: cdk8s builds an object's metadata as
 * `{ name: generated, ...metadata }`, so a `name: undefined` (from untyped callers, or a derived name that does not
 * exist) would erase the generated name and the object would reach the API server with none.
 */
export function objectMetadata(metadata: ApiObjectMetadata | undefined): ApiObjectMetadata | undefined {
  if (metadata === undefined || metadata === null || typeof metadata !== 'object') return metadata;
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined)) as ApiObjectMetadata;
}

/** UDP146 for a `metadata` prop that is no object (untyped input); such metadata is not used. */
export function metadataFindings(value: unknown): Finding[] {
  if (value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value))) return [];
  return [findingOf(SERVICE_PROP_TYPE, {
    field: 'metadata', value, message: 'must be an object', allowed: 'an object with name, namespace, labels, annotations',
  })];
}

/** The `metadata` prop when it is an object, else none (reported by `metadataFindings`). */
export function metadataProp(value: unknown): ApiObjectMetadata | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as ApiObjectMetadata : undefined;
}
