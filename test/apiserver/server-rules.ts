/**
 * The rules that stand for the API server: errors whose source is its validation or its nodePort allocation, and
 * whose `why` says the API server refuses (or, for the allocator, what it answers). Rules that link the validation
 * code for another reason (what kube-proxy or a load balancer then does) are not among them.
 */
import { OBJECT_RULES, Severity } from '../../src';
import { Sources } from '../../src/rules/sources';

const VALIDATION_SOURCES: readonly string[] = [Sources.SERVICE_VALIDATION, Sources.NAME_VALIDATION, Sources.OBJECT_META_VALIDATION];

/** The ids of the rules that stand for the API server, sorted. */
export const API_SERVER_RULES: readonly string[] = OBJECT_RULES
  .filter((r) => r.severity === Severity.ERROR)
  .filter((r) => r.source === Sources.NODEPORT_ALLOCATOR
    || (VALIDATION_SOURCES.includes(r.source) && /API server (rejects|refuses)/.test(r.why)))
  .map((r) => r.id)
  .sort();
