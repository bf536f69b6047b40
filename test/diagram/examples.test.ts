import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'cdk8s';
import { Http3Nlb } from '../../examples/http3-nlb/main';
import { KerberosSrv } from '../../examples/kerberos-srv/main';
import { NlbDnsDual } from '../../examples/nlb-dns-dual/main';
import { NlbUdpEks } from '../../examples/nlb-udp-eks/main';
import { cdk8sExamples, exampleDiagram, FLAGSHIP_EXAMPLE } from '../../scripts/diagrams';
import { Diagram, HopKind, PathKind } from '../../src';

const ROOT = path.resolve(__dirname, '..', '..');

/** The Mermaid lines without the style definitions every diagram ends with. */
function drawn(mermaid: string): string[] {
  return mermaid.trimEnd().split('\n').filter((line) => !line.startsWith('  classDef '));
}

describe('the flagship example: UDP behind an internet-facing NLB with Elastic IPs, a DNS name and the health sidecar', () => {
  const diagram = Diagram.fromChart(new NlbUdpEks(new App(), 'nlb-udp-eks'));

  test('exact Mermaid: every hop, every path, every label', () => {
    expect(drawn(diagram.toMermaid())).toEqual([
      'flowchart LR',
      '  client(["client"])',
      '  svc_my_service["Service my-service<br/>LoadBalancer<br/>NLB internet-facing, ip targets<br/>'
        + 'subnet-0a1b2c3d4e5f60001: eipalloc-0a1b2c3d4e5f60001<br/>subnet-0a1b2c3d4e5f60002: eipalloc-0a1b2c3d4e5f60002<br/>'
        + 'subnet-0a1b2c3d4e5f60003: eipalloc-0a1b2c3d4e5f60003<br/>cross-zone on<br/>externalTrafficPolicy Local"]',
      '  dns_test_example_com[/"DNS test.example.com<br/>TTL 160"/]',
      '  kubelet(["kubelet"])',
      '  tg_my_service_1234_udp[["target group 1234/UDP<br/>ip targets"]]',
      '  subgraph wl_deployment_nlb_udp_eks_example_c82b0ef9["Deployment nlb-udp-eks-example-c82b0ef9, 3 replicas"]',
      '    ctr_nlb_udp_eks_example_c82b0ef9_example["container example<br/>1234/UDP"]',
      '    ctr_nlb_udp_eks_example_c82b0ef9_udp_health("health sidecar udp-health<br/>10080/TCP (udp-health)")',
      '  end',
      '  kubelet -.->|"readiness HTTP :10080 /healthz"| ctr_nlb_udp_eks_example_c82b0ef9_udp_health',
      '  ctr_nlb_udp_eks_example_c82b0ef9_udp_health -.->|"probes 1234/UDP (exchange)"| ctr_nlb_udp_eks_example_c82b0ef9_example',
      '  client -->|"resolve"| dns_test_example_com',
      '  dns_test_example_com -->|"1234/UDP"| svc_my_service',
      '  svc_my_service -->|"listener 1234/UDP"| tg_my_service_1234_udp',
      '  tg_my_service_1234_udp -->|"1234/UDP"| ctr_nlb_udp_eks_example_c82b0ef9_example',
      '  tg_my_service_1234_udp -.->|"health check HTTP :10080 /healthz"| ctr_nlb_udp_eks_example_c82b0ef9_udp_health',
    ]);
  });

  test('the health-check path is apart from the traffic path: the NLB checks the sidecar, which probes the server over UDP', () => {
    const health = diagram.graph.edges.filter((e) => e.path === PathKind.HEALTH).map((e) => `${e.from} -> ${e.to}: ${e.label}`);
    const traffic = diagram.graph.edges.filter((e) => e.path === PathKind.TRAFFIC).map((e) => `${e.from} -> ${e.to}: ${e.label}`);
    expect(health).toEqual([
      'kubelet -> ctr_nlb_udp_eks_example_c82b0ef9_udp_health: readiness HTTP :10080 /healthz',
      'ctr_nlb_udp_eks_example_c82b0ef9_udp_health -> ctr_nlb_udp_eks_example_c82b0ef9_example: probes 1234/UDP (exchange)',
      'tg_my_service_1234_udp -> ctr_nlb_udp_eks_example_c82b0ef9_udp_health: health check HTTP :10080 /healthz',
    ]);
    expect(traffic).toEqual([
      'client -> dns_test_example_com: resolve',
      'dns_test_example_com -> svc_my_service: 1234/UDP',
      'svc_my_service -> tg_my_service_1234_udp: listener 1234/UDP',
      'tg_my_service_1234_udp -> ctr_nlb_udp_eks_example_c82b0ef9_example: 1234/UDP',
    ]);
    expect(diagram.graph.nodes.find((n) => n.id === 'ctr_nlb_udp_eks_example_c82b0ef9_udp_health')?.kind).toBe(HopKind.SIDECAR);
  });

  test('no findings: nothing is marked, nothing is left unplaced', () => {
    expect([...diagram.graph.nodes, ...diagram.graph.edges, ...diagram.graph.groups].flatMap((x) => x.marks)).toEqual([]);
    expect(diagram.unplaced).toEqual([]);
  });

  test('the same DOT for the same chart: deterministic', () => {
    const again = Diagram.fromChart(new NlbUdpEks(new App(), 'nlb-udp-eks'));
    expect(again.toDot()).toBe(diagram.toDot());
    expect(diagram.toDot()).toContain('  tg_my_service_1234_udp -> ctr_nlb_udp_eks_example_c82b0ef9_udp_health '
      + '[label="health check HTTP :10080 /healthz", style=dashed];');
  });
});

test('kerberos-srv: SRV records lead to the names the two split Services publish, over UDP and TCP', () => {
  const mermaid = drawn(Diagram.fromChart(new KerberosSrv(new App(), 'kerberos-srv')).toMermaid());
  expect(mermaid.filter((line) => line.includes('-->') || line.includes('-.->'))).toEqual([
    '  client -->|"88/TCP"| svc_kerberos_srv_kdc_peers_c8fd96cf',
    '  svc_kerberos_srv_kdc_peers_c8fd96cf -->|"88/TCP"| ctr_kerberos_srv_kdc_c81491ee_kdc',
    '  kubelet -.->|"startup TCP :88"| ctr_kerberos_srv_kdc_c81491ee_kdc',
    '  kubelet -.->|"readiness TCP :88"| ctr_kerberos_srv_kdc_c81491ee_kdc',
    '  client -->|"resolve"| dns_tcp_kdc_example_com',
    '  dns_tcp_kdc_example_com -->|"88/TCP"| svc_kerberos_tcp',
    '  svc_kerberos_tcp -->|"listener 88/TCP"| tg_kerberos_tcp_88_tcp',
    '  tg_kerberos_tcp_88_tcp -->|"node port to 88/TCP"| ctr_kerberos_srv_kdc_c81491ee_kdc',
    '  tg_kerberos_tcp_88_tcp -.->|"health check TCP traffic port"| ctr_kerberos_srv_kdc_c81491ee_kdc',
    '  client -->|"resolve"| dns_udp_kdc_example_com',
    '  dns_udp_kdc_example_com -->|"88/UDP"| svc_kerberos_udp',
    '  svc_kerberos_udp -->|"listener 88/UDP"| tg_kerberos_udp_88_udp',
    '  tg_kerberos_udp_88_udp -->|"node port to 88/UDP"| ctr_kerberos_srv_kdc_c81491ee_kdc',
    '  tg_kerberos_udp_88_udp -.->|"health check TCP traffic port"| ctr_kerberos_srv_kdc_c81491ee_kdc',
    '  client -->|"lookup SRV"| rec_kerberos_srv_udp_0',
    '  rec_kerberos_srv_udp_0 -->|"88/UDP"| dns_udp_kdc_example_com',
    '  client -->|"lookup SRV"| rec_kerberos_srv_tcp_0',
    '  rec_kerberos_srv_tcp_0 -->|"88/TCP"| dns_tcp_kdc_example_com',
  ]);
  expect(mermaid).toContain('  rec_kerberos_srv_udp_0[/"SRV _kerberos._udp.example.com<br/>0 100 88 udp.kdc.example.com.<br/>TTL 300"/]');
  expect(mermaid).toContain('  svc_kerberos_udp["Service kerberos-udp<br/>LoadBalancer<br/>NLB internal, instance targets (in-tree provider)<br/>cross-zone off"]');
  expect(mermaid).toContain('    ctr_kerberos_srv_kdc_c81491ee_kdc["container kdc<br/>88/TCP<br/>88/UDP"]');
});

test('nlb-dns-dual: TCP and UDP on 53 are one TCP_UDP listener and one target group', () => {
  const mermaid = drawn(Diagram.fromChart(new NlbDnsDual(new App(), 'nlb-dns-dual')).toMermaid());
  expect(mermaid.filter((line) => line.includes('svc_dns') || line.includes('tg_dns'))).toEqual([
    '  svc_dns["Service dns<br/>LoadBalancer<br/>NLB internal, ip targets<br/>cross-zone on<br/>externalTrafficPolicy Local"]',
    '  tg_dns_53_tcp_udp[["target group 53/TCP_UDP<br/>ip targets"]]',
    '  client -->|"53/TCP"| svc_dns',
    '  svc_dns -->|"listener 53/TCP_UDP"| tg_dns_53_tcp_udp',
    '  tg_dns_53_tcp_udp -->|"1053/TCP_UDP"| ctr_nlb_dns_dual_coredns_c8b0cafd_coredns',
    '  tg_dns_53_tcp_udp -.->|"health check TCP traffic port"| ctr_nlb_dns_dual_coredns_c8b0cafd_coredns',
    '  client -->|"53/UDP"| svc_dns',
  ]);
});

test('http3-nlb: TCP and UDP on 443 with the QUIC annotation are one TCP_QUIC listener and one target group', () => {
  const mermaid = drawn(Diagram.fromChart(new Http3Nlb(new App(), 'http3-nlb')).toMermaid());
  expect(mermaid.filter((line) => line.includes('tg_web'))).toEqual([
    '  tg_web_443_tcp_quic[["target group 443/TCP_QUIC<br/>ip targets"]]',
    '  svc_web -->|"listener 443/TCP_QUIC"| tg_web_443_tcp_quic',
    '  tg_web_443_tcp_quic -->|"8443/TCP_QUIC"| ctr_http3_nlb_web_c8270556_envoy',
    '  tg_web_443_tcp_quic -.->|"health check HTTP :9901 /ready"| ctr_http3_nlb_web_c8270556_envoy',
  ]);
});

describe('docs/diagrams holds the diagram of every cdk8s example, as the chart draws it', () => {
  test.each(cdk8sExamples())('%s', (name) => {
    const file = path.join(ROOT, 'docs', 'diagrams', `${name}.mmd`);
    expect(fs.readFileSync(file, 'utf8')).toBe(exampleDiagram(name).toMermaid());
    expect(fs.existsSync(path.join(ROOT, 'docs', 'diagrams', `${name}.svg`))).toBe(true);
  });

  test('the README shows the flagship example, in a Mermaid block', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(['<!-- diagram:start -->', '```mermaid', exampleDiagram(FLAGSHIP_EXAMPLE).toMermaid().trimEnd(), '```', '<!-- diagram:end -->'].join('\n'));
  });
});

test('docs/diagrams.md links the pictures of every cdk8s example', () => {
  const page = fs.readFileSync(path.join(ROOT, 'docs', 'diagrams.md'), 'utf8');
  for (const name of cdk8sExamples()) {
    expect(page).toContain(`| ${name} | [${name}.mmd](diagrams/${name}.mmd) | [${name}.svg](diagrams/${name}.svg) |`);
  }
});
