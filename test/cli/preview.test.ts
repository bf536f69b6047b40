/*
 * `k8s-udp preview`: a Pulumi program run under Pulumi's mocks from the command line, as a user runs it from the
 * installed package (no Pulumi CLI, no credentials). The example program is the one users copy.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from './helpers';

const EXAMPLE = 'examples/pulumi-nlb/index.ts';

test('prints what the program would create, by type, with the options and records that matter', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'k8s-udp-preview-'));
  const result = await run(['preview', EXAMPLE, '--out', out]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const lines = result.stdout.split('\n');
  expect(lines[0]).toMatch(/^pulumi-nlb \(under mocks\): \d+ resources$/);
  expect(lines).toContain('  aws:lb/loadBalancer:LoadBalancer: dns-nlb');
  expect(lines).toContain('  options dns-nlb: deleteBeforeReplace');
  expect(lines).toContain('  record SRV _domain._udp.example.com: 10 100 53 dns.example.com.');
  const resources = JSON.parse(fs.readFileSync(path.join(out, 'resources.json'), 'utf8')) as Array<{ type: string }>;
  expect(resources.filter((r) => r.type === 'aws:ec2/eip:Eip')).toHaveLength(3);
  expect(Object.keys(JSON.parse(fs.readFileSync(path.join(out, 'outputs.json'), 'utf8')))).toContain('dnsName');
  fs.rmSync(out, { recursive: true, force: true });
});

test('a program that does not exist, or is not given, is a usage error', async () => {
  expect(await run(['preview', 'nope.ts'])).toEqual({
    code: 2,
    stdout: '',
    stderr: `k8s-udp preview: ${path.resolve('nope.ts')}: no such file\n`,
  });
  expect((await run(['preview'])).code).toBe(2);
});
