// A game server on 7777/UDP through Envoy Gateway (Gateway API L4): a Gateway with a UDP listener, a UDPRoute to the
// Service in front of the game servers, and DNS for the Gateway's static address (A and SRV records via ExternalDNS).
// Envoy proxies the datagrams: the game servers see Envoy's address, not the players'.
import { App, Chart, ChartProps, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { GatewayEndpoint, GatewayImplementation, UdpHealthCheck, UdpProbe } from 'k8s-udp-constructs';

export class GameEnvoyGateway extends Chart {
  public readonly endpoint: GatewayEndpoint;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'games', ...props });
    const servers = new kplus.Deployment(this, 'game-server', {
      replicas: 3,
      containers: [{
        name: 'game',
        image: 'ghcr.io/example/game-server:1.4.2',
        ports: [{ number: 7777, protocol: kplus.Protocol.UDP, name: 'game' }],
        securityContext: { user: 1000, group: 1000 },
        resources: {
          cpu: { request: kplus.Cpu.millis(500) },
          memory: { request: Size.mebibytes(512), limit: Size.gibibytes(1) },
        },
      }],
    });
    // Readiness from a UDP exchange with the game port (the server answers "ping" with "pong").
    UdpHealthCheck.addTo(servers, { probes: [UdpProbe.exchange(7777, { payload: 'ping', expect: 'pong' })] });

    this.endpoint = new GatewayEndpoint(this, 'game', {
      metadata: { name: 'game' },
      selector: servers,
      gatewayClassName: 'eg',
      implementation: GatewayImplementation.envoyGateway(),
      ports: [{ port: 7777, name: 'game' }],
      // The Gateway's address is reserved in advance (Envoy's LoadBalancer Service), so DNS needs no route source.
      dns: { hostname: 'play.example.com', address: '203.0.113.77', srvService: 'game', ttl: Duration.minutes(5) },
    });
  }
}

// `cdk8s synth` runs this file; tests import the chart class.
if (require.main === module) {
  const app = new App();
  new GameEnvoyGateway(app, 'game-envoy-gateway');
  app.synth();
}
