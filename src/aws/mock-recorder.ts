import * as pulumi from '@pulumi/pulumi';

/** The resource options a recorded resource was registered with (as the engine receives them). */
export interface RecordedOptions {
  /** `retainOnDelete`. */
  readonly retainOnDelete: boolean;
  /** `deleteBeforeReplace`. */
  readonly deleteBeforeReplace: boolean;
  /** `protect`. */
  readonly protect: boolean;
  /** The parent's resource name, when the resource has a parent other than the stack. */
  readonly parent?: string;
}

/** One resource a program registered under mocks. */
export interface RecordedResource {
  /** The type token, for example `aws:lb/loadBalancer:LoadBalancer`. */
  readonly type: string;
  /** The resource name (the last part of its URN). */
  readonly name: string;
  /** Whether it is a custom (provider) resource rather than a component. */
  readonly custom: boolean;
  /** Its inputs, resolved. */
  readonly inputs: Record<string, unknown>;
  /** Its resource options. */
  readonly options: RecordedOptions;
}

/** Where the recorder runs the program. */
export interface MockRecorderOptions {
  /**
   * The project name.
   * @default 'project'
   */
  readonly project?: string;
  /**
   * The stack name.
   * @default 'stack'
   */
  readonly stack?: string;
  /**
   * Whether to run as a preview (unknown outputs stay unknown).
   * @default false
   */
  readonly preview?: boolean;
}

/** A small stable hash, to make fake ids and addresses deterministic. */
function hash(text: string): number {
  let h = 7;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) % 4294967291;
  return h;
}

function hex17(text: string): string {
  return (hash(text).toString(16).padStart(8, '0') + hash(`${text}#`).toString(16).padStart(9, '0')).slice(0, 17);
}

/**
 * The state a fake AWS would return for a resource: its inputs plus deterministic ids, ARNs and addresses for the
 * outputs the `NlbUdpLoadBalancer` reads (ARNs, DNS names, zone ids, allocation ids, public IPs).
 */
export function fakeState(type: string, name: string, inputs: Record<string, unknown>): { id: string; state: Record<string, unknown> } {
  const suffix = hex17(name);
  const arnBase = 'arn:aws:elasticloadbalancing:us-east-1:123456789012';
  switch (type) {
    case 'aws:ec2/eip:Eip': {
      const h = hash(name);
      const id = `eipalloc-${suffix}`;
      return { id, state: { ...inputs, allocationId: id, publicIp: `203.0.113.${(h % 254) + 1}` } };
    }
    case 'aws:lb/loadBalancer:LoadBalancer':
      return {
        id: `${arnBase}:loadbalancer/net/${name}/${suffix.slice(0, 16)}`,
        state: {
          ...inputs,
          arn: `${arnBase}:loadbalancer/net/${name}/${suffix.slice(0, 16)}`,
          dnsName: `${name}-${suffix.slice(0, 16)}.elb.us-east-1.amazonaws.com`,
          zoneId: 'Z26RNL4JYFTOTI',
        },
      };
    case 'aws:lb/targetGroup:TargetGroup':
      return { id: `${arnBase}:targetgroup/${name}/${suffix.slice(0, 16)}`, state: { ...inputs, arn: `${arnBase}:targetgroup/${name}/${suffix.slice(0, 16)}` } };
    case 'aws:lb/listener:Listener':
      return { id: `${arnBase}:listener/net/${name}/${suffix.slice(0, 16)}`, state: { ...inputs, arn: `${arnBase}:listener/net/${name}/${suffix.slice(0, 16)}` } };
    default:
      return { id: `${name}-id`, state: { ...inputs } };
  }
}

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getCustom(): boolean;
  getParent(): string;
  getRetainondelete(): boolean;
  getDeletebeforereplace(): boolean;
  getProtect(): boolean;
}

interface PatchableMonitor {
  registerResource(req: RegisterRequest, callback: (...args: unknown[]) => void): Promise<void>;
}

/**
 * Runs Pulumi programs without the CLI or cloud credentials (`pulumi.runtime.setMocks`) and records every resource
 * they register: type, name, inputs and the options the engine would receive (`retainOnDelete`,
 * `deleteBeforeReplace`, `protect`, parent). Used by the tests and by `examples/pulumi-nlb/mock-preview.ts`.
 *
 * Start it before loading the program under test; call {@link MockResourceRecorder.settle} before reading
 * {@link MockResourceRecorder.resources}.
 */
export class MockResourceRecorder {
  /**
   * Sets the Pulumi mocks and starts recording.
   */
  public static start(options: MockRecorderOptions = {}): MockResourceRecorder {
    const recorder = new MockResourceRecorder();
    void pulumi.runtime.setMocks({
      newResource: (args) => {
        const inputs = args.inputs as Record<string, unknown>;
        recorder.inputs.set(`${args.type}::${args.name}`, inputs);
        return fakeState(args.type, args.name, inputs);
      },
      call: (args) => args.inputs as Record<string, unknown>,
    }, options.project ?? 'project', options.stack ?? 'stack', options.preview ?? false);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const settings = require('@pulumi/pulumi/runtime/settings') as { getMonitor(): PatchableMonitor };
    const monitor = settings.getMonitor();
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
      recorder.requests.push({
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        options: {
          retainOnDelete: req.getRetainondelete(),
          deleteBeforeReplace: req.getDeletebeforereplace(),
          protect: req.getProtect(),
          ...(req.getParent() ? { parent: req.getParent().split('::').pop() } : {}),
        },
      });
      return register(req, callback);
    };
    return recorder;
  }

  private readonly requests: Omit<RecordedResource, 'inputs'>[] = [];
  private readonly inputs = new Map<string, Record<string, unknown>>();

  private constructor() {}

  /** Waits until every registration the program started has completed. */
  public async settle(): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const settings = require('@pulumi/pulumi/runtime/settings') as { waitForRPCs?: () => Promise<void> };
    if (typeof settings.waitForRPCs === 'function') {
      await settings.waitForRPCs();
    } else {
      // An older or newer @pulumi/pulumi without the (internal) queue drain: let pending registrations run.
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Every resource registered so far, sorted by type then name (deterministic whatever the registration order). */
  public get resources(): RecordedResource[] {
    return this.requests
      .map((request) => ({ ...request, inputs: this.inputs.get(`${request.type}::${request.name}`) ?? {} }))
      .sort((a, b) => (a.type === b.type ? cmp(a.name, b.name) : cmp(a.type, b.type)));
  }

  /** How many resources were registered so far (components included). */
  public get count(): number {
    return this.requests.length;
  }

  /** The resources of one type token. */
  public ofType(type: string): RecordedResource[] {
    return this.resources.filter((resource) => resource.type === type);
  }

  /** The resource with this type and name, or `undefined`. */
  public find(type: string, name: string): RecordedResource | undefined {
    return this.resources.find((resource) => resource.type === type && resource.name === name);
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
