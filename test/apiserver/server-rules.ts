/** The rules that stand for the API server: errors whose source is its validation or its nodePort allocation. */
import { OBJECT_RULES, Severity } from '../../src';
import { Sources } from '../../src/rules/sources';

const SERVER_SOURCES: readonly string[] = [
  Sources.SERVICE_VALIDATION, Sources.NODEPORT_ALLOCATOR, Sources.NAME_VALIDATION, Sources.OBJECT_META_VALIDATION,
];

/** The ids of the error rules whose source is the API server's validation or allocation, sorted. */
export const API_SERVER_RULES: readonly string[] = OBJECT_RULES
  .filter((r) => r.severity === Severity.ERROR && SERVER_SOURCES.includes(r.source))
  .map((r) => r.id)
  .sort();
