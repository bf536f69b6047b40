// The one place the port numbers are written. The cdk8s chart that creates the NodePort Service and this Pulumi
// program both import it, so the NLB's target ports can never drift from the Service's NodePorts.
// Keep this module free of imports from cdk8s or Pulumi, so that both programs can load it.
import { pinNodePorts } from '../../src/model/node-ports';

export const PORTS = pinNodePorts({
  /** DNS, TCP and UDP on Service port 53, both on NodePort 30053 (one TCP_UDP listener). */
  dns: { port: 53, nodePort: 30053 },
  /** CoreDNS's `ready` endpoint (8181), on NodePort 30081: what the NLB health-checks. */
  health: { port: 8181, nodePort: 30081 },
});
