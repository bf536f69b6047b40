// Prints what examples/pulumi-nlb would create, without the Pulumi CLI or AWS credentials: runs index.ts under
// Pulumi's mocks and writes every resource (type, name, inputs, options) to <outdir>/resources.json and the stack
// outputs to <outdir>/outputs.json, sorted, so the output is the same on every run.
// (`npx k8s-udp preview index.ts` does the same from the command line.)
//
// Usage: npx ts-node --project tsconfig.dev.json examples/pulumi-nlb/mock-preview.ts [outdir]   (default dist/pulumi-nlb)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatMockPreview, previewUnderMocks } from 'k8s-udp-constructs/pulumi';

async function main(): Promise<void> {
  const outdir = path.resolve(process.argv[2] ?? path.join('dist', 'pulumi-nlb'));
  // the program is loaded inside, after the mocks are set
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const preview = await previewUnderMocks(() => require('./index'), { project: 'pulumi-nlb', stack: 'mock' });
  fs.mkdirSync(outdir, { recursive: true });
  fs.writeFileSync(path.join(outdir, 'resources.json'), `${JSON.stringify(preview.resources, null, 2)}\n`);
  fs.writeFileSync(path.join(outdir, 'outputs.json'), `${JSON.stringify(preview.outputs, null, 2)}\n`);
  process.stdout.write(formatMockPreview(preview, 'pulumi-nlb'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
