import * as kplus from 'cdk8s-plus-28';
import { Protocol } from '../model/protocol';
import { isAuxiliaryContainer } from '../validation/auxiliary-containers';

/** A port a Service sends traffic to, with the protocol it uses. */
export interface ServiceTarget {
  /** The container port number, or the name of a container port. */
  readonly targetPort: number | string;
  /** The protocol of the Service port. */
  readonly protocol: Protocol;
}

/** A container port whose fields this module may set: cdk8s-plus hands out the very objects it renders. */
type MutablePort = { -readonly [K in keyof kplus.ContainerPort]: kplus.ContainerPort[K] };

/** cdk8s-plus keeps the startup probe it derives from `portNumber` in a private field. */
interface StartupProbeHolder {
  _startup?: { _toKube(container: kplus.Container): { tcpSocket?: { port?: { value?: unknown } } } };
}

/** The targets of every Service of this library that selects a pod. */
const registered = new WeakMap<kplus.AbstractPod, ServiceTarget[]>();

function protocolOf(port: kplus.ContainerPort): string {
  return port.protocol ?? Protocol.TCP;
}

function wants(targets: readonly ServiceTarget[], key: number | string, protocol: Protocol): boolean {
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
export function adjustWorkloadPorts(pod: kplus.AbstractPod, targets: readonly ServiceTarget[]): void {
  // every Service of this library that targets the pod counts: a TCP Service and a UDP Service on one port (a split
  // endpoint) need both declarations
  const all = registered.get(pod) ?? [];
  for (const target of targets) {
    if (!wants(all, target.targetPort, target.protocol)) all.push(target);
  }
  registered.set(pod, all);
  targets = all;
  const containers = pod.containers.filter((container) => !isAuxiliaryContainer(container));
  for (const target of targets) {
    const key = target.targetPort;
    const matches = (p: kplus.ContainerPort) => (typeof key === 'number' ? p.number === key : p.name === key);
    const declared = containers.flatMap((container) => container.ports.filter(matches).map((port) => ({ container, port })));
    if (declared.some(({ port }) => protocolOf(port) === target.protocol)) continue;

    const implicit = declared.find(({ port }) => port.protocol === undefined);
    if (implicit && !wants(targets, key, Protocol.TCP)) {
      (implicit.port as MutablePort).protocol = target.protocol as unknown as kplus.Protocol;
      continue;
    }
    if (typeof key !== 'number') continue; // a named port keeps its name: rule UDP201 reports the mismatch
    if (declared.length > 0) {
      declared[0].container.addPort({ number: key, protocol: target.protocol as unknown as kplus.Protocol });
    } else if (containers.length === 1) {
      containers[0].addPort({ number: key, protocol: target.protocol as unknown as kplus.Protocol });
    }
  }
  for (const container of containers) removeImpossibleStartupProbe(container);
}

/** Removes a tcpSocket startup probe that targets a port the container declares only as UDP. */
function removeImpossibleStartupProbe(container: kplus.Container): void {
  const holder = container as unknown as StartupProbeHolder;
  const probe = holder._startup?._toKube(container);
  const port = probe?.tcpSocket?.port?.value;
  if (port === undefined) return;
  const same = container.ports.filter((p) => p.number === port || p.name === port);
  if (same.length > 0 && same.every((p) => protocolOf(p) === Protocol.UDP)) {
    holder._startup = undefined;
  }
}
