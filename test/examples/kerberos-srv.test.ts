import * as fs from 'node:fs';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { KerberosSrv } from '../../examples/kerberos-srv/main';
import { checkObjects, OBJECT_RULES, Protocol, UdpRules } from '../../src';
import { expectValidDnsEndpoints } from '../k8s/dns-endpoint-schema';

UdpRules.onWarning(() => undefined);

const chart = new KerberosSrv(Testing.app(), 'kerberos-srv');
const objects = Testing.synth(chart);
const services = objects.filter((o) => o.kind === 'Service' && o.spec.type === 'LoadBalancer');

test('the construct reports nothing and the linter finds nothing in what it synthesizes', () => {
  expect(UdpRules.findings(chart)).toEqual([]);
  expect(checkObjects(objects, OBJECT_RULES)).toEqual([]);
});

test('seed 002 on the AWS in-tree provider: two Services, two addresses', () => {
  expect(chart.endpoint.split).toBe(true);
  expect(chart.endpoint.sharedAddress).toBeUndefined();
  expect(services.map((s) => [s.metadata.name, s.spec.ports.map((p: any) => `${p.port}/${p.protocol}`)])).toEqual([
    ['kerberos-tcp', ['88/TCP']],
    ['kerberos-udp', ['88/UDP']],
  ]);
});

test('each Service publishes its own hostname through ExternalDNS, under both prefixes', () => {
  expect(services.map((s) => s.metadata.annotations)).toEqual([
    {
      'external-dns.alpha.kubernetes.io/hostname': 'tcp.kdc.example.com',
      'external-dns.alpha.kubernetes.io/ttl': '300',
      'external-dns.kubernetes.io/hostname': 'tcp.kdc.example.com',
      'external-dns.kubernetes.io/ttl': '300',
      'service.beta.kubernetes.io/aws-load-balancer-internal': 'true',
      'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
    },
    {
      'external-dns.alpha.kubernetes.io/hostname': 'udp.kdc.example.com',
      'external-dns.alpha.kubernetes.io/ttl': '300',
      'external-dns.kubernetes.io/hostname': 'udp.kdc.example.com',
      'external-dns.kubernetes.io/ttl': '300',
      'service.beta.kubernetes.io/aws-load-balancer-internal': 'true',
      'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
    },
  ]);
  expect(chart.endpoint.serviceFor(Protocol.UDP).externalDns.hostnames).toEqual(['udp.kdc.example.com']);
  expect(chart.endpoint.serviceFor(Protocol.TCP).externalDns.hostnames).toEqual(['tcp.kdc.example.com']);
});

test('_kerberos._udp and _kerberos._tcp SRV records, each at its protocol\'s hostname, valid against the DNSEndpoint CRD', () => {
  expect(expectValidDnsEndpoints(objects)).toEqual([
    {
      apiVersion: 'externaldns.k8s.io/v1alpha1',
      kind: 'DNSEndpoint',
      metadata: { name: 'kerberos-srv-udp' },
      spec: { endpoints: [{ dnsName: '_kerberos._udp.example.com', recordType: 'SRV', recordTTL: 300, targets: ['0 100 88 udp.kdc.example.com.'] }] },
    },
    {
      apiVersion: 'externaldns.k8s.io/v1alpha1',
      kind: 'DNSEndpoint',
      metadata: { name: 'kerberos-srv-tcp' },
      spec: { endpoints: [{ dnsName: '_kerberos._tcp.example.com', recordType: 'SRV', recordTTL: 300, targets: ['0 100 88 tcp.kdc.example.com.'] }] },
    },
  ]);
});

test('the KDC declares 88 on TCP and UDP and is probed on TCP', () => {
  const kdc = objects.find((o) => o.kind === 'StatefulSet').spec.template.spec.containers[0];
  expect(kdc.ports).toEqual([{ containerPort: 88 }, { containerPort: 88, protocol: 'UDP' }]);
  expect(kdc.readinessProbe.tcpSocket).toEqual({ port: 88 });
});

test('the example has its cdk8s.yaml and synthesizes only when run', () => {
  const dir = path.join(__dirname, '..', '..', 'examples', 'kerberos-srv');
  expect(fs.readFileSync(path.join(dir, 'cdk8s.yaml'), 'utf8')).toContain('app: npx ts-node --project ../../tsconfig.dev.json main.ts');
  expect(fs.readFileSync(path.join(dir, 'main.ts'), 'utf8')).toContain('if (require.main === module) {');
});
