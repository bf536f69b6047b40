// DNS on 53 over TCP and UDP behind one NLB: one TCP_UDP listener (AWS Load Balancer Controller 2.13 or later), the
// same targetPort and nodePort for both protocols. The TCP side answers the NLB's TCP check on the traffic port;
// CoreDNS's `ready` plugin gives the pods their readiness.
// Apply it with `kubectl apply --server-side`: client-side apply merges Service ports by port number alone.
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { LoadBalancerProvider, NetworkPolicyPeer, NlbProtocol, NlbUdpLoadBalancer } from 'k8s-udp-constructs';

const COREFILE = `.:1053 {
    errors
    ready :8181
    forward . /etc/resolv.conf
    cache 30
}
`;

export class NlbDnsDual extends Chart {
  /** The load balancer, for tests. */
  public readonly nlb: NlbUdpLoadBalancer;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const config = new kplus.ConfigMap(this, 'corefile', { data: { Corefile: COREFILE } });
    const coredns = new kplus.Deployment(this, 'coredns', {
      replicas: 3,
      containers: [{
        name: 'coredns',
        image: 'coredns/coredns:1.11.1',
        args: ['-conf', '/etc/coredns/Corefile'],
        portNumber: 1053,
        readiness: kplus.Probe.fromHttpGet('/ready', { port: 8181 }),
        securityContext: { user: 65532, group: 65532 },
        resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(70), limit: Size.mebibytes(170) } },
      }],
    });
    coredns.containers[0].mount('/etc/coredns', kplus.Volume.fromConfigMap(this, 'corefile-volume', config));

    this.nlb = new NlbUdpLoadBalancer(this, 'dns', {
      metadata: { name: 'dns' },
      selector: coredns,
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
      ports: [{ name: 'dns', port: 53, targetPort: 1053, protocol: NlbProtocol.TCP_UDP }],
      targetGroupAttributes: { deregistrationDelay: 30, connectionTermination: true },
      // clients of the private network (UDP and TCP_UDP keep the client's address), the NLB's TCP check from the VPC
      networkPolicy: { from: [NetworkPolicyPeer.cidr('172.16.0.0/12')], nodeCidrs: ['10.0.0.0/16'] },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new NlbDnsDual(app, 'nlb-dns-dual');
  app.synth();
}
