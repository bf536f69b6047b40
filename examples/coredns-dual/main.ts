// DNS on 53 over TCP and UDP behind the AWS Load Balancer Controller 2.13: one Service, one NLB, one TCP_UDP
// listener (the controller's opt-in annotation is added), the same targetPort and nodePort for both protocols.
// Apply it with `kubectl apply --server-side`: client-side apply merges Service ports by port number alone.
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DualProtocolEndpoint, KubernetesVersion, LoadBalancerProvider, NetworkPolicyPeer, ServiceType } from 'k8s-udp-constructs';

const COREFILE = `.:1053 {
    errors
    ready :8181
    forward . /etc/resolv.conf
    cache 30
}
`;

export class CorednsDual extends Chart {
  /** The endpoint, for tests. */
  public readonly endpoint: DualProtocolEndpoint;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const config = new kplus.ConfigMap(this, 'corefile', { data: { Corefile: COREFILE } });
    const coredns = new kplus.Deployment(this, 'coredns', {
      replicas: 2,
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

    this.endpoint = new DualProtocolEndpoint(this, 'dns', {
      metadata: { name: 'coredns' },
      selector: coredns,
      type: ServiceType.LOAD_BALANCER,
      kubernetesVersion: KubernetesVersion.of('1.28'),
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
      ports: [{ name: 'dns', port: 53, targetPort: 1053 }],
      // clients of the private network (ip targets: UDP keeps the client's address); the NLB checks the TCP side of
      // the port from the VPC
      networkPolicy: { from: [NetworkPolicyPeer.cidr('172.16.0.0/12')], nodeCidrs: ['10.0.0.0/16'] },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new CorednsDual(app, 'coredns-dual');
  app.synth();
}
