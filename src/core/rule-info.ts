import { Finding, Severity, Violation } from './finding';

/**
 * An example of what a rule reports (`bad`) or accepts (`good`): the Kubernetes objects a rule over objects checks,
 * or, for a check of construct props or Pulumi arguments, a snippet of TypeScript that builds the construct.
 */
export interface RuleExample {
  /**
   * The objects, as they appear in a manifest (a rule over objects: what `k8s-udp lint` and the constructs check).
   * @default - none: the example is `code`
   */
  readonly objects?: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /**
   * TypeScript that builds a construct in `chart` (cdk8s) or a Pulumi component (with `pulumi: true`): a check of
   * props. Names of the library, `Duration`, `kplus` (cdk8s-plus) and a `deployment` serving UDP 53 are in scope.
   * @default - none: the example is `objects`
   */
  readonly code?: string;
  /**
   * The cluster's Kubernetes version the objects are checked for (`k8s-udp lint --kubernetes-version`).
   * @default - unknown
   */
  readonly kubernetesVersion?: string;
  /**
   * The cluster's load-balancer implementation the objects are checked for (`k8s-udp lint --provider`).
   * @default - unknown
   */
  readonly provider?: string;
  /**
   * The ExternalDNS release the objects are checked for (`k8s-udp lint --external-dns-version`).
   * @default - unknown: the current release line
   */
  readonly externalDnsVersion?: string;
  /**
   * The cluster's Gateway API release channel the objects are checked for (`standard` or `experimental`).
   * @default - unknown
   */
  readonly gatewayApiChannel?: string;
  /**
   * Whether `code` builds a Pulumi component (`k8s-udp-constructs/pulumi`) rather than a cdk8s construct.
   * @default false
   */
  readonly pulumi?: boolean;
}

/** What every rule of the catalog states about itself. */
export interface RuleInfo {
  /** Stable id, for example `UDP101`. Never reused for another check. */
  readonly id: string;
  /** The severity unless overridden. */
  readonly severity: Severity;
  /** What it checks, in one line. */
  readonly title: string;
  /** Why it matters: what goes wrong when it is ignored. */
  readonly why: string;
  /** How to fix a finding, in a sentence or two. */
  readonly fix: string;
  /** Where the facts come from (URLs); findings quote the first. */
  readonly sources: readonly string[];
  /** Input the rule reports. */
  readonly bad: RuleExample;
  /** The same input, fixed: the rule reports nothing. */
  readonly good: RuleExample;
}

/**
 * Orders rules by id, code unit by code unit (ids are ASCII): the same order on every machine, and no collator to load
 * (`localeCompare` would load ICU's when the library is imported).
 */
export function byRuleId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A finding of a rule that checks a value rather than an object (a prop of a construct, an argument of a Pulumi
 * component): the same identity, severity and source as an object rule.
 */
export function findingOf(rule: RuleInfo, violation: Violation): Finding {
  return { ...violation, ruleId: rule.id, severity: rule.severity, source: rule.sources[0] };
}
