import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

function preview(outdir: string): string {
  return execFileSync(process.execPath, [
    path.join(ROOT, 'node_modules', 'ts-node', 'dist', 'bin.js'),
    '--project', path.join(ROOT, 'tsconfig.dev.json'),
    path.join(ROOT, 'examples', 'pulumi-nlb', 'mock-preview.ts'),
    outdir,
  ], { cwd: ROOT, encoding: 'utf8' });
}

describe('examples/pulumi-nlb/mock-preview.ts (the main job runs it)', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pulumi-nlb-'));
  let first: string;
  let resources: Array<{ type: string; name: string; inputs: Record<string, unknown>; options: Record<string, unknown> }>;

  beforeAll(() => {
    preview(path.join(tmp, 'a'));
    preview(path.join(tmp, 'b'));
    first = fs.readFileSync(path.join(tmp, 'a', 'resources.json'), 'utf8');
    resources = JSON.parse(first);
  }, 120_000);

  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('is deterministic', () => {
    expect(fs.readFileSync(path.join(tmp, 'b', 'resources.json'), 'utf8')).toBe(first);
    expect(fs.readFileSync(path.join(tmp, 'b', 'outputs.json'), 'utf8')).toBe(fs.readFileSync(path.join(tmp, 'a', 'outputs.json'), 'utf8'));
  });

  test('three EIPs kept on delete, a cross-zone NLB holding them, TCP_UDP 53 to NodePort 30053, TCP check on 30081', () => {
    expect(resources.map((r) => `${r.type} ${r.name}`)).toEqual([
      'aws:autoscaling/attachment:Attachment dns-tcp-udp-53-asg-eks-dns-nodes-2024',
      'aws:ec2/eip:Eip dns-eip-0',
      'aws:ec2/eip:Eip dns-eip-1',
      'aws:ec2/eip:Eip dns-eip-2',
      'aws:lb/listener:Listener dns-listener-tcp-udp-53',
      'aws:lb/loadBalancer:LoadBalancer dns-nlb',
      'aws:lb/targetGroup:TargetGroup dns-tg-tcp-udp-53',
      'aws:route53/record:Record dns-a',
      'aws:route53/record:Record dns-srv-_domain._tcp.example.com',
      'aws:route53/record:Record dns-srv-_domain._udp.example.com',
      'k8s-udp-constructs:aws:NlbUdpLoadBalancer dns',
    ]);
    const byName = new Map(resources.map((r) => [r.name, r]));
    for (const i of [0, 1, 2]) expect(byName.get(`dns-eip-${i}`)!.options.retainOnDelete).toBe(true);
    const lb = byName.get('dns-nlb')!;
    expect(lb.options.deleteBeforeReplace).toBe(true);
    expect(lb.inputs.enableCrossZoneLoadBalancing).toBe(true);
    expect(lb.inputs.internal).toBe(false);
    expect((lb.inputs.subnetMappings as unknown[]).length).toBe(3);
    const tg = byName.get('dns-tg-tcp-udp-53')!;
    expect(tg.inputs).toMatchObject({ port: 30053, protocol: 'TCP_UDP', healthCheck: { protocol: 'TCP', port: '30081' } });
    expect(byName.get('dns-srv-_domain._udp.example.com')!.inputs).toMatchObject({
      name: '_domain._udp.example.com', type: 'SRV', records: ['10 100 53 dns.example.com.'],
    });
  });
});
