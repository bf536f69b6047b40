import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';

/**
 * A Kubernetes minor version, for the behaviour that changed between versions (mixed-protocol LoadBalancer Services).
 *
 * `KubernetesVersion.of()` never throws, so that a bad version is reported at synthesis with the other errors;
 * `KubernetesVersion.parse()` throws, for command-line flags.
 */
export class KubernetesVersion {
  /** The version this library's objects are generated for (the cdk8s-plus-28 schema). */
  public static readonly V1_28 = KubernetesVersion.of('1.28');
  /** Kubernetes 1.29. */
  public static readonly V1_29 = KubernetesVersion.of('1.29');
  /** Kubernetes 1.30. */
  public static readonly V1_30 = KubernetesVersion.of('1.30');
  /** Kubernetes 1.31. */
  public static readonly V1_31 = KubernetesVersion.of('1.31');
  /** Kubernetes 1.32: kube-proxy's conntrack reconciler cleans stale UDP entries. */
  public static readonly V1_32 = KubernetesVersion.of('1.32');
  /** Kubernetes 1.33. */
  public static readonly V1_33 = KubernetesVersion.of('1.33');
  /** Kubernetes 1.34. */
  public static readonly V1_34 = KubernetesVersion.of('1.34');
  /** Kubernetes 1.35. */
  public static readonly V1_35 = KubernetesVersion.of('1.35');
  /** Kubernetes 1.36. */
  public static readonly V1_36 = KubernetesVersion.of('1.36');

  /**
   * A version such as `"1.28"`, `"v1.28"` or `"1.28.3"` (the patch is ignored). An invalid text gives a version whose
   * `valid` is false; constructs report it as UDP310.
   */
  public static of(text: string): KubernetesVersion {
    const match = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+][0-9A-Za-z.-]+)?$/.exec(String(text).trim());
    if (!match || Number(match[1]) !== 1) return new KubernetesVersion(String(text), 0, 0, false);
    return new KubernetesVersion(String(text), Number(match[1]), Number(match[2]), true);
  }

  /**
   * A `kubernetesVersion` prop as given, untyped input included: a `KubernetesVersion` as it is, a string such as
   * `"1.22"` read as `of()` reads it (constructs also report that a string is not a `KubernetesVersion`), anything
   * else an invalid version; `undefined` is `fallback`.
   */
  public static ofProp(value: unknown, fallback: KubernetesVersion = KubernetesVersion.V1_28): KubernetesVersion {
    if (value === undefined) return fallback;
    if (value instanceof KubernetesVersion) return value;
    const other = value as Partial<KubernetesVersion> | null;
    if (typeof other === 'object' && other !== null && typeof other.text === 'string' && typeof other.isAtLeast === 'function') {
      return KubernetesVersion.of(other.text);
    }
    return KubernetesVersion.of(typeof value === 'string' ? value : String(value));
  }

  /** As `of()`, but throws on a text that is not a Kubernetes version. */
  public static parse(text: string): KubernetesVersion {
    const version = KubernetesVersion.of(text);
    if (!version.valid) throw new Error(`"${text}" is not a Kubernetes version (expected 1.<minor>, for example 1.28)`);
    return version;
  }

  private constructor(
    /** The text it was made from. */
    public readonly text: string,
    /** The major version (1). */
    public readonly major: number,
    /** The minor version. */
    public readonly minor: number,
    /** Whether the text was a Kubernetes version. */
    public readonly valid: boolean,
  ) {}

  /** Whether this version is `other` or later. An invalid version is never at least anything. */
  public isAtLeast(other: KubernetesVersion | string): boolean {
    const that = typeof other === 'string' ? KubernetesVersion.of(other) : other;
    return this.valid && that.valid && (this.major > that.major || (this.major === that.major && this.minor >= that.minor));
  }

  /** `"1.28"`, or the original text when invalid. */
  public toString(): string {
    return this.valid ? `${this.major}.${this.minor}` : this.text;
  }
}

/** A dotted release number such as a controller's `2.13.0`, compared numerically. */
export function compareReleases(a: string, b: string): number {
  const pa = a.replace(/^v/, '').split('.').map((x) => parseInt(x, 10) || 0);
  const pb = b.replace(/^v/, '').split('.').map((x) => parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether `text` is a release number such as `2.13` or `v0.13.6`. */
export function isRelease(text: string): boolean {
  return /^v?\d+(\.\d+){0,2}$/.test(text.trim());
}

/**
 * UDP310 for a `kubernetesVersion` prop: given as something other than a `KubernetesVersion` (untyped input: a string
 * is read, and still reported), or a version that is not one. `version` is what `KubernetesVersion.ofProp` read.
 */
export function kubernetesVersionFindings(given: unknown, version: KubernetesVersion): Finding[] {
  if (given !== undefined && typeof given !== 'object') {
    return [findingOf(RULES.UDP310, {
      field: 'kubernetesVersion',
      value: given,
      message: `is a ${typeof given}, not a KubernetesVersion`,
      allowed: `KubernetesVersion.of(${JSON.stringify(String(given))})`,
    })];
  }
  if (version.valid) return [];
  return [findingOf(RULES.UDP310, {
    field: 'kubernetesVersion',
    value: version.text,
    message: 'is not a Kubernetes version',
    allowed: 'a version such as "1.28", "v1.28" or "1.28.3"',
  })];
}
