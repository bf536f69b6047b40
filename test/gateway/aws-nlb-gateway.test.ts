import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { expectValidCustomObjects } from './crd-schema';
import { CorednsNlbGateway } from '../../examples/coredns-nlb-gateway/main';
import {
  checkObjects, formatFinding, GatewayEndpoint, GatewayImplementation, GatewayRef, HealthCheckProtocol, LoadBalancerScheme,
  NetworkPolicyPeer, NlbTargetType, OBJECT_RULES, Protocol, RouteApiVersion, UdpRules,
} from '../../src';
import { chart, only } from '../k8s/helpers';

const SUBNET_MAPPING = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SubnetMapping.html';
const LBC_ANNOTATIONS = 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/docs/guide/service/annotations.md';
const CREATE_TARGET_GROUP = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html';
const CDK_TG = 'https://github.com/aws/aws-cdk/blob/main/packages/aws-cdk-lib/aws-elasticloadbalancingv2/lib/nlb/network-target-group.ts';
const CLIENT_IP = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation';
const SERVICE_VALIDATION = 'https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go';
const L4 = 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/gateway/l4gateway/';
const LB_CONFIG = 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/gateway/loadbalancerconfig/';
const LBC_TG = 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/pkg/service/model_build_target_group.go';
const SUBNETS = ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002'];
const EIPS = ['eipalloc-0a1b2c3d4e5f60001', 'eipalloc-0a1b2c3d4e5f60002'];

function coredns(c = chart()) {
  return new kplus.Deployment(c, 'coredns', {
    replicas: 2,
    containers: [{ name: 'coredns', image: 'coredns/coredns:1.11.1', ports: [{ number: 53, protocol: kplus.Protocol.UDP, name: 'dns' }], securityContext: { ensureNonRoot: false } }],
  });
}

const AWS = (version?: string) => GatewayImplementation.awsLoadBalancerController({ version });

test('the NLB options become a LoadBalancerConfiguration on the Gateway and a TargetGroupConfiguration on the Service, checked on the sidecar', () => {
  const c = chart();
  const endpoint = new GatewayEndpoint(c, 'dns', {
    metadata: { name: 'dns' },
    selector: coredns(c),
    gatewayClassName: 'aws-nlb',
    implementation: AWS('3.5.0'),
    ports: [{ port: 53 }],
    nlb: {
      scheme: LoadBalancerScheme.INTERNET_FACING,
      subnets: SUBNETS,
      eips: EIPS,
      crossZone: false,
      deletionProtection: true,
      loadBalancerSourceRanges: ['198.51.100.0/24'],
      healthCheck: { interval: Duration.seconds(10), healthyThreshold: 3 },
      targetGroupAttributes: { deregistrationDelay: 30 },
    },
  });
  expect(only(c, 'Gateway').spec.infrastructure).toEqual({ parametersRef: { group: 'gateway.k8s.aws', kind: 'LoadBalancerConfiguration', name: 'dns' } });
  expect(only(c, 'LoadBalancerConfiguration')).toEqual({
    apiVersion: 'gateway.k8s.aws/v1',
    kind: 'LoadBalancerConfiguration',
    metadata: { name: 'dns' },
    spec: {
      scheme: 'internet-facing',
      loadBalancerSubnets: [{ identifier: SUBNETS[0], eipAllocation: EIPS[0] }, { identifier: SUBNETS[1], eipAllocation: EIPS[1] }],
      sourceRanges: ['198.51.100.0/24'],
      loadBalancerAttributes: [{ key: 'load_balancing.cross_zone.enabled', value: 'false' }, { key: 'deletion_protection.enabled', value: 'true' }],
    },
  });
  expect(only(c, 'TargetGroupConfiguration')).toEqual({
    apiVersion: 'gateway.k8s.aws/v1',
    kind: 'TargetGroupConfiguration',
    metadata: { name: 'dns' },
    spec: {
      targetReference: { name: 'dns' },
      defaultConfiguration: {
        targetType: 'ip',
        healthCheckConfig: { healthCheckProtocol: 'HTTP', healthCheckPort: '10080', healthCheckPath: '/healthz', healthCheckInterval: 10, healthyThresholdCount: 3 },
        targetGroupAttributes: [{ key: 'deregistration_delay.timeout_seconds', value: '30' }],
      },
    },
  });
  expect(endpoint.nlb?.healthSidecar?.httpPort).toBe(10080);
  expect(UdpRules.findings(c)).toEqual([]);
  expect(expectValidCustomObjects(Testing.synth(c)).filter((k) => k.startsWith('gateway.k8s.aws'))).toEqual([
    'gateway.k8s.aws/v1 LoadBalancerConfiguration', 'gateway.k8s.aws/v1 TargetGroupConfiguration',
  ]);
});

test('defaults: internal, cross-zone on, no sidecar for instance targets with a health-check port', () => {
  const c = chart();
  new GatewayEndpoint(c, 'dns', {
    metadata: { name: 'dns' },
    selector: coredns(c),
    gatewayClassName: 'aws-nlb',
    implementation: AWS(),
    ports: [{ port: 53 }],
    nlb: { targetType: NlbTargetType.INSTANCE, healthCheck: { protocol: HealthCheckProtocol.TCP, port: 8080 } },
  });
  expect(only(c, 'LoadBalancerConfiguration').spec).toEqual({ scheme: 'internal', loadBalancerAttributes: [{ key: 'load_balancing.cross_zone.enabled', value: 'true' }] });
  expect(only(c, 'TargetGroupConfiguration').spec.defaultConfiguration).toEqual({
    targetType: 'instance', healthCheckConfig: { healthCheckProtocol: 'TCP', healthCheckPort: '8080' },
  });
  expect(only(c, 'Deployment').spec.template.spec.containers.map((x: any) => x.name)).toEqual(['coredns']);
});

test('the bad inputs the Service-based NLB refuses are refused with the same rule ids', () => {
  const c = chart();
  new GatewayEndpoint(c, 'dns', {
    metadata: { name: 'dns' },
    selector: coredns(c),
    gatewayClassName: 'aws-nlb',
    implementation: AWS(),
    ports: [{ port: 53 }],
    nlb: {
      subnets: SUBNETS,
      eips: [EIPS[0]],
      loadBalancerSourceRanges: ['10.0.0.0/8', '10.0.0.1'],
      healthCheck: { protocol: 'UDP' as HealthCheckProtocol, interval: Duration.seconds(3) },
      targetGroupAttributes: { preserveClientIp: false },
    },
  });
  expect(UdpRules.messages(c)).toEqual([
    `[UDP521] test/dns: nlb.eips ["eipalloc-0a1b2c3d4e5f60001"]: cannot be used with scheme 'internal' (the default) (nlb.scheme: 'internet-facing'; ${SUBNET_MAPPING})`,
    `[UDP522] test/dns: nlb.eips ["eipalloc-0a1b2c3d4e5f60001"]: has 1 allocation id for 2 subnets (exactly one Elastic IP per subnet (2), paired by position; ${LBC_ANNOTATIONS})`,
    `[UDP551] test/dns: nlb.targetGroupAttributes.preserveClientIp false: cannot be disabled for UDP target groups (true, or leave it unset; ${CLIENT_IP})`,
    `[UDP114] test/dns: nlb.loadBalancerSourceRanges[1] "10.0.0.1": must be a CIDR (an IPv4 or IPv6 CIDR such as "10.0.0.0/8" or "2001:db8::/32"; ${SERVICE_VALIDATION})`,
    `[UDP501] test/dns: nlb.healthCheck.protocol "UDP": is not possible: AWS cannot health-check over UDP (TCP, HTTP or HTTPS; ${CREATE_TARGET_GROUP}) Fix: check a TCP or HTTP health port (a health sidecar, or healthCheckNodePort with Local)`,
    `[UDP504] test/dns: nlb.healthCheck.interval 3: must be a whole number of seconds between 5 and 300 (5..300 seconds; ${CDK_TG})`,
  ]);
});

test('UDP712: NLB options on another implementation, NLB-wide options on a Gateway that exists', () => {
  const c = chart();
  new GatewayEndpoint(c, 'envoy', { metadata: { name: 'envoy' }, selector: coredns(c), gatewayClassName: 'eg', implementation: GatewayImplementation.envoyGateway(), ports: [{ port: 53 }], nlb: {} });
  const shared = new GatewayEndpoint(c, 'shared', {
    metadata: { name: 'shared' },
    selector: coredns(chart()),
    ports: [{ port: 53 }],
    nlb: { crossZone: false, targetGroupAttributes: { deregistrationDelay: 30 } },
    gateway: GatewayRef.fromName('edge', { implementation: AWS(), listeners: [{ name: 'dns', port: 53, protocol: Protocol.UDP }] }),
  });
  expect(UdpRules.messages(c)).toEqual([
    `[UDP712] test/envoy: nlb "gateway.envoyproxy.io/gatewayclass-controller": configures an NLB gateway of the AWS Load Balancer Controller, and the Gateway is not one: nothing reads it (implementation: GatewayImplementation.awsLoadBalancerController() with its NLB GatewayClass, or no nlb; ${LB_CONFIG})`,
    `[UDP712] test/shared: nlb.crossZone false: configures the NLB of the Gateway, which is not made here: its owner sets it in the Gateway's LoadBalancerConfiguration (the target-group options (targetType, healthCheck, targetGroupAttributes, healthSidecar), or a Gateway made here (gatewayClassName); ${LB_CONFIG})`,
  ]);
  expect([shared.nlb?.loadBalancerConfiguration, shared.nlb?.targetGroupConfiguration.toJson().spec.defaultConfiguration.targetGroupAttributes])
    .toEqual([undefined, [{ key: 'deregistration_delay.timeout_seconds', value: '30' }]]);
});

test('UDP713: TCP and UDP on one port before 2.17, v1 routes before 3.5, v1alpha2 routes from 3.5', () => {
  const c = chart();
  UdpRules.silence(c, 'UDP204');
  new GatewayEndpoint(c, 'old', { metadata: { name: 'old' }, selector: coredns(c), gatewayClassName: 'aws-nlb', implementation: AWS('2.16.0'), ports: [{ port: 53, tcp: true }] });
  expect(UdpRules.messages(c)).toEqual([
    `[UDP713] test/old: ports[0].tcp true: needs TCP and UDP listeners on port 53 merged into one TCP_UDP listener, which the AWS Load Balancer Controller does from 2.17.0 on (this one is 2.16.0) (controller 2.17.0 or later, or TCP and UDP on different ports or Gateways; ${L4})`,
    `[UDP713] test/old: routeApiVersion "v1": is v1, which the AWS Load Balancer Controller reads from 3.5.0 on (this one is 2.16.0) (RouteApiVersion.V1ALPHA2 (with the experimental channel's CRDs), or controller 3.5.0 or later; ${L4})`,
  ]);
  const c2 = chart();
  UdpRules.silence(c2, 'UDP204');
  new GatewayEndpoint(c2, 'new', {
    metadata: { name: 'new' }, selector: coredns(c2), gatewayClassName: 'aws-nlb', implementation: AWS('3.5.1'), ports: [{ port: 53, tcp: true }], routeApiVersion: RouteApiVersion.V1ALPHA2,
  });
  expect(UdpRules.messages(c2)).toEqual([
    `[UDP713] test/new: routeApiVersion "v1alpha2": is v1alpha2, and the AWS Load Balancer Controller reads v1 routes from 3.5.0 on (this one is 3.5.1) (RouteApiVersion.V1; ${L4})`,
  ]);
});

describe('the linter on the controller\'s Gateway parameters: the Service side\'s rule ids', () => {
  const lint = (objects: any[]) => checkObjects(objects, OBJECT_RULES).map((f) => `${f.severity} ${formatFinding(f, 'obj')}`);
  test('UDP560, UDP561 on a LoadBalancerConfiguration; UDP562, UDP563 on a TargetGroupConfiguration', () => {
    expect(lint([
      { apiVersion: 'gateway.k8s.aws/v1', kind: 'LoadBalancerConfiguration', metadata: { name: 'a' }, spec: { loadBalancerSubnets: [{ identifier: SUBNETS[0], eipAllocation: EIPS[0] }] } },
      { apiVersion: 'gateway.k8s.aws/v1', kind: 'LoadBalancerConfiguration', metadata: { name: 'b' }, spec: { scheme: 'internet-facing', loadBalancerSubnets: [{ identifier: SUBNETS[0], eipAllocation: EIPS[0] }, { identifier: SUBNETS[1] }] } },
      { apiVersion: 'gateway.k8s.aws/v1', kind: 'TargetGroupConfiguration', metadata: { name: 'c' }, spec: { targetReference: { name: 'dns' }, defaultConfiguration: { healthCheckConfig: { healthCheckProtocol: 'UDP', healthCheckInterval: 3 } } } },
    ])).toEqual([
      `error [UDP560] obj: spec.loadBalancerSubnets[].eipAllocation ["eipalloc-0a1b2c3d4e5f60001"]: cannot be used with scheme 'internal' (the default) (spec.scheme: 'internet-facing'; ${LBC_ANNOTATIONS})`,
      `error [UDP561] obj: spec.loadBalancerSubnets[].eipAllocation ["eipalloc-0a1b2c3d4e5f60001"]: has 1 allocation id for 2 subnets (exactly one Elastic IP per subnet (2), paired by position; ${LBC_ANNOTATIONS})`,
      `error [UDP562] obj: spec.defaultConfiguration.healthCheckConfig.healthCheckProtocol "UDP": is not possible: AWS cannot health-check over UDP (TCP, HTTP or HTTPS; ${LBC_TG}) Fix: check a TCP or HTTP health port (a health sidecar, or healthCheckNodePort with Local)`,
      `error [UDP563] obj: spec.defaultConfiguration.healthCheckConfig.healthCheckInterval 3: must be a whole number of seconds between 5 and 300 (5..300 seconds; ${CREATE_TARGET_GROUP})`,
    ]);
  });
});

describe('example coredns-nlb-gateway', () => {
  const c = new CorednsNlbGateway(Testing.app(), 'coredns-nlb-gateway');
  const objects = Testing.synth(c);

  test('no finding, every custom object valid against its CRD', () => {
    expect(UdpRules.findings(c)).toEqual([]);
    expect(checkObjects(objects, OBJECT_RULES)).toEqual([]);
    expect(expectValidCustomObjects(objects)).toEqual([
      'gateway.networking.k8s.io/v1 Gateway', 'gateway.networking.k8s.io/v1 UDPRoute', 'gateway.networking.k8s.io/v1 TCPRoute',
      'gateway.k8s.aws/v1 LoadBalancerConfiguration', 'gateway.k8s.aws/v1 TargetGroupConfiguration',
    ]);
  });

  test('TCP and UDP on 53 to CoreDNS on 1053, EIPs, the health check on the sidecar\'s DNS probe', () => {
    const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
    expect(byKind('Service')[0].spec.ports).toEqual([
      { name: 'dns-udp', port: 53, protocol: 'UDP', targetPort: 1053 },
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 1053 },
    ]);
    expect(byKind('LoadBalancerConfiguration')[0].spec.loadBalancerSubnets).toEqual([
      { identifier: SUBNETS[0], eipAllocation: EIPS[0] }, { identifier: SUBNETS[1], eipAllocation: EIPS[1] },
    ]);
    expect(byKind('TargetGroupConfiguration')[0].spec.defaultConfiguration.healthCheckConfig).toEqual({
      healthCheckProtocol: 'HTTP', healthCheckPort: '10080', healthCheckPath: '/healthz', healthCheckInterval: 10, healthCheckTimeout: 5,
    });
    const sidecar = byKind('Deployment')[0].spec.template.spec.containers.find((x: any) => x.name === 'udp-health');
    expect(sidecar.env.find((e: any) => e.name === 'UDP_HEALTH_PROBES').value).toBe('dns 127.0.0.1 1053 2 example.com soa NOERROR,NXDOMAIN');
  });
});

test('networkPolicy behind an NLB gateway: the clients (UDP keeps their address) and the sidecar\'s port from the VPC for the health checks', () => {
  const c = chart();
  new GatewayEndpoint(c, 'dns', {
    metadata: { name: 'dns' },
    selector: coredns(c),
    gatewayClassName: 'aws-nlb',
    implementation: AWS('3.5.0'),
    ports: [{ port: 53, targetPort: 53 }],
    nlb: { scheme: LoadBalancerScheme.INTERNET_FACING, subnets: SUBNETS, eips: EIPS },
    networkPolicy: { from: [NetworkPolicyPeer.cidr('198.51.100.0/24')], nodeCidrs: ['10.0.0.0/16'] },
  });
  expect(only(c, 'NetworkPolicy').spec.ingress).toEqual([
    { from: [{ ipBlock: { cidr: '198.51.100.0/24' } }], ports: [{ port: 53, protocol: 'UDP' }] },
    { from: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ port: 10080, protocol: 'TCP' }] },
  ]);
});
