// A UDP service on 1234 behind an internet-facing NLB on EKS, with ip targets, three Elastic IPs
// over three subnets, cross-zone load balancing, externalTrafficPolicy Local, the ExternalDNS hostname
// test.example.com with TTL 160, and the UDP health-check sidecar in each pod so that the NLB (and Kubernetes'
// readiness) see whether the UDP server really serves.
import { App, Chart, ChartProps, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { LoadBalancerScheme, NlbUdpLoadBalancer, UdpProbe } from 'k8s-udp-constructs';

export class NlbUdpEks extends Chart {
  /** The load balancer, for tests. */
  public readonly nlb: NlbUdpLoadBalancer;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const example = new kplus.Deployment(this, 'example', {
      replicas: 3,
      containers: [{
        name: 'example',
        image: 'example/udp-server:1.0.0',
        portNumber: 1234,
        securityContext: { user: 10001, group: 10001 },
        resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) } },
      }],
    });

    this.nlb = new NlbUdpLoadBalancer(this, 'my-service', {
      metadata: { name: 'my-service' },
      selector: example,
      ports: [{ name: 'example', port: 1234 }],
      scheme: LoadBalancerScheme.INTERNET_FACING,
      subnets: ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002', 'subnet-0a1b2c3d4e5f60003'],
      eips: ['eipalloc-0a1b2c3d4e5f60001', 'eipalloc-0a1b2c3d4e5f60002', 'eipalloc-0a1b2c3d4e5f60003'],
      // the server answers "pong" to "ping": a real exchange tells more than a bound socket
      healthSidecar: { probes: [UdpProbe.exchange(1234, { payload: 'ping', expect: 'pong' })] },
      // published by ExternalDNS (--source=service), under both annotation prefixes
      dns: { hostname: 'test.example.com', ttl: Duration.seconds(160) },
      // UDP 1234 from anywhere (internet-facing), the sidecar's health port from the VPC only
      networkPolicy: { nodeCidrs: ['10.0.0.0/16'] },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new NlbUdpEks(app, 'nlb-udp-eks');
  app.synth();
}
