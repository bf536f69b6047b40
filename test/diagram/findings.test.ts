import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Diagram, KubeObject, PathKind, Severity } from '../../src';

const read = (file: string): KubeObject[] =>
  parseAllDocuments(fs.readFileSync(path.join(__dirname, file), 'utf8')).map((d) => d.toJS() as KubeObject);

describe('a Gateway, a UDPRoute, a Service, a workload with a TCP probe on its UDP port, DNS records', () => {
  const diagram = Diagram.fromObjects(read('fixtures/gateway.yaml'));
  const mermaid = diagram.toMermaid();

  test('the route joins the Gateway listener it names to the Services it sends to; a Service not in the input is drawn missing', () => {
    expect(mermaid).toContain('  gw_logs_edge{{"Gateway logs/edge<br/>class nlb<br/>syslog: 514/UDP<br/>web: 443/TCP"}}\n');
    expect(mermaid).toContain([
      '  client -->|"514/UDP"| gw_logs_edge',
      '  client -->|"443/TCP"| gw_logs_edge',
      '  gw_logs_edge -->|"syslog 514/UDP"| route_udproute_logs_syslog',
      '  route_udproute_logs_syslog -->|"514/UDP"| svc_logs_syslog',
      '  route_udproute_logs_syslog -->|"514/UDP"| missing_service_logs_archive',
      '  client -->|"514/UDP"| svc_logs_syslog',
      '  svc_logs_syslog -->|"syslog/UDP"| ctr_logs_syslog_rsyslog',
    ].join('\n'));
    expect(mermaid).toContain('  missing_service_logs_archive("Service archive<br/>(not in the input)")\n');
    expect(mermaid).toContain('  class missing_service_logs_archive missing\n');
  });

  test('a CNAME record leads to the A record it names', () => {
    expect(mermaid).toContain([
      '  client -->|"lookup A"| rec_logs_logs_0',
      '  client -->|"lookup CNAME"| rec_logs_logs_1',
      '  rec_logs_logs_1 -->|"alias"| rec_logs_logs_0',
    ].join('\n'));
  });

  test('the error is drawn on the probe it concerns, in red, with its rule id', () => {
    const edges = diagram.graph.edges;
    const probe = edges.findIndex((e) => e.label === 'liveness TCP :5514');
    expect(edges[probe]).toMatchObject({ from: 'kubelet', to: 'ctr_logs_syslog_rsyslog', path: PathKind.HEALTH });
    expect(edges[probe].marks.map((m) => [m.ruleId, m.severity, m.field])).toEqual([['UDP203', Severity.ERROR, 'port']]);
    expect(mermaid).toContain('  kubelet -.->|"liveness TCP :5514<br/>error UDP203 port: probes port 5514 over TCP, but container #quot;rsyslog#quot; declares i..."| ctr_logs_syslog_rsyslog\n');
    expect(mermaid).toContain(`  linkStyle ${probe} stroke:#d32f2f,stroke-width:2px,color:#d32f2f\n`);
    // every other path is drawn in the default color
    expect(mermaid.match(/linkStyle/g)).toHaveLength(1);
  });

  test('the warning about the workload is drawn on its box, in orange', () => {
    expect(diagram.graph.groups.map((g) => [g.id, g.marks.map((m) => `${m.severity} ${m.ruleId}`)]))
      .toEqual([['wl_deployment_logs_syslog', ['warning UDP204']]]);
    expect(mermaid).toContain('  subgraph wl_deployment_logs_syslog["Deployment logs/syslog, 2 replicas<br/>warning UDP204 containers: ');
    expect(mermaid).toContain('  style wl_deployment_logs_syslog stroke:#ef6c00,stroke-width:2px,color:#ef6c00\n');
    expect(diagram.toDot()).toMatch(/subgraph cluster_wl_deployment_logs_syslog \{\n {4}label="Deployment logs\/syslog, 2 replicas\\nwarning UDP204 containers: [^\n]*\n {4}style=rounded;\n {4}color="#ef6c00"; fontcolor="#ef6c00"; penwidth=2;/);
  });
});

describe('findings on a Service behind an NLB', () => {
  const nlb = read('../cli/fixtures/nlb.yaml');
  const diagram = Diagram.fromObjects(nlb);

  test('a health-check error goes on the dashed health-check path; EIP errors on the load balancer; an SRV error on its record', () => {
    const health = diagram.graph.edges.filter((e) => e.path === PathKind.HEALTH);
    expect(health.map((e) => [e.from, e.to, e.label, e.marks.map((m) => m.ruleId)])).toEqual([
      ['tg_game_game_1234_udp', 'missing_pods_game_game', 'health check UDP traffic port', ['UDP562']],
    ]);
    const byId = new Map(diagram.graph.nodes.map((n) => [n.id, n.marks.map((m) => `${m.severity} ${m.ruleId} ${m.field}`)]));
    expect(byId.get('svc_game_game')).toEqual(['error UDP560 eip-allocations', 'error UDP561 eip-allocations', 'warning UDP565 attributes']);
    expect(byId.get('rec_game_game_srv_0')).toEqual(['error UDP430 targets']);
    expect(diagram.toMermaid()).toContain('  class svc_game_game,rec_game_game_srv_0 error\n');
  });

  test('findings given are drawn as given, without running the rules again', () => {
    const given = Diagram.fromObjects(nlb, { findings: [] });
    expect(given.graph.nodes.flatMap((n) => n.marks)).toEqual([]);
  });

  test('disabled rules are not drawn', () => {
    const quiet = Diagram.fromObjects(nlb, { check: { disabled: ['UDP560', 'UDP561', 'UDP565'] } });
    expect(quiet.graph.nodes.find((n) => n.id === 'svc_game_game')?.marks).toEqual([]);
  });
});

test('a finding on an object that is no part of any exposure is left unplaced, for the caller to report', () => {
  const objects: KubeObject[] = [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } }];
  const finding = { ruleId: 'UDP999', severity: Severity.WARNING, source: 'https://example.com', field: 'data', value: 1, message: 'm', object: { kind: 'ConfigMap', name: 'x', index: 0 } };
  const diagram = Diagram.fromObjects(objects, { findings: [finding] });
  expect(diagram.unplaced).toEqual([finding]);
  expect(diagram.toMermaid()).toBe([
    'flowchart LR',
    '  client(["client"])',
    '  classDef missing stroke-dasharray:4 3',
    '  classDef error stroke:#d32f2f,stroke-width:2px,color:#d32f2f',
    '  classDef warning stroke:#ef6c00,stroke-width:2px,color:#ef6c00',
    '',
  ].join('\n'));
});

test('NodePort, ExternalName and a Service that selects no pod', () => {
  const objects: KubeObject[] = [
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'np' }, spec: { type: 'NodePort', selector: { app: 'none' }, ports: [{ port: 53, protocol: 'UDP', nodePort: 30053 }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext' }, spec: { type: 'ExternalName', externalName: 'dns.example.net', ports: [{ port: 53, protocol: 'UDP' }] } },
  ];
  const lines = Diagram.fromObjects(objects, { findings: [] }).toMermaid().split('\n');
  expect(lines.slice(0, 12)).toEqual([
    'flowchart LR',
    '  client(["client"])',
    '  svc_np["Service np<br/>NodePort"]',
    '  svc_ext["Service ext<br/>ExternalName<br/>to dns.example.net"]',
    '  missing_pods_np("no pod matches<br/>app=none")',
    '  client -->|"node :30053 53/UDP"| svc_np',
    '  svc_np -->|"53/UDP"| missing_pods_np',
    '  client -->|"53/UDP"| svc_ext',
    '  classDef missing stroke-dasharray:4 3',
    '  classDef error stroke:#d32f2f,stroke-width:2px,color:#d32f2f',
    '  classDef warning stroke:#ef6c00,stroke-width:2px,color:#ef6c00',
    '  class missing_pods_np missing',
  ]);
});

test('labels are escaped: quotes and angle brackets in Mermaid, quotes and backslashes in DOT', () => {
  const objects: KubeObject[] = [{ apiVersion: 'v1', kind: 'Service', metadata: { name: 'q' }, spec: { type: 'ExternalName', externalName: 'a"b<c>#d\\e' } }];
  const diagram = Diagram.fromObjects(objects, { findings: [] });
  expect(diagram.toMermaid()).toContain('  svc_q["Service q<br/>ExternalName<br/>to a#quot;b#lt;c#gt;#35;d\\e"]\n');
  expect(diagram.toDot()).toContain('  svc_q [label="Service q\\nExternalName\\nto a\\"b<c>#d\\\\e", shape=box];\n');
});

test('the health-check settings an NLB is annotated with are written on its dashed path, to the container that answers', () => {
  const labels = { app: 'statsd' };
  const objects: KubeObject[] = [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'statsd',
        annotations: {
          'service.beta.kubernetes.io/aws-load-balancer-type': 'external',
          'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'ip',
          'service.beta.kubernetes.io/aws-load-balancer-healthcheck-protocol': 'tcp',
          'service.beta.kubernetes.io/aws-load-balancer-healthcheck-port': '8080',
          'service.beta.kubernetes.io/aws-load-balancer-healthcheck-interval': '10',
          'service.beta.kubernetes.io/aws-load-balancer-healthcheck-timeout': '6',
          'service.beta.kubernetes.io/aws-load-balancer-healthcheck-healthy-threshold': '2',
          'service.beta.kubernetes.io/aws-load-balancer-healthcheck-unhealthy-threshold': '3',
        },
      },
      spec: { type: 'LoadBalancer', selector: labels, ports: [{ port: 8125, protocol: 'UDP' }] },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'statsd' },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            containers: [
              { name: 'statsd', image: 'statsd:1', ports: [{ containerPort: 8125, protocol: 'UDP' }] },
              { name: 'admin', image: 'admin:1', ports: [{ containerPort: 8080 }] },
            ],
          },
        },
      },
    },
  ];
  const edges = Diagram.fromObjects(objects, { findings: [] }).graph.edges.map((e) => [e.from, e.to, e.label, e.path]);
  expect(edges).toEqual([
    ['client', 'svc_statsd', '8125/UDP', PathKind.TRAFFIC],
    ['svc_statsd', 'tg_statsd_8125_udp', 'listener 8125/UDP', PathKind.TRAFFIC],
    ['tg_statsd_8125_udp', 'ctr_statsd_statsd', '8125/UDP', PathKind.TRAFFIC],
    ['tg_statsd_8125_udp', 'ctr_statsd_admin', 'health check TCP :8080, every 10s, timeout 6s, healthy after 2, unhealthy after 3', PathKind.HEALTH],
  ]);
});

test('an NLB Gateway: its scheme and Elastic IPs from the LoadBalancerConfiguration, its health check from the TargetGroupConfiguration', () => {
  const diagram = Diagram.fromObjects(read('fixtures/nlb-gateway.yaml'), { findings: [] });
  const mermaid = diagram.toMermaid();
  expect(mermaid).toContain('  gw_dns_dns{{"Gateway dns/dns<br/>class aws-nlb<br/>dns-udp: 53/UDP<br/>NLB internet-facing<br/>'
    + 'subnet-0a1b2c3d4e5f60001: eipalloc-0a1b2c3d4e5f60001<br/>subnet-0a1b2c3d4e5f60002: eipalloc-0a1b2c3d4e5f60002"}}\n');
  expect(diagram.graph.edges.map((e) => [e.from, e.to, e.label, e.path])).toEqual([
    ['client', 'gw_dns_dns', '53/UDP', PathKind.TRAFFIC],
    ['gw_dns_dns', 'route_udproute_dns_dns', 'dns-udp 53/UDP', PathKind.TRAFFIC],
    ['route_udproute_dns_dns', 'svc_dns_coredns', '53/UDP', PathKind.TRAFFIC],
    ['gw_dns_dns', 'ctr_dns_coredns_udp_health', 'health check HTTP :10080 /healthz, every 10s, ip targets', PathKind.HEALTH],
    ['client', 'svc_dns_coredns', '53/UDP', PathKind.TRAFFIC],
    ['svc_dns_coredns', 'ctr_dns_coredns_coredns', '1053/UDP', PathKind.TRAFFIC],
    ['kubelet', 'ctr_dns_coredns_coredns', 'readiness exec', PathKind.HEALTH],
    ['ctr_dns_coredns_udp_health', 'ctr_dns_coredns_coredns', 'probes 1053/UDP (dns)', PathKind.HEALTH],
  ]);
});
