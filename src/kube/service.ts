import { ApiObject, ApiObjectMetadata, Lazy } from 'cdk8s';
import { Construct } from 'constructs';

/*
 * Typed core/v1 bindings the library owns for the objects it emits, so that emitting them loads no particular
 * cdk8s-plus major. Field names and JSON are the Kubernetes API's own (release-1.28 OpenAPI, `io.k8s.api.core.v1`);
 * test/properties checks every emitted object against that schema and test/apiserver creates them on a real server.
 */

/** `io.k8s.api.core.v1.ServicePort`. */
export interface KubeServicePort {
  readonly name?: string;
  readonly nodePort?: number;
  readonly port: number;
  readonly protocol?: string;
  readonly targetPort?: number | string;
}

/** `io.k8s.api.core.v1.ServiceSpec`: the fields this library sets. */
export interface KubeServiceSpec {
  readonly allocateLoadBalancerNodePorts?: boolean;
  readonly clusterIP?: string;
  readonly externalTrafficPolicy?: string;
  readonly internalTrafficPolicy?: string;
  readonly ipFamilies?: readonly string[];
  readonly ipFamilyPolicy?: string;
  readonly loadBalancerClass?: string;
  readonly loadBalancerSourceRanges?: readonly string[];
  readonly ports?: readonly KubeServicePort[];
  readonly publishNotReadyAddresses?: boolean;
  readonly selector?: Readonly<Record<string, string>>;
  readonly sessionAffinity?: string;
  readonly sessionAffinityConfig?: { readonly clientIP?: { readonly timeoutSeconds?: number } };
  readonly type?: string;
}

/** `value` without its undefined fields, keys in code-unit order (as cdk8s writes them). */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) out[key] = item;
  }
  return out as T;
}

/** A ServiceSpec as the JSON the API server reads. */
export function serviceSpecJson(spec: KubeServiceSpec): Record<string, unknown> {
  return compact({
    ...spec,
    ports: spec.ports?.map((port) => compact(port)),
    selector: spec.selector ? compact(spec.selector) : undefined,
    sessionAffinityConfig: spec.sessionAffinityConfig?.clientIP
      ? { clientIP: compact(spec.sessionAffinityConfig.clientIP) }
      : undefined,
  });
}

/** Props of `KubeService`. */
export interface KubeServiceProps {
  /** Name, namespace, labels and annotations. */
  readonly metadata?: ApiObjectMetadata;
  /** The spec, rendered at synthesis. */
  readonly spec: () => KubeServiceSpec;
}

/** A core/v1 Service object. */
export class KubeService extends ApiObject {
  public constructor(scope: Construct, id: string, props: KubeServiceProps) {
    super(scope, id, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: props.metadata,
      spec: Lazy.any({ produce: () => serviceSpecJson(props.spec()) }),
    });
  }
}
