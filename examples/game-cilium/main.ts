// A game server on bare metal with Cilium: players connect over UDP 27015 and the admin console (RCON) over TCP 27015.
// Cilium's LB IPAM is not documented to carry TCP and UDP in one Service, so the endpoint is split into game-tcp and
// game-udp, and one sharing key with one requested address puts both on 192.0.2.27, announced on the local network
// by Cilium's L2 announcer: players and admins use one address. Cilium checks no pods: readiness comes from the TCP
// console, which dies with the server.
import { App, Chart, ChartProps, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { CiliumLoadBalancerClass, DualProtocolEndpoint, LoadBalancerProvider, NetworkPolicyPeer, ServiceType } from 'k8s-udp-constructs';
import { DISABLE_RULES_ANNOTATION } from 'k8s-udp-constructs/rules';

export class GameCilium extends Chart {
  /** The endpoint, for tests. */
  public readonly endpoint: DualProtocolEndpoint;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, props);
    const server = new kplus.StatefulSet(this, 'server', {
      // One match server on purpose: a second replica would be a second match, not a spare. The annotation silences
      // the single-replica warning for this object.
      metadata: { annotations: { [DISABLE_RULES_ANNOTATION]: 'UDP205' } },
      replicas: 1,
      service: new kplus.Service(this, 'server-peers', { clusterIP: 'None', ports: [{ port: 27015 }] }),
      containers: [{
        name: 'server',
        image: 'cm2network/cs2:latest',
        portNumber: 27015,
        readiness: kplus.Probe.fromTcpSocket({ port: 27015 }),
        securityContext: { user: 1000, group: 1000 },
        resources: { cpu: { request: kplus.Cpu.millis(1000) }, memory: { request: Size.gibibytes(2), limit: Size.gibibytes(4) } },
      }],
    });

    this.endpoint = new DualProtocolEndpoint(this, 'game', {
      metadata: { name: 'game' },
      selector: server,
      type: ServiceType.LOAD_BALANCER,
      provider: LoadBalancerProvider.cilium({
        loadBalancerClass: CiliumLoadBalancerClass.L2_ANNOUNCER,
        sharingKey: 'game',
        loadBalancerIps: ['192.0.2.27'],
      }),
      ports: [{ name: 'game', port: 27015 }],
      // players reach the pod through the nodes (192.0.2.0/24), which forward under Cluster policy
      networkPolicy: { from: [NetworkPolicyPeer.namespaces({})], nodeCidrs: ['192.0.2.0/24'] },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new GameCilium(app, 'game-cilium');
  app.synth();
}
