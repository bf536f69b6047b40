// The one place the port numbers are written. The cdk8s chart that creates the NodePort Services and this Pulumi
// program both import it, so the NLB's target ports can never drift from the Services' NodePorts.
// It loads nothing (the import is a type, erased at run time), so either program can import it; each checks it with
// pinNodePorts(PORTS) from its own entry point.
import type { PinnedNodePort } from 'k8s-udp-constructs/pulumi';

export const PORTS = {
  /** DNS, TCP and UDP on Service port 53, both on NodePort 30053 (one TCP_UDP listener). */
  dns: { port: 53, nodePort: 30053 },
  /** CoreDNS's `ready` endpoint (8181), on NodePort 30081: what the NLB health-checks. */
  health: { port: 8181, nodePort: 30081 },
} as const satisfies Record<string, PinnedNodePort>;
