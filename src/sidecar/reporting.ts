import type { IConstruct } from 'constructs';
import type { Finding } from '../rules/finding';

/** Sidecars whose findings a construct that made them reports, under its own path and prop names. */
const delegated = new WeakSet<IConstruct>();

/**
 * Makes `sidecar` report nothing itself: the construct that created it from its own props (the NLB's `healthSidecar`)
 * reports the sidecar's findings under its path, with the prop names its user wrote (`healthSidecar.httpPort`).
 *
 * @returns the sidecar's findings, fields prefixed with `prefix`
 */
export function delegateFindings(sidecar: IConstruct & { findings(): Finding[] }, prefix: string): () => Finding[] {
  delegated.add(sidecar);
  return () => sidecar.findings().map((finding) => ({ ...finding, field: `${prefix}${finding.field}` }));
}

/** Whether a construct that made `sidecar` reports its findings. */
export function isDelegated(sidecar: IConstruct): boolean {
  return delegated.has(sidecar);
}
