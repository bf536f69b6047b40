/**
 * An inclusive range of port numbers, such as the cluster's `--service-node-port-range`.
 */
export class PortRange {
  /** The range every Kubernetes cluster uses unless `--service-node-port-range` says otherwise: 30000-32767. */
  public static readonly DEFAULT_NODE_PORTS = new PortRange(30000, 32767);

  /** Every valid port number: 1-65535. */
  public static readonly ALL_PORTS = new PortRange(1, 65535);

  /**
   * A range from `min` to `max`, both included.
   *
   * @throws when the bounds are not whole numbers in 1..65535 or `min` is above `max`.
   */
  public static of(min: number, max: number): PortRange {
    for (const [what, value] of [['min', min], ['max', max]] as const) {
      if (!Number.isInteger(value) || value < 1 || value > 65535) {
        throw new Error(`PortRange ${what} ${value}: must be a whole number between 1 and 65535`);
      }
    }
    if (min > max) {
      throw new Error(`PortRange ${min}-${max}: min must not be above max`);
    }
    return new PortRange(min, max);
  }

  /**
   * Parses `"30000-32767"`, the form of kube-apiserver's `--service-node-port-range`.
   */
  public static parse(text: string): PortRange {
    const match = /^\s*(\d+)\s*-\s*(\d+)\s*$/.exec(text);
    if (!match) {
      throw new Error(`PortRange "${text}": expected "<min>-<max>", for example "30000-32767"`);
    }
    return PortRange.of(Number(match[1]), Number(match[2]));
  }

  private constructor(
    /** The lowest port of the range. */
    public readonly min: number,
    /** The highest port of the range. */
    public readonly max: number,
  ) {}

  /** Whether `port` is a whole number inside the range. */
  public includes(port: number): boolean {
    return Number.isInteger(port) && port >= this.min && port <= this.max;
  }

  /** `"min-max"`. */
  public toString(): string {
    return `${this.min}-${this.max}`;
  }
}
