import { IConstruct } from 'constructs';
import { withChartRuns } from './object-validation';
import { currentSynthesis, watchSyntheses } from './synthesis';
import { Finding, formatFinding, Severity } from '../core/finding';

/** Produces the findings of one construct: its objects run through the rule engine, plus checks of its props. */
export type FindingsProducer = () => readonly Finding[];

const producers = new WeakMap<IConstruct, FindingsProducer>();
const silenced = new WeakMap<IConstruct, Set<string>>();
const printed = new Set<string>();
let warningHandler: (message: string) => void = (message) => console.warn(message);

/**
 * The rule engine as the constructs use it: silence rules for part of an app, read the findings of an app, and
 * choose where warnings go.
 *
 * Errors fail `app.synth()` (all of them reported together, each with its construct path, and nothing written);
 * warnings are printed and never fail synthesis.
 */
export class UdpRules {
  /**
   * Silences rules for `scope` and every construct below it, for example a single-replica warning on a test chart:
   * `UdpRules.silence(chart, 'UDP205')`.
   */
  public static silence(scope: IConstruct, ...ruleIds: string[]): void {
    const ids = silenced.get(scope) ?? new Set<string>();
    for (const id of ruleIds) ids.add(id.trim().toUpperCase());
    silenced.set(scope, ids);
  }

  /** Every finding, errors and warnings, of the constructs of this library at or below `scope`, after silencing. */
  public static findings(scope: IConstruct): Finding[] {
    return withChartRuns(() => scope.node.findAll().flatMap((construct) => findingsOf(construct)));
  }

  /** The findings of `scope`, rendered as the messages synthesis reports. */
  public static messages(scope: IConstruct): string[] {
    return withChartRuns(() => scope.node.findAll()
      .flatMap((construct) => findingsOf(construct).map((f) => formatFinding(f, construct.node.path))));
  }

  /**
   * Where warnings go at synthesis (each distinct message once per process).
   * @default console.warn
   */
  public static onWarning(handler: (message: string) => void): void {
    warningHandler = handler;
  }

  private constructor() {}
}

function isSilenced(construct: IConstruct, ruleId: string): boolean {
  return construct.node.scopes.some((scope) => silenced.get(scope)?.has(ruleId) ?? false);
}

function findingsOf(construct: IConstruct): Finding[] {
  const producer = producers.get(construct);
  if (!producer) return [];
  return producer().filter((finding) => !isSilenced(construct, finding.ruleId));
}

/**
 * Registers a construct's findings with `node.addValidation`: its errors fail synthesis together with every other
 * error of the app; its warnings go to the warning handler.
 */
export function addRuleValidation(construct: IConstruct, producer: FindingsProducer): void {
  producers.set(construct, producer);
  watchSyntheses(construct);
  // the errors of the first validation pass of a synthesis, returned again by its later passes
  let last: { readonly synthesis: object; readonly errors: string[] } | undefined;
  construct.node.addValidation({
    validate: () => {
      const synthesis = currentSynthesis();
      if (synthesis && last?.synthesis === synthesis) return last.errors;
      const errors: string[] = [];
      for (const finding of findingsOf(construct)) {
        const message = formatFinding(finding, construct.node.path);
        if (finding.severity === Severity.ERROR) {
          // cdk8s shows each error under its construct path, "[path] message": the path once
          errors.push(formatFinding(finding, ''));
        } else if (!printed.has(message)) {
          printed.add(message);
          warningHandler(`${finding.severity === Severity.INFO ? 'info' : 'warning'}: ${message}`);
        }
      }
      last = synthesis ? { synthesis, errors } : undefined;
      return errors;
    },
  });
}
