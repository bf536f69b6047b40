import type * as pulumi from '@pulumi/pulumi';
import { MockRecorderOptions, MockResourceRecorder, RecordedResource } from './mock-recorder';

/** What a Pulumi program would create, found under Pulumi's mocks: no CLI, no cloud credentials. */
export interface MockPreview {
  /** Every resource the program registered, components included, in a stable order. */
  readonly resources: RecordedResource[];
  /** The program's exports (stack outputs), resolved, by name in code-unit order. */
  readonly outputs: Record<string, unknown>;
}

/** The value of an output, or the value itself when it is none. */
function valueOf(output: unknown): Promise<unknown> {
  const apply = (output as pulumi.Output<unknown> | null | undefined)?.apply;
  if (typeof apply !== 'function') return Promise.resolve(output);
  return new Promise((resolve) => (output as pulumi.Output<unknown>).apply((v) => {
    resolve(v);
    return v;
  }));
}

/**
 * Runs a Pulumi program under Pulumi's mocks and returns what it would create, with deterministic fake ids, ARNs
 * and addresses for the AWS resources (`fakeState`). The mocks are set before `load` runs: load the program there
 * (`() => require('./index')`), not before, so that its resources are registered under them.
 *
 * @example
 * const preview = await previewUnderMocks(() => require('./index'), { project: 'game', stack: 'dev' });
 * console.log(formatMockPreview(preview));
 */
export async function previewUnderMocks(
  load: () => Record<string, unknown> | Promise<Record<string, unknown>>,
  options: MockRecorderOptions = {},
): Promise<MockPreview> {
  const recorder = MockResourceRecorder.start(options);
  const program = (await load()) ?? {};
  const outputs: Record<string, unknown> = {};
  for (const key of Object.keys(program).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    outputs[key] = await valueOf(program[key]);
  }
  await recorder.settle();
  return { resources: recorder.resources, outputs };
}

/**
 * A preview as text, one line a resource type with its resource names, then the resources kept or replaced in an
 * unusual way (`retainOnDelete`, `deleteBeforeReplace`, `protect`), the DNS records and the outputs.
 */
export function formatMockPreview(preview: MockPreview, title = 'program'): string {
  const lines = [`${title} (under mocks): ${preview.resources.length} resources`];
  const byType = new Map<string, string[]>();
  for (const r of preview.resources) byType.set(r.type, [...(byType.get(r.type) ?? []), r.name]);
  for (const [type, names] of byType) lines.push(`  ${type}: ${names.join(', ')}`);
  for (const r of preview.resources) {
    const flags = (['retainOnDelete', 'deleteBeforeReplace', 'protect'] as const).filter((k) => r.options[k]);
    if (flags.length > 0) lines.push(`  options ${r.name}: ${flags.join(', ')}`);
  }
  for (const r of preview.resources.filter((x) => x.type === 'aws:route53/record:Record')) {
    const values = Array.isArray(r.inputs.records) ? (r.inputs.records as unknown[]).map(String) : ['alias'];
    lines.push(`  record ${String(r.inputs.type)} ${String(r.inputs.name)}: ${values.join(' | ')}`);
  }
  for (const [key, value] of Object.entries(preview.outputs)) lines.push(`  output ${key}: ${JSON.stringify(value)}`);
  return `${lines.join('\n')}\n`;
}
