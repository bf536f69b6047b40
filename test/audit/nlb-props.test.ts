/* Every prop of NlbUdpLoadBalancer, audited (see audit.ts): it takes effect or is a finding; a wrong type is a finding. */
import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { auditProps, PropCase } from './audit';
import { ExternalDnsPrefix, KubernetesVersion, LoadBalancerScheme, LoadBalancerProvider, NlbIpAddressType, NlbProtocol, NlbTargetType, NlbUdpLoadBalancer, NlbUdpLoadBalancerProps, PortRange, SrvProtocol, TrafficPolicy, UdpProbe } from '../../src';

const BASE = { metadata: { name: 'game' }, ports: [{ port: 7777 }] } as unknown as NlbUdpLoadBalancerProps;

const SUBNETS = ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'];
const EIPS = ['eipalloc-0a1b2c3d4e5f60001', 'eipalloc-0a1b2c3d4e5f60002'];

const CASES: Record<keyof NlbUdpLoadBalancerProps, PropCase<NlbUdpLoadBalancerProps>> = {
  metadata: { valid: { name: 'other' }, wrong: 5 },
  selector: { valid: { app: 'other' }, wrong: 5 },
  ports: { valid: [{ port: 7778 }], wrong: 7777 },
  provider: { valid: LoadBalancerProvider.awsInTree(), wrong: 'aws-load-balancer-controller' },
  targetType: { valid: NlbTargetType.INSTANCE, wrong: 'IP' },
  scheme: { valid: LoadBalancerScheme.INTERNET_FACING, wrong: 'public' },
  subnets: { valid: SUBNETS, wrong: 'subnet-0a1b2c3d4e5f60001' },
  eips: { valid: EIPS, wrong: 2, with: { scheme: LoadBalancerScheme.INTERNET_FACING, subnets: SUBNETS } },
  crossZone: { valid: false, wrong: 'false' },
  externalTrafficPolicy: { valid: TrafficPolicy.CLUSTER, wrong: 'cluster' },
  loadBalancerSourceRanges: { valid: ['203.0.113.0/24'], wrong: '203.0.113.0/24' },
  targetGroupAttributes: { valid: { deregistrationDelay: 30 }, wrong: 'deregistration_delay.timeout_seconds=30' },
  deletionProtection: { valid: true, wrong: 'true' },
  ipAddressType: { valid: NlbIpAddressType.DUALSTACK, wrong: 'ipv6' },
  ipv6SourceNatPrefix: { valid: false, wrong: 'off', with: { ipAddressType: NlbIpAddressType.DUALSTACK } },
  allocateLoadBalancerNodePorts: { valid: false, wrong: 'false' },
  healthCheck: { valid: { interval: Duration.seconds(20) }, wrong: 5 },
  healthSidecar: { valid: { probes: [UdpProbe.exchange(7777, { payload: 'ping' })] }, wrong: 'x' },
  kubernetesVersion: {
    valid: KubernetesVersion.of('1.22'),
    wrong: '1.22',
    with: { provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }), ports: [{ port: 53, protocol: NlbProtocol.TCP_UDP }] },
  },
  nodePortRange: { valid: PortRange.of(20000, 22767), wrong: '20000-22767', with: { ports: [{ port: 7777, nodePort: 20777 }] } },
  dns: { valid: { hostname: 'game.example.com', ttl: Duration.seconds(60), externalDnsPrefix: ExternalDnsPrefix.STABLE, srv: [{ service: 'game', protocol: SrvProtocol.UDP }] }, wrong: 'game.example.com' },
  networkPolicy: { valid: { nodeCidrs: ['10.0.0.0/16'] }, wrong: 'allow-game' },
};

auditProps((scope: Construct, props: NlbUdpLoadBalancerProps) => {
  const server = new kplus.Deployment(scope, 'server', { replicas: 2, containers: [{ name: 'game', image: 'example/game:1', portNumber: 7777 }] });
  const selector = (props as { selector?: unknown }).selector === undefined ? server : props.selector;
  new NlbUdpLoadBalancer(scope, 'nlb', { ...props, selector });
}, BASE, CASES);

