import { ApiObjectMetadata } from 'cdk8s';

/**
 * Metadata for an L1 object without the keys whose value is `undefined`: cdk8s builds an object's metadata as
 * `{ name: generated, ...metadata }`, so a `name: undefined` (from untyped callers, or a derived name that does not
 * exist) would erase the generated name and the object would reach the API server with none.
 */
export function objectMetadata(metadata: ApiObjectMetadata | undefined): ApiObjectMetadata | undefined {
  if (metadata === undefined || metadata === null || typeof metadata !== 'object') return metadata;
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined)) as ApiObjectMetadata;
}
