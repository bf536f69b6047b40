import { ApiObject } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { KubeObject } from '../rules/manifest';

/**
 * The parts of a cdk8s-plus pod or workload the workload rules read (kind, name, namespace, replicas, pod labels and
 * the containers' names, ports and probes), as the plain object its synthesis emits, built without resolving the whole
 * object: a full `toJson()` of every workload at each validation would double the cost of synthesis.
 */
export function workloadObject(pod: kplus.AbstractPod): KubeObject[] {
  const api = ApiObject.of(pod);
  const metadata = api.metadata.toJson();
  const podSpec = { containers: pod.containers.map(ruleContainer) };
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

/** A container as the rules read it: its name, ports and probes, mapped by cdk8s-plus's own functions. */
function ruleContainer(container: kplus.Container): unknown {
  const kube = container._toKube();
  return kplus.k8s.toJson_Container({
    name: kube.name,
    image: kube.image,
    ports: kube.ports,
    startupProbe: kube.startupProbe,
    readinessProbe: kube.readinessProbe,
    livenessProbe: kube.livenessProbe,
  });
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
