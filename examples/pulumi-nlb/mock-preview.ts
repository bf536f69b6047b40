// Prints what examples/pulumi-nlb would create, without the Pulumi CLI or AWS credentials: runs index.ts under
// Pulumi's mocks and writes every resource (type, name, inputs, options) to <outdir>/resources.json, sorted, so the
// output is the same on every run.
//
// Usage: npx ts-node --project tsconfig.dev.json examples/pulumi-nlb/mock-preview.ts [outdir]   (default dist/pulumi-nlb)
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as pulumi from '@pulumi/pulumi';
import { MockResourceRecorder } from 'k8s-udp-constructs/pulumi';

function valueOf(output: unknown): Promise<unknown> {
  const apply = (output as pulumi.Output<unknown>)?.apply;
  if (typeof apply !== 'function') return Promise.resolve(output);
  return new Promise((resolve) => (output as pulumi.Output<unknown>).apply((v) => { resolve(v); return v; }));
}

async function main(): Promise<void> {
  const outdir = path.resolve(process.argv[2] ?? path.join('dist', 'pulumi-nlb'));
  const recorder = MockResourceRecorder.start({ project: 'pulumi-nlb', stack: 'mock' });
  // The program is loaded only now, after the mocks are set.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const program = require('./index') as Record<string, unknown>;
  const outputs: Record<string, unknown> = {};
  for (const key of Object.keys(program).sort()) outputs[key] = await valueOf(program[key]);
  await recorder.settle();

  const resources = recorder.resources;
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(path.join(outdir, 'resources.json'), `${JSON.stringify(resources, null, 2)}\n`);
  fs.writeFileSync(path.join(outdir, 'outputs.json'), `${JSON.stringify(outputs, null, 2)}\n`);

  const byType = new Map<string, string[]>();
  for (const r of resources) byType.set(r.type, [...(byType.get(r.type) ?? []), r.name]);
  console.log(`pulumi-nlb (under mocks): ${resources.length} resources -> ${path.relative(process.cwd(), path.join(outdir, 'resources.json'))}`);
  for (const [type, names] of byType) console.log(`  ${type}: ${names.join(', ')}`);
  const flagged = resources.filter((r) => r.options.retainOnDelete || r.options.deleteBeforeReplace);
  for (const r of flagged) {
    const opts = Object.entries(r.options).filter(([k, v]) => v === true && k !== 'parent').map(([k]) => k);
    console.log(`  options ${r.name}: ${opts.join(', ')}`);
  }
  const srv = resources.filter((r) => r.type === 'aws:route53/record:Record');
  for (const r of srv) {
    const values = (r.inputs.records as string[] | undefined) ?? ['alias'];
    console.log(`  record ${String(r.inputs.type)} ${String(r.inputs.name)}: ${values.join(' | ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
