import { ApiObject, ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';

/** Props of `KubeConfigMap`. */
export interface KubeConfigMapProps {
  /** Name, namespace, labels and annotations. */
  readonly metadata?: ApiObjectMetadata;
  /** The entries. */
  readonly data: Readonly<Record<string, string>>;
  /**
   * Whether the entries can never change (`immutable`).
   * @default - unset: mutable
   */
  readonly immutable?: boolean;
}

/** A core/v1 ConfigMap object (`io.k8s.api.core.v1.ConfigMap`). */
export class KubeConfigMap extends ApiObject {
  public constructor(scope: Construct, id: string, props: KubeConfigMapProps) {
    super(scope, id, { apiVersion: 'v1', kind: 'ConfigMap', metadata: props.metadata, data: { ...props.data }, immutable: props.immutable });
  }
}
