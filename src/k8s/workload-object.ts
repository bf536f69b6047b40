import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { KubeObject } from '../rules/manifest';

/**
 * The parts of a cdk8s-plus pod or workload the workload rules read (kind, name, namespace, replicas, pod labels and
 * containers), as the plain object its synthesis emits, built without resolving the whole object: validation runs
 * once per Service, and a full `toJson()` of every workload would double the cost of synthesis.
 */
export function workloadObject(pod: kplus.AbstractPod): KubeObject[] {
  const api = ApiObject.of(pod);
  const metadata = api.metadata.toJson();
  const podSpec = { containers: pod.containers.map((container) => kplus.k8s.toJson_Container(container._toKube())) };
  if (pod instanceof kplus.Pod) {
    return [{ apiVersion: api.apiVersion, kind: api.kind, metadata, spec: podSpec }];
  }
  const workload: KubeObject = {
    apiVersion: api.apiVersion,
    kind: api.kind,
    metadata,
    spec: {
      replicas: replicasOf(pod),
      template: { metadata: { labels: pod.podMetadata.toJson().labels }, spec: podSpec },
    },
  };
  if (!isAutoscaled(pod)) return [workload];
  // the autoscaler owns the replica count: the rules see it the way they see one in a manifest
  const autoscaler: KubeObject = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: metadata.name, namespace: metadata.namespace },
    spec: { scaleTargetRef: { apiVersion: api.apiVersion, kind: api.kind, name: metadata.name } },
  };
  return [workload, autoscaler];
}

function isAutoscaled(pod: kplus.AbstractPod): boolean {
  return (pod instanceof kplus.Deployment || pod instanceof kplus.StatefulSet) && pod.hasAutoscaler;
}

/** The replica count cdk8s-plus emits: its defaults are 2 for a Deployment and 1 for a StatefulSet. */
function replicasOf(pod: kplus.AbstractPod): number | undefined {
  if (isAutoscaled(pod)) return undefined;
  if (pod instanceof kplus.Deployment) return pod.replicas ?? 2;
  if (pod instanceof kplus.StatefulSet) return pod.replicas ?? 1;
  return undefined;
}
