/**
 * The generated inputs of the NlbUdpLoadBalancer property tests (nlb-udp-load-balancer.test.ts), shared with the API-server tests
 * (test/apiserver/properties.test.ts), which create a seeded sample of them on a real API server.
 */
import { Chart, Duration } from 'cdk8s';
import * as fc from 'fast-check';
import { cidr, deployment, distinct, dns1035Label, dns1123Label, freshChart, nodePort, port, serviceHostname, ttl } from './helpers';
import { HealthCheckProtocol, KubernetesVersion, LoadBalancerScheme, LoadBalancerProvider, NlbHealthCheck, NlbIpAddressType, NlbPort, NlbProtocol, NlbTargetType, NlbUdpLoadBalancer, NlbUdpLoadBalancerProps, TrafficPolicy } from '../../src';

export interface Spec {
  readonly props: Omit<NlbUdpLoadBalancerProps, 'selector'>;
  readonly selector: 'deployment' | 'labels';
}

export function build(spec: Spec): Chart {
  const chart = freshChart();
  const selector = spec.selector === 'deployment' ? deployment(chart) : { app: 'server' };
  new NlbUdpLoadBalancer(chart, 'nlb', { ...spec.props, selector });
  return chart;
}

const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
const subnetId = fc.oneof(hex(8), hex(17)).map((h) => `subnet-${h}`);
const eipId = fc.oneof(hex(8), hex(17)).map((h) => `eipalloc-${h}`);
/** Ports that stay clear of the sidecar's HTTP port (a TCP_UDP port declares a TCP container port). */
const nlbPort = port.filter((p) => p !== 10080);

/** A health check AWS accepts: the timeout not above the interval (with the controller's default timeout, 10, too). */
const healthCheck: fc.Arbitrary<NlbHealthCheck> = fc.record({
  protocol: fc.option(fc.constantFrom(...Object.values(HealthCheckProtocol)), { nil: undefined }),
  port: fc.option(fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constant<'traffic-port'>('traffic-port')), { nil: undefined, freq: 1 }),
  path: fc.option(fc.stringMatching(/^\/[a-z0-9/_-]{0,30}$/), { nil: undefined }),
  timing: fc.option(fc.integer({ min: 2, max: 119 })
    .chain((timeout) => fc.tuple(fc.constant(timeout), fc.integer({ min: Math.max(5, timeout + 1), max: 300 }))), { nil: undefined }),
  intervalOnly: fc.option(fc.integer({ min: 11, max: 300 }), { nil: undefined }),
  healthyThreshold: fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined }),
  unhealthyThreshold: fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined }),
  successCodes: fc.option(fc.oneof(
    fc.integer({ min: 200, max: 599 }).map(String),
    fc.uniqueArray(fc.integer({ min: 200, max: 599 }), { minLength: 2, maxLength: 3 }).map((c) => c.join(',')),
    fc.tuple(fc.integer({ min: 200, max: 599 }), fc.integer({ min: 200, max: 599 })).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
  ), { nil: undefined }),
}).map((g) => {
  const http = g.protocol === HealthCheckProtocol.HTTP || g.protocol === HealthCheckProtocol.HTTPS;
  return {
    protocol: g.protocol,
    port: g.port,
    // a path and success codes only on a check that is HTTP(S) as given
    path: http ? g.path : undefined,
    successCodes: http ? g.successCodes : undefined,
    interval: g.timing ? Duration.seconds(g.timing[1]) : g.intervalOnly === undefined ? undefined : Duration.seconds(g.intervalOnly),
    timeout: g.timing ? Duration.seconds(g.timing[0]) : undefined,
    healthyThreshold: g.healthyThreshold,
    unhealthyThreshold: g.unhealthyThreshold,
  };
});

export const validSpec: fc.Arbitrary<Spec> = fc.record({
  selector: fc.constantFrom<'deployment' | 'labels'>('deployment', 'deployment', 'deployment', 'labels'),
  inTree: fc.boolean(),
  version: fc.option(fc.constantFrom('2.13', '2.14.1', '2.10', 'v2.12'), { nil: undefined }),
  useLoadBalancerClass: fc.boolean(),
  minor: fc.integer({ min: 20, max: 33 }),
  instance: fc.constantFrom(false, false, true),
  count: fc.integer({ min: 1, max: 3 }),
  ports: distinct(nlbPort, 3, 3),
  names: distinct(dns1123Label.filter((n) => n.length <= 15), 3, 3),
  tcpUdp: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  targets: fc.array(fc.option(nlbPort, { nil: undefined }), { minLength: 3, maxLength: 3 }),
  nodePorts: fc.option(distinct(nodePort, 3, 3), { nil: undefined }),
  scheme: fc.option(fc.constantFrom(...Object.values(LoadBalancerScheme)), { nil: undefined }),
  subnets: fc.option(distinct(subnetId, 1, 3), { nil: undefined }),
  eips: fc.option(distinct(eipId, 3, 3), { nil: undefined }),
  crossZone: fc.option(fc.boolean(), { nil: undefined }),
  externalTrafficPolicy: fc.option(fc.constantFrom(...Object.values(TrafficPolicy)), { nil: undefined }),
  loadBalancerSourceRanges: fc.option(fc.array(cidr, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  tga: fc.option(fc.record({
    deregistrationDelay: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
    connectionTermination: fc.option(fc.boolean(), { nil: undefined }),
    stickiness: fc.option(fc.boolean(), { nil: undefined }),
    preserveClientIp: fc.option(fc.constant(true), { nil: undefined }),
  }), { nil: undefined }),
  deletionProtection: fc.option(fc.boolean(), { nil: undefined }),
  dualstack: fc.boolean(),
  healthCheck: fc.option(healthCheck, { nil: undefined, freq: 1 }),
  sidecar: fc.option(fc.oneof(fc.constant<false>(false), fc.record({
    httpPort: fc.option(fc.integer({ min: 1024, max: 9999 }), { nil: undefined }),
    tcpPort: fc.option(fc.integer({ min: 20000, max: 29999 }), { nil: undefined }),
    period: fc.option(fc.integer({ min: 1, max: 300 }).map((s) => Duration.seconds(s)), { nil: undefined }),
  })), { nil: undefined }),
  name: fc.option(dns1035Label, { nil: undefined }),
  namespace: fc.option(dns1123Label, { nil: undefined }),
  hostname: fc.option(serviceHostname, { nil: undefined }),
  ttl: fc.option(ttl, { nil: undefined }),
}).map((g): Spec => {
  const lbc = !g.inTree;
  const version = g.version;
  const tcpUdpPossible = lbc && version !== undefined && ['2.13', '2.14.1'].includes(version) && g.minor >= 24;
  const ports: NlbPort[] = g.ports.slice(0, g.count).map((p, i) => ({
    port: p,
    name: g.count > 1 ? g.names[i] : undefined,
    targetPort: g.targets[i],
    nodePort: g.nodePorts?.[i],
    protocol: tcpUdpPossible && g.tcpUdp[i] ? NlbProtocol.TCP_UDP : g.tcpUdp[i] ? NlbProtocol.UDP : undefined,
  }));
  const targetType = lbc ? (g.instance ? NlbTargetType.INSTANCE : NlbTargetType.IP) : (g.instance ? NlbTargetType.INSTANCE : undefined);
  const ip = lbc && !g.instance;
  const udpOnly = ports.some((p) => p.protocol !== NlbProtocol.TCP_UDP);
  let hc = g.healthCheck;
  let sidecar = g.sidecar;
  // the sidecar (the default for a UDP-only port, or asked for by its props) needs a cdk8s-plus workload: with plain
  // labels, a health port of your own
  const sidecarAsked = udpOnly ? sidecar !== false : sidecar !== undefined && sidecar !== false;
  if (ip && sidecarAsked && g.selector === 'labels' && hc?.port === undefined) hc = { ...hc, port: 8080 };
  // the sidecar's ports must differ
  if (sidecar && sidecar.tcpPort !== undefined && sidecar.tcpPort === (sidecar.httpPort ?? 10080)) sidecar = { ...sidecar, tcpPort: undefined };
  const internetFacing = g.scheme === LoadBalancerScheme.INTERNET_FACING;
  return {
    selector: g.selector,
    props: {
      provider: lbc
        ? LoadBalancerProvider.awsLoadBalancerController({ version, useLoadBalancerClass: g.useLoadBalancerClass })
        : LoadBalancerProvider.awsInTree(),
      kubernetesVersion: KubernetesVersion.of(`1.${g.minor}`),
      targetType,
      ports,
      scheme: g.scheme,
      subnets: g.subnets,
      // one EIP per subnet, internet-facing only
      eips: internetFacing && g.subnets && g.eips ? g.eips.slice(0, g.subnets.length) : undefined,
      crossZone: g.crossZone,
      externalTrafficPolicy: g.externalTrafficPolicy,
      loadBalancerSourceRanges: g.loadBalancerSourceRanges,
      targetGroupAttributes: lbc ? g.tga : undefined,
      deletionProtection: lbc ? g.deletionProtection : undefined,
      ipAddressType: lbc && g.dualstack ? NlbIpAddressType.DUALSTACK : undefined,
      healthCheck: hc,
      healthSidecar: sidecar === undefined || sidecar === false ? sidecar
        : { httpPort: sidecar.httpPort, tcpPort: sidecar.tcpPort, period: sidecar.period },
      metadata: { name: g.name, namespace: g.namespace, annotations: { 'example.com/team': 'games' } },
      dns: g.hostname === undefined ? undefined : { hostname: g.hostname as string, ttl: typeof g.ttl === 'number' ? Duration.seconds(g.ttl) : g.ttl },
    },
  };
});

