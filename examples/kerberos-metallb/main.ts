// Kerberos (88 over TCP and UDP) on Kubernetes 1.22 with MetalLB: 1.22 refuses TCP and UDP in one LoadBalancer
// Service (MixedProtocolLBService is off by default before 1.24), so the endpoint is split into kerberos-tcp and
// kerberos-udp, and MetalLB's sharing key puts both on one address: clients see one KDC address.
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DualProtocolEndpoint, KubernetesVersion, LoadBalancerProvider, NetworkPolicyPeer, ServiceType } from 'k8s-udp-constructs';

export class KerberosMetalLb extends Chart {
  /** The endpoint, for tests. */
  public readonly endpoint: DualProtocolEndpoint;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const kdc = new kplus.StatefulSet(this, 'kdc', {
      replicas: 2,
      service: new kplus.Service(this, 'kdc-peers', { clusterIP: 'None', ports: [{ port: 88 }] }),
      containers: [{
        name: 'kdc',
        image: 'gcavalcante8808/krb5-server:latest',
        portNumber: 88,
        // the KDC also serves TCP on 88: a TCP probe there tells whether the process serves
        readiness: kplus.Probe.fromTcpSocket({ port: 88 }),
        // the KDC binds 88 as root in this image
        securityContext: { ensureNonRoot: false, user: 0 },
        resources: { cpu: { request: kplus.Cpu.millis(100) }, memory: { request: Size.mebibytes(64), limit: Size.mebibytes(256) } },
      }],
    });

    this.endpoint = new DualProtocolEndpoint(this, 'kerberos', {
      metadata: { name: 'kerberos' },
      selector: kdc,
      type: ServiceType.LOAD_BALANCER,
      kubernetesVersion: KubernetesVersion.of('1.22'),
      provider: LoadBalancerProvider.metalLb({ sharingKey: 'kerberos', loadBalancerIps: ['192.0.2.88'] }),
      ports: [{ name: 'kerberos', port: 88, nodePort: 30088, tcpNodePort: 30089 }],
      // with the default externalTrafficPolicy (Cluster) clients arrive from the nodes' addresses
      networkPolicy: { from: [NetworkPolicyPeer.namespaces({})], nodeCidrs: ['192.0.2.0/24'] },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new KerberosMetalLb(app, 'kerberos-metallb');
  app.synth();
}
