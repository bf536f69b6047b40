// A DNS server reachable inside the cluster on 53/UDP through a ClusterIP Service.
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { NetworkPolicyPeer, UdpService } from 'k8s-udp-constructs';

const COREFILE = `.:1053 {
    errors
    ready :8181
    forward . /etc/resolv.conf
    cache 30
}
`;

export class DnsClusterIp extends Chart {
  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const config = new kplus.ConfigMap(this, 'corefile', { data: { Corefile: COREFILE } });
    const dns = new kplus.Deployment(this, 'dns-server', {
      replicas: 2,
      containers: [{
        name: 'dns',
        image: 'coredns/coredns:1.11.1',
        args: ['-conf', '/etc/coredns/Corefile'],
        // 1053 needs no NET_BIND_SERVICE capability; the Service still listens on 53.
        portNumber: 1053,
        // CoreDNS's `ready` plugin answers 200 only once the server is serving.
        readiness: kplus.Probe.fromHttpGet('/ready', { port: 8181 }),
        securityContext: { user: 65532, group: 65532 },
        resources: {
          cpu: { request: kplus.Cpu.millis(100) },
          memory: { request: Size.mebibytes(70), limit: Size.mebibytes(170) },
        },
      }],
    });
    dns.containers[0].mount('/etc/coredns', kplus.Volume.fromConfigMap(this, 'corefile-volume', config));

    new UdpService(this, 'dns-service', {
      metadata: { name: 'dns-service' },
      selector: dns,
      ports: [{ port: 53, targetPort: 1053 }],
      // a NetworkPolicy that admits UDP 1053 from the cluster's pods, and nothing else
      networkPolicy: { from: [NetworkPolicyPeer.namespaces({})] },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new DnsClusterIp(app, 'dns-clusterip');
  app.synth();
}
