/*
 * Every prop of UdpService, audited: a valid value takes effect (the synthesized objects change) or is a finding,
 * and a value of the wrong type (untyped input: JavaScript, YAML-driven wrappers) is a finding that names the prop,
 * never a TypeError and never silently read as something else. The table is typed by the props interface, so a new
 * prop without an entry fails the type check.
 */
import { Duration } from 'cdk8s';
import { auditProps, PropCase } from './audit';
import {
  ExternalDnsPrefix, IpFamily, IpFamilyPolicy, LoadBalancerProvider, PortRange, ServiceType, SessionAffinity,
  TrafficPolicy, UdpService, UdpServiceProps,
  NetworkPolicyPeer,
} from '../../src';

const BASE: UdpServiceProps = { metadata: { name: 'dns' }, selector: { app: 'dns' }, type: ServiceType.LOAD_BALANCER, ports: [{ port: 53 }] };

const CASES: Record<keyof UdpServiceProps, PropCase<UdpServiceProps>> = {
  metadata: { valid: { name: 'other', labels: { a: 'b' } }, wrong: 5 },
  selector: { valid: { app: 'other' }, wrong: 5 },
  type: { valid: ServiceType.NODE_PORT, wrong: 'Loadbalancer' },
  externalTrafficPolicy: { valid: TrafficPolicy.LOCAL, wrong: 'local' },
  internalTrafficPolicy: { valid: TrafficPolicy.LOCAL, wrong: 7 },
  sessionAffinity: { valid: SessionAffinity.clientIp(Duration.minutes(5)), wrong: 'ClientIP' },
  loadBalancerClass: { valid: 'example.com/lb', wrong: 5 },
  loadBalancerSourceRanges: { valid: ['10.0.0.0/8'], wrong: '10.0.0.0/8' },
  allocateLoadBalancerNodePorts: { valid: false, wrong: 'false' },
  ipFamilyPolicy: { valid: IpFamilyPolicy.PREFER_DUAL_STACK, wrong: 'dual' },
  ipFamilies: { valid: [IpFamily.IPV6], wrong: 'IPv6' },
  publishNotReadyAddresses: { valid: true, wrong: 'yes' },
  provider: { valid: LoadBalancerProvider.awsLoadBalancerController(), wrong: 'aws' },
  nodePortRange: { valid: PortRange.of(20000, 22767), wrong: '20000-22767', with: { ports: [{ port: 53, nodePort: 20053 }] } },
  hostname: { valid: 'dns.example.com', wrong: 5 },
  ttl: { valid: 60, wrong: '60s' },
  externalDnsPrefix: { valid: ExternalDnsPrefix.STABLE, wrong: 'ga', with: { hostname: 'dns.example.com' } },
  ports: { valid: [{ port: 54 }], wrong: 53 },
  healthNodePort: { valid: { nodePort: 30080 }, wrong: 30080 },
  networkPolicy: { valid: { from: [NetworkPolicyPeer.namespace('clients')] }, wrong: 'allow-dns' },
};

auditProps((scope, props: UdpServiceProps) => new UdpService(scope, 'svc', props), BASE, CASES);
