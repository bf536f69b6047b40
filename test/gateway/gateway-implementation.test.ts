import { GatewayImplementation, L4RouteKind } from '../../src';

test('the implementations the library knows: controllerName, UDPRoute, TCPRoute, with sources', () => {
  expect(GatewayImplementation.known().map((i) => [i.id, i.controllerName, i.supportsUdp, i.supportsTcp])).toEqual([
    ['aws-load-balancer-controller', 'gateway.k8s.aws/nlb', true, true],
    ['envoy-gateway', 'gateway.envoyproxy.io/gatewayclass-controller', true, true],
    ['cilium', 'io.cilium/gateway-controller', true, true],
    ['nginx-gateway-fabric', 'gateway.nginx.org/nginx-gateway-controller', true, true],
    ['kong', 'konghq.com/kic-gateway-controller', true, true],
    ['istio', 'istio.io/gateway-controller', false, true],
    ['traefik', 'traefik.io/gateway-controller', false, true],
    ['kgateway', 'kgateway.dev/kgateway', false, true],
  ]);
  for (const implementation of GatewayImplementation.known()) {
    expect(implementation.sources.length).toBeGreaterThan(0);
    for (const source of implementation.sources) expect(source).toMatch(/^https:\/\//);
  }
});

test('by controllerName; generic; supports; versions', () => {
  expect(GatewayImplementation.fromControllerName('istio.io/gateway-controller')?.supports(L4RouteKind.UDP)).toBe(false);
  expect(GatewayImplementation.fromControllerName('example.com/gw')).toBeUndefined();
  const generic = GatewayImplementation.generic({ controllerName: 'example.com/gw', udp: false });
  expect([generic.id, generic.displayName, generic.supports(L4RouteKind.UDP), generic.supports(L4RouteKind.TCP)])
    .toEqual(['generic', 'the Gateway controller example.com/gw', false, true]);
  const aws = GatewayImplementation.awsLoadBalancerController({ version: '2.16.1' });
  expect([aws.isAwsNlb, aws.isOlderThan('2.17.0'), aws.isOlderThan('2.16.0'), GatewayImplementation.awsLoadBalancerController().isOlderThan('9')])
    .toEqual([true, true, false, false]);
  expect(GatewayImplementation.isImplementation(aws)).toBe(true);
  expect(GatewayImplementation.isImplementation('gateway.k8s.aws/nlb')).toBe(false);
});
