// CoreDNS on 53, TCP and UDP, through an NLB gateway of the AWS Load Balancer Controller (Gateway API L4): an
// internet-facing NLB with an Elastic IP per subnet (LoadBalancerConfiguration), target groups health-checked over
// HTTP on the UDP health-check sidecar (TargetGroupConfiguration), a UDPRoute and a TCPRoute to the CoreDNS Service.
// Controller 3.5 or later: it reads v1 routes and merges TCP and UDP of one port into a TCP_UDP listener (2.17 on).
import { App, Chart, ChartProps, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DnsQueryType, GatewayEndpoint, GatewayImplementation, LoadBalancerScheme, UdpProbe } from 'k8s-udp-constructs';

export class CorednsNlbGateway extends Chart {
  public readonly endpoint: GatewayEndpoint;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'dns', ...props });
    const coredns = new kplus.Deployment(this, 'coredns', {
      replicas: 2,
      containers: [{
        name: 'coredns',
        image: 'coredns/coredns:1.11.1',
        args: ['-conf', '/etc/coredns/Corefile', '-dns.port', '1053'],
        ports: [{ number: 1053, protocol: kplus.Protocol.UDP, name: 'dns' }, { number: 1053, protocol: kplus.Protocol.TCP, name: 'dns-tcp' }],
        securityContext: { user: 1000, group: 1000 },
        resources: {
          cpu: { request: kplus.Cpu.millis(100) },
          memory: { request: Size.mebibytes(70), limit: Size.mebibytes(170) },
        },
      }],
    });

    this.endpoint = new GatewayEndpoint(this, 'dns', {
      metadata: { name: 'dns' },
      selector: coredns,
      gatewayClassName: 'aws-nlb',
      implementation: GatewayImplementation.awsLoadBalancerController({ version: '3.5.0' }),
      ports: [{ port: 53, targetPort: 1053, name: 'dns', tcp: true }],
      nlb: {
        scheme: LoadBalancerScheme.INTERNET_FACING,
        subnets: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'],
        eips: ['eipalloc-0a1b2c3d4e5f60001', 'eipalloc-0a1b2c3d4e5f60002'],
        loadBalancerSourceRanges: ['0.0.0.0/0'],
        healthCheck: { interval: Duration.seconds(10), timeout: Duration.seconds(5) },
        targetGroupAttributes: { deregistrationDelay: 30, connectionTermination: true },
        // the NLB checks the sidecar over HTTP; the sidecar asks CoreDNS for the SOA of its zone over UDP
        healthSidecar: { probes: [UdpProbe.dns(1053, { name: 'example.com', type: DnsQueryType.SOA })] },
      },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new CorednsNlbGateway(app, 'coredns-nlb-gateway');
  app.synth();
}
