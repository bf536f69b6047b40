import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { fixture, ROOT, run } from './helpers';

const COREDNS_MERMAID = [
  'flowchart LR',
  '  client(["client"])',
  '  svc_kube_dns_coredns["Service kube-dns/coredns<br/>ClusterIP"]',
  '  kubelet(["kubelet"])',
  '  subgraph wl_deployment_kube_dns_coredns["Deployment kube-dns/coredns, 2 replicas"]',
  '    ctr_kube_dns_coredns_coredns["container coredns<br/>53/UDP (udp-53)<br/>53/TCP (tcp-53)"]',
  '  end',
  '  client -->|"53/UDP"| svc_kube_dns_coredns',
  '  svc_kube_dns_coredns -->|"udp-53/UDP"| ctr_kube_dns_coredns_coredns',
  '  client -->|"53/TCP"| svc_kube_dns_coredns',
  '  svc_kube_dns_coredns -->|"tcp-53/TCP"| ctr_kube_dns_coredns_coredns',
  '  kubelet -.->|"readiness HTTP :8181 /ready"| ctr_kube_dns_coredns_coredns',
  '  kubelet -.->|"liveness HTTP :8080 /health"| ctr_kube_dns_coredns_coredns',
  '  classDef missing stroke-dasharray:4 3',
  '  classDef error stroke:#d32f2f,stroke-width:2px,color:#d32f2f',
  '  classDef warning stroke:#ef6c00,stroke-width:2px,color:#ef6c00',
  '',
].join('\n');

describe('k8s-udp diagram', () => {
  test('Mermaid by default, on standard output, exit 0', async () => {
    expect(await run(['diagram', fixture('helm-coredns.yaml')])).toEqual({ code: 0, stdout: COREDNS_MERMAID, stderr: '' });
  });

  test('standard input, as lint reads it', async () => {
    const stdin = fs.readFileSync(path.join(ROOT, fixture('helm-coredns.yaml')), 'utf8');
    expect(await run(['diagram', '-'], { stdin })).toEqual({ code: 0, stdout: COREDNS_MERMAID, stderr: '' });
  });

  test('--format dot', async () => {
    const result = await run(['diagram', fixture('helm-coredns.yaml'), '--format', 'dot']);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').slice(0, 7)).toEqual([
      'digraph k8s_udp {',
      '  rankdir=LR;',
      '  graph [fontname="Helvetica", fontsize=11];',
      '  node [fontname="Helvetica", fontsize=11, margin="0.25,0.06"];',
      '  edge [fontname="Helvetica", fontsize=10];',
      '  client [label="client", shape=oval];',
      '  svc_kube_dns_coredns [label="Service kube-dns/coredns\\nClusterIP", shape=box];',
    ]);
    expect(result.stdout).toContain('  kubelet -> ctr_kube_dns_coredns_coredns [label="readiness HTTP :8181 /ready", style=dashed];\n');
  });

  test('--format svg -o writes a well-formed SVG file (a build artifact), nothing on standard output', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diagram-cli-'));
    try {
      const file = path.join(dir, 'artifacts', 'nlb.svg');
      const result = await run(['diagram', fixture('nlb.yaml'), '-f', 'svg', '-o', file]);
      expect(result).toMatchObject({ code: 0, stdout: '' });
      const svg = fs.readFileSync(file, 'utf8');
      expect(XMLValidator.validate(svg)).toBe(true);
      expect(svg).toContain('error UDP562 healthcheck&#45;protocol: is not possible: AWS cannot health&#45;check over UDP');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the findings of the same rules as lint, with its settings: --disable', async () => {
    const all = await run(['diagram', fixture('nlb.yaml')]);
    expect(all.stdout).toContain('error UDP561 eip-allocations: has 2 allocation ids for 3 subnets');
    const quiet = await run(['diagram', fixture('nlb.yaml'), '--disable', 'UDP561']);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).not.toContain('UDP561');
  });

  test('input that does not parse: what parses is drawn, the problem goes to standard error, exit 2', async () => {
    const result = await run(['diagram', fixture('broken.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('  client -->|"53/udp<br/>error UDP110 protocol: is not a supported protocol"| svc_first\n');
    expect(result.stderr).toBe(`${fixture('broken.yaml')}:15:1: error YAML does not parse (document from line 9): Flow sequence in block `
      + 'collection must be sufficiently indented and end with a ] (and 1 more error)\n');
  });

  test('input with no Kubernetes object is an input error, as for lint, unless --allow-empty', async () => {
    expect(await run(['diagram', '-'], { stdin: '# nothing rendered\n' })).toEqual({
      code: 2,
      stdout: '  client(["client"])\n'.replace(/^/, 'flowchart LR\n') + COREDNS_MERMAID.split('\n').slice(-4).join('\n'),
      stderr: 'stdin: error has no Kubernetes object to draw (pass --allow-empty when that is expected)\n',
    });
    expect(await run(['diagram', '-', '--allow-empty'], { stdin: '' })).toMatchObject({ code: 0, stderr: '' });
  });

  test('an unknown format is a usage error, exit 2', async () => {
    const result = await run(['diagram', fixture('nlb.yaml'), '--format', 'png']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: option '-f, --format <format>' argument 'png' is invalid. Allowed choices are mermaid, svg, dot.");
  });
});
