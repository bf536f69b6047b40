import { Workload } from './workload';
import { Protocol } from '../model/protocol';

/** A port a Service sends traffic to, with the protocol it uses. */
export interface ServiceTarget {
  /** The container port number, or the name of a container port. */
  readonly targetPort: number | string;
  /** The protocol of the Service port. */
  readonly protocol: Protocol;
}

function protocolOf(port: { readonly protocol?: string }): string {
  return port.protocol ?? Protocol.TCP;
}

function wants(targets: readonly ServiceTarget[], key: number | string, protocol: string): boolean {
  return targets.some((t) => t.targetPort === key && t.protocol === protocol);
}

/**
 * Makes a cdk8s-plus pod or workload right for the Services that target it:
 *
 * - every container port a Service targets is declared with the Service's protocol. A port that cdk8s-plus declared
 *   with no protocol (from `portNumber`) becomes UDP when only UDP targets it; a port declared TCP on purpose gets a
 *   UDP twin. A numeric target no container declares is added to the only container, when there is just one.
 * - the TCP `startupProbe` cdk8s-plus derives from `portNumber` is removed from a container whose port is now UDP
 *   only: a TCP connect to a UDP-only port never succeeds, and the pod would crash-loop.
 *
 * Targets accumulate over every Service of this library that selects the pod, so that the TCP and the UDP Service of a
 * split endpoint both keep their declaration. Containers added to the workload after this call are not adjusted; the
 * rules UDP201-UDP203 report what they get wrong at synthesis.
 */
export function adjustWorkloadPorts(workload: Workload, targets: readonly ServiceTarget[]): void {
  const all = workload.targets as ServiceTarget[];
  for (const target of targets) {
    if (!wants(all, target.targetPort, target.protocol)) all.push(target);
  }
  const containers = workload.servingContainers;
  for (const target of all) {
    const key = target.targetPort;
    const matches = (p: { number: number; name?: string }) => (typeof key === 'number' ? p.number === key : p.name === key);
    const declared = containers.flatMap((container) => container.ports.filter(matches).map((port) => ({ container, port })));
    if (declared.some(({ port }) => protocolOf(port) === target.protocol)) continue;

    const implicit = declared.find(({ port }) => port.protocol === undefined);
    if (implicit && !wants(all, key, Protocol.TCP)) {
      implicit.port.protocol = target.protocol;
      continue;
    }
    if (typeof key !== 'number') continue; // a named port keeps its name: rule UDP201 reports the mismatch
    if (declared.length > 0) {
      declared[0].container.addPort({ number: key, protocol: target.protocol });
    } else if (containers.length === 1) {
      containers[0].addPort({ number: key, protocol: target.protocol });
    }
  }
  for (const container of containers) {
    const port = (workload.startupProbeOf(container)?.tcpSocket as { port?: { value?: unknown } } | undefined)?.port?.value;
    if (port === undefined) continue;
    const same = container.ports.filter((p) => p.number === port || p.name === port);
    if (same.length > 0 && same.every((p) => protocolOf(p) === Protocol.UDP)) workload.removeStartupProbe(container);
  }
}
