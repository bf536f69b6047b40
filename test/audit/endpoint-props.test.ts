/* Every prop of DualProtocolEndpoint and of SrvRecord, audited (see audit.ts). */
import { Duration } from 'cdk8s';
import { auditProps, PropCase } from './audit';
import {
  DualProtocolEndpoint, DualProtocolEndpointProps, ExternalDnsPrefix, IpFamily, IpFamilyPolicy, KubernetesVersion,
  LoadBalancerProvider, MixedProtocolMode, NetworkPolicyPeer, PortRange, ServiceType, SessionAffinity, SrvProtocol, SrvRecord,
  SrvRecordProps, TrafficPolicy,
} from '../../src';

const ENDPOINT: DualProtocolEndpointProps = {
  metadata: { name: 'dns' }, selector: { app: 'dns' }, type: ServiceType.NODE_PORT, ports: [{ name: 'dns', port: 53 }],
};
const LOAD_BALANCER: Partial<DualProtocolEndpointProps> = { type: ServiceType.LOAD_BALANCER, provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }) };

const ENDPOINT_CASES: Record<keyof DualProtocolEndpointProps, PropCase<DualProtocolEndpointProps>> = {
  metadata: { valid: { name: 'other' }, wrong: 5 },
  selector: { valid: { app: 'other' }, wrong: 5 },
  type: { valid: ServiceType.CLUSTER_IP, wrong: 'Loadbalancer' },
  externalTrafficPolicy: { valid: TrafficPolicy.LOCAL, wrong: 'local' },
  internalTrafficPolicy: { valid: TrafficPolicy.LOCAL, wrong: 7 },
  sessionAffinity: { valid: SessionAffinity.clientIp(Duration.minutes(5)), wrong: 'ClientIP' },
  loadBalancerClass: { valid: 'example.com/lb', wrong: 5, with: LOAD_BALANCER },
  loadBalancerSourceRanges: { valid: ['10.0.0.0/8'], wrong: '10.0.0.0/8', with: LOAD_BALANCER },
  allocateLoadBalancerNodePorts: { valid: false, wrong: 'false', with: LOAD_BALANCER },
  ipFamilyPolicy: { valid: IpFamilyPolicy.PREFER_DUAL_STACK, wrong: 'dual' },
  ipFamilies: { valid: [IpFamily.IPV6], wrong: 'IPv6' },
  publishNotReadyAddresses: { valid: true, wrong: 'yes' },
  provider: { valid: LoadBalancerProvider.awsInTree(), wrong: 'aws', with: { type: ServiceType.LOAD_BALANCER } },
  nodePortRange: { valid: PortRange.of(20000, 22767), wrong: '20000-22767', with: { ports: [{ name: 'dns', port: 53, nodePort: 20053 }] } },
  hostname: { valid: 'dns.example.com', wrong: 5 },
  ttl: { valid: 60, wrong: '60s', with: { hostname: 'dns.example.com' } },
  externalDnsPrefix: { valid: ExternalDnsPrefix.STABLE, wrong: 'ga', with: { hostname: 'dns.example.com' } },
  ports: { valid: [{ name: 'dns', port: 54 }], wrong: 53 },
  kubernetesVersion: { valid: KubernetesVersion.of('1.22'), wrong: '1.22', with: LOAD_BALANCER },
  mixedProtocol: { valid: MixedProtocolMode.SPLIT, wrong: 'split-it' },
  dns: { valid: { service: 'domain', hostname: 'dns.example.com', domain: 'example.com' }, wrong: 'dns.example.com' },
  healthNodePort: { valid: { nodePort: 30080 }, wrong: 30080 },
  networkPolicy: { valid: { from: [NetworkPolicyPeer.namespace('clients')] }, wrong: 'allow-dns' },
};

describe('DualProtocolEndpoint', () => {
  auditProps((scope, props: DualProtocolEndpointProps) => new DualProtocolEndpoint(scope, 'dns', props), ENDPOINT, ENDPOINT_CASES);
});

const SRV: SrvRecordProps = {
  service: 'kerberos', protocol: SrvProtocol.UDP, domain: 'example.com', targets: [{ host: 'kdc.example.com', port: 88 }],
};

const SRV_CASES: Record<keyof SrvRecordProps, PropCase<SrvRecordProps>> = {
  metadata: { valid: { name: 'other' }, wrong: 5 },
  service: { valid: 'ldap', wrong: 88 },
  protocol: { valid: SrvProtocol.TCP, wrong: 'sctp' },
  domain: { valid: 'example.org', wrong: 5 },
  targets: { valid: [{ host: 'kdc2.example.com', port: 88 }], wrong: 'kdc.example.com:88' },
  ttl: { valid: 300, wrong: '5m' },
  externalDnsVersion: { valid: '0.20', wrong: 'latest' },
};

describe('SrvRecord', () => {
  auditProps((scope, props: SrvRecordProps) => new SrvRecord(scope, 'srv', props), SRV, SRV_CASES);
});
