import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { UdpRules } from '../../src';

UdpRules.onWarning(() => undefined);

/** One prop of the audit. */
export interface PropCase<P> {
  /** A valid value, different from the default. */
  readonly valid: unknown;
  /** A value of the wrong type (untyped input). */
  readonly wrong: unknown;
  /** Props the prop acts on, set in the run with it and in the one without it. */
  readonly with?: Partial<P>;
}

/** What one build gave. */
interface Built {
  readonly objects?: unknown[];
  readonly findings: Array<{ readonly ruleId: string; readonly field: string }>;
  readonly thrown?: string;
}

function build<P>(make: (scope: Construct, props: P) => void, props: P): Built {
  const c = Testing.chart();
  try {
    make(c, props);
    const findings = UdpRules.findings(c).map((f) => ({ ruleId: f.ruleId, field: f.field }));
    let objects: unknown[] | undefined;
    try {
      objects = Testing.synth(c);
    } catch {
      objects = undefined; // an error finding fails synthesis: the finding says why
    }
    return { objects, findings };
  } catch (error) {
    return { findings: [], thrown: (error as Error).stack };
  }
}

/**
 * Audits every prop of a construct: a valid value takes effect (the synthesized objects or the findings change), and a
 * value of the wrong type is a finding that names the prop (or a field of the object it sets), never a TypeError.
 * `cases` is typed by the props interface, so a prop without an entry fails the type check.
 */
export function auditProps<P extends object>(make: (scope: Construct, props: P) => void, base: P, cases: Record<keyof P, PropCase<P>>): void {
  test('the baseline synthesizes with no finding', () => {
    const baseline = build(make, base);
    expect(baseline.thrown).toBeUndefined();
    expect(baseline.findings).toEqual([]);
  });

  describe.each(Object.entries(cases) as Array<[string, PropCase<P>]>)('%s', (prop, { valid, wrong, with: extra }) => {
    test('a valid value takes effect or is a finding', () => {
      const without = build(make, { ...base, ...extra });
      const result = build(make, { ...base, ...extra, [prop]: valid });
      expect(result.thrown).toBeUndefined();
      const changed = JSON.stringify(result.objects) !== JSON.stringify(without.objects)
        || JSON.stringify(result.findings) !== JSON.stringify(without.findings);
      expect(changed).toBe(true);
    });

    test('a value of the wrong type is a finding naming the prop, never a TypeError', () => {
      const result = build(make, { ...base, ...extra, [prop]: wrong });
      expect(result.thrown).toBeUndefined();
      const named = result.findings.map((f) => f.field).filter((field) => field === prop || field.startsWith(`${prop}.`)
        || field.startsWith(`${prop}[`) || field.startsWith('spec.') || field.startsWith('metadata'));
      expect(named).not.toEqual([]);
    });
  });
}
