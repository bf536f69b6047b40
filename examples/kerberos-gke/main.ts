// Kerberos (88 over TCP and UDP) on GKE 1.36 behind an internal passthrough load balancer: from GKE
// 1.36.2-gke.1498000 one internal LoadBalancer Service carries TCP and UDP together, so the KDC is one Service with
// one address (the class networking.gke.io/l4-regional-internal; the cluster needs GKE subsetting for internal load
// balancers). GKE health-checks nodes, not pods: the KDC's own TCP port gives readiness, and no health sidecar is needed.
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DualProtocolEndpoint, KubernetesVersion, LoadBalancerProvider, MixedProtocolMode, NetworkPolicyPeer, ServiceType } from 'k8s-udp-constructs';

export class KerberosGke extends Chart {
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
      kubernetesVersion: KubernetesVersion.V1_36,
      provider: LoadBalancerProvider.gke({ internal: true, version: '1.36.2-gke.1498000' }),
      // one Service, or an error at synthesis if the cluster could not carry both protocols in one
      mixedProtocol: MixedProtocolMode.SINGLE,
      ports: [{ name: 'kerberos', port: 88 }],
      // clients of the VPC only, at the load balancer; the pods admit the cluster's namespaces and the nodes that forward
      loadBalancerSourceRanges: ['10.0.0.0/8'],
      networkPolicy: { from: [NetworkPolicyPeer.namespaces({})], nodeCidrs: ['10.0.0.0/16'] },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new KerberosGke(app, 'kerberos-gke');
  app.synth();
}
