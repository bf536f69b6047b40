// The same DNS server on a static port of every node: <node IP>:30053/UDP, through a NodePort Service.
// Pinning the nodePort lets an external load balancer (see examples/pulumi-nlb) target it.
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { NetworkPolicyPeer, ServiceType, UdpService } from 'k8s-udp-constructs';

const COREFILE = `.:1053 {
    errors
    ready :8181
    forward . /etc/resolv.conf
    cache 30
}
`;

export class DnsNodePort extends Chart {
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
      metadata: { name: 'dns-nodeport-service' },
      selector: dns,
      type: ServiceType.NODE_PORT,
      ports: [{ port: 53, targetPort: 1053, nodePort: 30053 }],
      // the cluster's pods, and clients of the NodePort: those arrive from the nodes' addresses (the default
      // externalTrafficPolicy, Cluster, replaces the client's address with a node's)
      networkPolicy: { from: [NetworkPolicyPeer.namespaces({})], nodeCidrs: ['10.0.0.0/16'] },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new DnsNodePort(app, 'dns-nodeport');
  app.synth();
}
