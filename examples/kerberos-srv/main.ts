// Seed 002, Kerberos flavour: a KDC on 88 over TCP and UDP behind a LoadBalancer on AWS with the in-tree provider,
// which never carries two protocols in one Service. The endpoint is split into kerberos-tcp and kerberos-udp: two
// NLBs, two addresses. Clients find both through SRV records, as Kerberos does (RFC 4120 section 7.2.3.2):
//
//   _kerberos._udp.example.com. 300 IN SRV 0 100 88 udp.kdc.example.com.   (published on kerberos-udp)
//   _kerberos._tcp.example.com. 300 IN SRV 0 100 88 tcp.kdc.example.com.   (published on kerberos-tcp)
//
// ExternalDNS publishes the two hostnames from the Services (--source=service) and the SRV records from the
// DNSEndpoint objects (--source=crd, --managed-record-types=SRV among the others), on Route 53, where the NLB
// hostnames become ALIAS A records that SRV may point at. The NLBs are internal (the safe default): publish into a
// private hosted zone, or pass `scheme: LoadBalancerScheme.INTERNET_FACING` to the provider.
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DualProtocolEndpoint, LoadBalancerProvider, ServiceType } from 'k8s-udp-constructs';

export class KerberosSrv extends Chart {
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
      provider: LoadBalancerProvider.awsInTree(),
      ports: [{ name: 'kerberos', port: 88 }],
      dns: {
        service: 'kerberos',
        hostname: 'kdc.example.com', // the Services publish udp.kdc.example.com and tcp.kdc.example.com
        domain: 'example.com', // the realm's domain: _kerberos._udp.example.com, _kerberos._tcp.example.com
        ttl: 300,
        priority: 0,
        weight: 100,
      },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new KerberosSrv(app, 'kerberos-srv');
  app.synth();
}
