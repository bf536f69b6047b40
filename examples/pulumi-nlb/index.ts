import * as pulumi from '@pulumi/pulumi';
import { Duration } from 'cdk8s';
// A Pulumi program: an internet-facing Network Load Balancer with three Elastic IPs in front of a NodePort DNS
// service (the cdk8s chart pins its NodePorts from ./ports), cross-zone on, a TCP health check on the health NodePort,
// a Route 53 A alias and SRV records for _domain._udp and _domain._tcp.
//
// Run it with `pulumi up` (needs the CLI and AWS credentials), or without either:
//   npx ts-node --project tsconfig.dev.json examples/pulumi-nlb/mock-preview.ts dist/pulumi-nlb
import { PORTS as GIVEN_PORTS } from './ports';
import { HealthCheckProtocol, NlbProtocol, LoadBalancerScheme, NlbUdpLoadBalancer, pinNodePorts, SrvProtocol } from 'k8s-udp-constructs/pulumi';

// Checked once more here: NodePorts in range, none taken by two different ports.
const PORTS = pinNodePorts(GIVEN_PORTS);

const config = new pulumi.Config();
const vpcId = config.get('vpcId') ?? 'vpc-0a1b2c3d4e5f60718';
const subnets = config.getObject<string[]>('subnets') ??
  ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002', 'subnet-0a1b2c3d4e5f60003'];
const nodeGroupAsgNames = config.getObject<string[]>('nodeGroupAsgNames') ?? ['eks-dns-nodes-2024'];
const zoneId = config.get('zoneId') ?? 'Z0123456789EXAMPLE';
const hostname = config.get('hostname') ?? 'dns.example.com';
const domain = config.get('domain') ?? 'example.com';

const nlb = new NlbUdpLoadBalancer('dns', {
  vpcId,
  subnets,
  scheme: LoadBalancerScheme.INTERNET_FACING,
  // One new Elastic IP per subnet, kept on `pulumi destroy` (retainEipsOnDelete defaults to true).
  eips: 'allocate',
  crossZone: true,
  ports: [{ port: PORTS.dns.port, protocol: NlbProtocol.TCP_UDP, targetPort: PORTS.dns.nodePort }],
  targets: { autoScalingGroupNames: nodeGroupAsgNames },
  healthCheck: {
    protocol: HealthCheckProtocol.TCP,
    port: PORTS.health.nodePort,
    interval: Duration.seconds(10),
    timeout: Duration.seconds(5),
    healthyThreshold: 3,
    unhealthyThreshold: 3,
  },
  targetGroupAttributes: { deregistrationDelay: 30, connectionTermination: true },
  dns: {
    zoneId,
    hostname,
    ttl: Duration.seconds(300),
    srv: [
      { service: 'domain', protocol: SrvProtocol.UDP, domain },
      { service: 'domain', protocol: SrvProtocol.TCP, domain },
    ],
  },
  tags: { 'app': 'dns', 'managed-by': 'pulumi' },
});

export const loadBalancerArn = nlb.loadBalancerArn;
export const dnsName = nlb.dnsName;
export const publicIps = nlb.eipPublicIps;
export const allocationIds = nlb.eipAllocationIds;
export const targetGroupArns = nlb.targetGroupArns;
export const listenerArns = nlb.listenerArns;
export const recordNames = nlb.recordNames;
