import { PortRange } from './port-range';
import { Finding, formatFinding, Severity } from '../rules/finding';
import { Sources } from '../rules/sources';

/**
 * One Service port pinned to a NodePort: the single place its numbers are written, shared by the cdk8s chart (the
 * `UdpService` or `DualProtocolEndpoint` that requests `nodePort`) and the Pulumi program (the `NlbUdpLoadBalancer`
 * listener whose `targetPort` is that NodePort, or the health check's `port`).
 */
export interface PinnedNodePort {
  /** The Service port (and the load balancer's listener port). */
  readonly port: number;
  /** The NodePort every node opens for it, in the cluster's `--service-node-port-range`. */
  readonly nodePort: number;
}

/**
 * Freezes a plain map of named ports after checking it: every `port` 1..65535, every `nodePort` in `range`, and no
 * NodePort used by two entries with different ports (the API server refuses that: "provided port is already
 * allocated"; a TCP and a UDP entry of the same port share one NodePort, so use one entry for both).
 *
 * Keep the result in a constants module that has no imports, and import it from both programs:
 *
 * ```ts
 * // ports.ts
 * export const PORTS = pinNodePorts({
 *   dns: { port: 53, nodePort: 30053 },      // TCP+UDP 53 on NodePort 30053
 *   health: { port: 8080, nodePort: 30080 }, // the health endpoint the NLB checks
 * });
 * ```
 *
 * @param ports the named ports
 * @param range the cluster's `--service-node-port-range`
 * @throws listing every problem, in the library's one message format, when a number is out of range (UDP101, UDP102)
 * or a NodePort is taken twice (UDP141)
 */
export function pinNodePorts<T extends Record<string, PinnedNodePort>>(
  ports: T,
  range: PortRange = PortRange.DEFAULT_NODE_PORTS,
): Readonly<T> {
  const problems: Finding[] = [];
  const owners = new Map<number, string>();
  const problem = (ruleId: string, source: string, field: string, value: unknown, message: string, allowed: string) =>
    problems.push({ ruleId, severity: Severity.ERROR, source, field, value, message, allowed });
  for (const [name, entry] of Object.entries(ports)) {
    if (!PortRange.ALL_PORTS.includes(entry.port)) {
      problem('UDP101', Sources.SERVICE_VALIDATION, `${name}.port`, entry.port, 'must be a whole number between 1 and 65535', '1..65535');
    }
    if (!range.includes(entry.nodePort)) {
      problem('UDP102', Sources.NODEPORT_ALLOCATOR, `${name}.nodePort`, entry.nodePort, 'is not in the NodePort range',
        `${range}, the cluster's --service-node-port-range (pass the range as the second argument if yours differs)`);
      continue;
    }
    const owner = owners.get(entry.nodePort);
    if (owner !== undefined && ports[owner].port !== entry.port) {
      problem('UDP141', Sources.NODEPORT_ALLOCATOR, `${name}.nodePort`, entry.nodePort,
        `is already used by ${owner} (port ${ports[owner].port}): the API server refuses the second ("provided port is already allocated")`,
        'one NodePort per port; a TCP and a UDP entry of one port share one entry');
    }
    owners.set(entry.nodePort, owner ?? name);
  }
  if (problems.length > 0) throw new Error(problems.map((f) => formatFinding(f, 'pinNodePorts')).join('\n'));
  const frozen: Record<string, PinnedNodePort> = {};
  for (const [name, entry] of Object.entries(ports)) frozen[name] = Object.freeze({ ...entry });
  return Object.freeze(frozen) as Readonly<T>;
}
