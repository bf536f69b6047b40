// StatsD on 8125/UDP for metrics from every pod of the cluster, a single pod.
// Fire-and-forget UDP has no reply to probe: readiness comes from StatsD's TCP management port, which dies with the
// process, so a dead StatsD leaves the endpoints and kube-proxy cleans its conntrack entries.
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { NetworkPolicyPeer, UdpService } from 'k8s-udp-constructs';
import { DISABLE_RULES_ANNOTATION } from 'k8s-udp-constructs/rules';

export class Statsd extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const statsd = new kplus.Deployment(this, 'statsd', {
      // One replica on purpose (Kubernetes restarts it quickly; losing datagrams during a restart is
      // accepted). The annotation silences the single-replica warning for this object in the constructs and in
      // `k8s-udp lint` alike.
      metadata: { annotations: { [DISABLE_RULES_ANNOTATION]: 'UDP205' } },
      replicas: 1,
      containers: [{
        name: 'statsd',
        image: 'statsd/statsd:v0.10.2',
        portNumber: 8125,
        ports: [{ number: 8126, name: 'admin', protocol: kplus.Protocol.TCP }],
        readiness: kplus.Probe.fromTcpSocket({ port: 8126 }),
        securityContext: { user: 1000, group: 1000 },
        resources: {
          cpu: { request: kplus.Cpu.millis(50) },
          memory: { request: Size.mebibytes(64), limit: Size.mebibytes(256) },
        },
      }],
    });

    new UdpService(this, 'statsd-service', {
      metadata: { name: 'statsd', labels: { 'app.kubernetes.io/name': 'statsd' } },
      selector: statsd,
      ports: [{ port: 8125 }],
      // metrics from the cluster's pods only
      networkPolicy: { from: [NetworkPolicyPeer.namespaces({})] },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new Statsd(app, 'statsd');
  app.synth();
}
