// Syslog on 514/UDP behind an internal NLB with instance targets: the NLB sends to the NodePort, and with
// externalTrafficPolicy Local kube-proxy answers the NLB's HTTP check on healthCheckNodePort (/healthz: 200 while the
// node has a ready syslog pod, else 503). The pods get their readiness from the UDP health-check sidecar, added on
// their own (the NLB does not need it here), so that a dead syslog server leaves the endpoints.
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { NetworkPolicyPeer, NlbTargetType, NlbUdpLoadBalancer, UdpHealthCheck, UdpProbe } from 'k8s-udp-constructs';

export class NlbInstanceLocal extends Chart {
  /** The load balancer, for tests. */
  public readonly nlb: NlbUdpLoadBalancer;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const syslog = new kplus.DaemonSet(this, 'syslog', {
      containers: [{
        name: 'syslog',
        image: 'balabit/syslog-ng:4.7.1',
        portNumber: 514,
        securityContext: { ensureNonRoot: false, user: 0 },
        resources: { cpu: { request: kplus.Cpu.millis(50) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(256) } },
      }],
    });
    UdpHealthCheck.addTo(syslog, { probes: [UdpProbe.bound(514)] });

    this.nlb = new NlbUdpLoadBalancer(this, 'syslog-nlb', {
      metadata: { name: 'syslog' },
      selector: syslog,
      ports: [{ name: 'syslog', port: 514, nodePort: 30514 }],
      targetType: NlbTargetType.INSTANCE,
      // senders of the private network: with instance targets and Local, the pods see their addresses
      networkPolicy: { from: [NetworkPolicyPeer.cidr('10.0.0.0/8')] },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new NlbInstanceLocal(app, 'nlb-instance-local');
  app.synth();
}
