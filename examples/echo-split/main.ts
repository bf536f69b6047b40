// An echo server on 12345 over TCP and UDP, exposed through a LoadBalancer on AWS with the legacy in-tree
// provider, which never carries two protocols in one Service ("mixed protocol is not supported for LoadBalancer").
// The endpoint is split into echo-tcp and echo-udp: two NLBs, two addresses (publish both with SRV records).
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DualProtocolEndpoint, LoadBalancerProvider, ServiceType } from 'k8s-udp-constructs';

export class EchoSplit extends Chart {
  /** The endpoint, for tests and for DNS records. */
  public readonly endpoint: DualProtocolEndpoint;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const echo = new kplus.Deployment(this, 'echo', {
      replicas: 2,
      containers: [{
        name: 'server',
        image: 'quay.io/ftweedal/udpecho:latest',
        portNumber: 12345,
        // the TCP side answers, so a TCP probe on the same port tells whether the process serves
        readiness: kplus.Probe.fromTcpSocket({ port: 12345 }),
        securityContext: { user: 1000, group: 1000 },
        resources: { cpu: { request: kplus.Cpu.millis(50) }, memory: { request: Size.mebibytes(32), limit: Size.mebibytes(128) } },
      }],
    });

    this.endpoint = new DualProtocolEndpoint(this, 'echo-endpoint', {
      metadata: { name: 'echo' },
      selector: echo,
      type: ServiceType.LOAD_BALANCER,
      provider: LoadBalancerProvider.awsInTree(),
      ports: [{ name: 'echo', port: 12345 }],
      // TCP and UDP 12345 from any source, and nothing else
      networkPolicy: {},
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new EchoSplit(app, 'echo-split');
  app.synth();
}
