/** Containers that serve no traffic of their own (the health-check sidecar): never a target's container. */
const auxiliary = new WeakSet<object>();

/**
 * Marks a container as auxiliary (a sidecar that serves no Service traffic), so that a Service's undeclared target
 * port is never declared on it: the health-check sidecar marks its container.
 */
export function markAuxiliaryContainer(container: object): void {
  auxiliary.add(container);
}

/** Whether a container was marked auxiliary. */
export function isAuxiliaryContainer(container: object): boolean {
  return auxiliary.has(container);
}
