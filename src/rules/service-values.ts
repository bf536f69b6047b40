import { Severity } from './finding';
import { RuleInfo } from './rule';
import { Sources } from './sources';

/** UDP140: a Service selector is labels only. */
export const SELECTOR_EXPRESSIONS: RuleInfo = {
  id: 'UDP140',
  severity: Severity.ERROR,
  title: 'A Service selector can only match labels',
  why: 'spec.selector is a map of labels: a selection made with label expressions (In, NotIn, Exists) cannot be '
    + 'expressed, and dropping the expressions would select more pods than meant.',
  source: Sources.SERVICE_VALIDATION,
};

/** The checks of construct props that have no object field of their own. */
export const SERVICE_VALUE_RULES: readonly RuleInfo[] = [SELECTOR_EXPRESSIONS];
