// HTTP/3 and HTTP/2 on 443 behind an internet-facing NLB: one TCP_QUIC listener (the AWS Load Balancer Controller 2.15
// or later) passes QUIC through to the pods, which terminate TLS themselves; ip targets, two Elastic IPs, no NLB
// security group (AWS refuses QUIC with one), cross-zone load balancing, externalTrafficPolicy Local.
//
// The controller registers a QUIC target only with the server id it injects into the pod as AWS_LBC_QUIC_SERVER_ID:
// the construct asks for it on the Deployment's pod template; the namespace's owner labels the namespace
// `elbv2.k8s.aws/quic-server-id-inject=enabled` (kubectl label namespace web elbv2.k8s.aws/quic-server-id-inject=enabled).
// The server must put that id in the connection ids it issues (Envoy: the quic_lb connection id generator).
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { LoadBalancerProvider, LoadBalancerScheme, NlbProtocol, NlbUdpLoadBalancer } from 'k8s-udp-constructs';

export class Http3Nlb extends Chart {
  /** The load balancer, for tests. */
  public readonly nlb: NlbUdpLoadBalancer;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const web = new kplus.Deployment(this, 'web', {
      replicas: 3,
      containers: [{
        name: 'envoy',
        image: 'envoyproxy/envoy:v1.34.1',
        ports: [
          { number: 8443, protocol: kplus.Protocol.UDP, name: 'h3' },
          { number: 8443, protocol: kplus.Protocol.TCP, name: 'h2' },
          { number: 9901, name: 'admin' },
        ],
        readiness: kplus.Probe.fromHttpGet('/ready', { port: 9901 }),
        securityContext: { user: 10001, group: 10001 },
        resources: { cpu: { request: kplus.Cpu.millis(200) }, memory: { request: Size.mebibytes(128), limit: Size.mebibytes(256) } },
      }],
    });

    this.nlb = new NlbUdpLoadBalancer(this, 'web-lb', {
      metadata: { name: 'web' },
      selector: web,
      // QUIC listeners need the controller 2.15 or later: say which one runs, so that the construct can check it
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.15' }),
      // TCP and QUIC on 443: HTTP/2 over TCP, HTTP/3 over QUIC, to the same pod port
      ports: [{ name: 'https', port: 443, targetPort: 8443, protocol: NlbProtocol.TCP_QUIC }],
      scheme: LoadBalancerScheme.INTERNET_FACING,
      subnets: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
      eips: ['eipalloc-0a1b2c3d4e5f60001', 'eipalloc-0a1b2c3d4e5f60002'],
      // the NLB checks the TCP side of the TCP_QUIC target group; Envoy's readiness endpoint is a better witness
      healthCheck: { protocol: 'HTTP', port: 9901, path: '/ready' },
      // 443 (TCP and QUIC) from anywhere (internet-facing), the health port from the VPC only
      networkPolicy: { nodeCidrs: ['10.0.0.0/16'] },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new Http3Nlb(app, 'http3-nlb');
  app.synth();
}
