import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { dnsEndpointCrd, DNS_ENDPOINT_CRD, schemaErrors } from './k8s/dns-endpoint-schema';
import { DnsEndpoint, toJson_DnsEndpointSpecEndpoints } from '../src/imports/externaldns.k8s.io';

const ROOT = path.resolve(__dirname, '..');
const IMPORTS = path.join(ROOT, 'src', 'imports');

test('the CRD is read from ../shared/crds, never copied into the project', () => {
  expect(fs.existsSync(DNS_ENDPOINT_CRD)).toBe(true);
  const copies = spawnSync('git', ['ls-files', '*dnsendpoints*'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  expect(copies).toBe('');
});

test('src/imports is what scripts/import-crds.ts writes, byte for byte (regenerated into a temporary directory)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'imports-test-'));
  try {
    const result = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'ts-node'),
      ['--project', path.join(ROOT, 'tsconfig.dev.json'), path.join(ROOT, 'scripts', 'import-crds.ts'), out],
      { cwd: ROOT, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(fs.readdirSync(IMPORTS).sort());
    for (const file of fs.readdirSync(out)) {
      expect([file, fs.readFileSync(path.join(out, file), 'utf8')]).toEqual([file, fs.readFileSync(path.join(IMPORTS, file), 'utf8')]);
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}, 30000);

test('the bindings carry the CRD\'s apiVersion and kind', () => {
  const { apiVersion, kind } = dnsEndpointCrd();
  expect(DnsEndpoint.GVK).toEqual({ apiVersion, kind });
});

test('every endpoint field of the bindings renders to a field of the CRD schema (recordTtl -> recordTTL)', () => {
  const endpoint = toJson_DnsEndpointSpecEndpoints({
    dnsName: 'kdc.example.com',
    recordType: 'A',
    targets: ['192.0.2.88'],
    recordTtl: 60,
    setIdentifier: 'eu-west-1',
    labels: { team: 'identity' },
    providerSpecific: [{ name: 'aws/evaluate-target-health', value: 'true' }],
  });
  expect(endpoint).toEqual({
    dnsName: 'kdc.example.com',
    recordType: 'A',
    targets: ['192.0.2.88'],
    recordTTL: 60,
    setIdentifier: 'eu-west-1',
    labels: { team: 'identity' },
    providerSpecific: [{ name: 'aws/evaluate-target-health', value: 'true' }],
  });
  const chart = Testing.chart();
  new DnsEndpoint(chart, 'a', { metadata: { name: 'kdc' }, spec: { endpoints: [{ dnsName: 'kdc.example.com', recordType: 'A', targets: ['192.0.2.88'], recordTtl: 60 }] } });
  const [object] = Testing.synth(chart);
  expect(schemaErrors(object)).toEqual([]);
  expect(schemaErrors({ ...object, spec: { endpoints: [endpoint] } })).toEqual([]);
});
