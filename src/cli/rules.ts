/**
 * The rules `k8s-udp lint` runs: the catalog's object rules (UDP1xx-UDP5xx), the same implementation the constructs
 * run from `node.addValidation`.
 */
import { findRule, OBJECT_RULES } from '../rules/catalog';
import { Rule } from '../rules/rule';

/** Every rule the linter runs, in id order. */
export const LINT_RULES: readonly Rule[] = OBJECT_RULES;

/** The linter's rule with `id` (any case), or `undefined`. */
export function findLintRule(id: string): Rule | undefined {
  return findRule(id);
}
