import { Chart, Testing } from 'cdk8s';
import { UdpRules } from '../../src';
import { Sources } from '../../src/core/sources';

/** Warnings are asserted through UdpRules.findings, not printed during tests. */
UdpRules.onWarning(() => undefined);

/** A fresh chart in a fresh app. */
export function chart(): Chart {
  return Testing.chart();
}

/** The synthesized objects of `kind`. */
export function objectsOf(c: Chart, kind: string): any[] {
  return Testing.synth(c).filter((o) => o.kind === kind);
}

/** The one synthesized object of `kind`. */
export function only(c: Chart, kind: string): any {
  const found = objectsOf(c, kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0];
}

export const SVC = Sources.SERVICE_VALIDATION;
export const ALLOC = Sources.NODEPORT_ALLOCATOR;
export const NAMES = Sources.NAME_VALIDATION;
