import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

/*
 * cdk8s validates the whole app once when `app.synth()` or `app.synthYaml()` starts, and once more for each chart it
 * then synthesizes (`chart.toJson()`), so an app of N charts is validated N + 1 times per synthesis. Nothing the user
 * writes runs between those passes, so their findings are the same: the rules run in the first pass of a synthesis and
 * the later passes read what it found. Outside a synthesis (`UdpRules.findings`, `node.validate()`), they always run.
 */

/** The synthesis in progress: a token that is new for each `synth()`, `synthYaml()` or `chart.toJson()` call. */
let current: object | undefined;

/** The methods already watched, by instance. */
const watched = new WeakMap<object, Set<string>>();

/** The synthesis in progress, or `undefined` when none is. */
export function currentSynthesis(): object | undefined {
  return current;
}

/**
 * Makes the app and the charts `construct` is in tell when one of their syntheses starts and ends, by wrapping the
 * synthesis methods of those instances (never of the cdk8s classes). Idempotent.
 */
export function watchSyntheses(construct: IConstruct): void {
  const root = construct.node.root;
  for (const method of ['synth', 'synthYaml'] as const) watch(root, method);
  for (const scope of construct.node.scopes) {
    if (Chart.isChart(scope)) watch(scope, 'toJson');
  }
}

function watch(target: object, method: string): void {
  const methods = watched.get(target) ?? new Set<string>();
  const original = (target as Record<string, unknown>)[method];
  if (methods.has(method) || typeof original !== 'function') return;
  methods.add(method);
  watched.set(target, methods);
  Object.defineProperty(target, method, {
    configurable: true,
    writable: true,
    value: function synthesizing(this: unknown, ...args: unknown[]): unknown {
      if (current) return original.apply(this, args);
      current = {};
      try {
        return original.apply(this, args);
      } finally {
        current = undefined;
      }
    },
  });
}
