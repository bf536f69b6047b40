import { containersOf, kindOf, KubeObject, nameOf, podTemplateOf, record, selectedPods, servicePorts, specOf, str, udpServicesSelecting } from './manifest';
import { Rule, RuleContext } from './rule';
import { RULES } from '../core/catalog';
import { Violation } from '../core/finding';

/** Well-known ports of one-way UDP protocols: senders never get a reply, so their conntrack entries never settle. */
const ONE_WAY_PORTS: Readonly<Record<number, string>> = { 514: 'syslog', 8125: 'StatsD' };
const ONE_WAY_NAME = /statsd|syslog/i;

/** The Kubernetes version whose conntrack reconciler stopped cleaning UDP Services left with no endpoints. */
const RECONCILER_SINCE = '1.32';

/** The one-way protocol a UDP port carries, by its number or its (or the Service's) name. */
function oneWayProtocol(service: KubeObject, entry: Record<string, unknown>): string | undefined {
  const known = typeof entry.port === 'number' ? ONE_WAY_PORTS[entry.port] : undefined;
  if (known) return known;
  const name = `${str(entry.name) ?? ''} ${nameOf(service) ?? ''}`;
  const match = ONE_WAY_NAME.exec(name);
  return match ? (match[0].toLowerCase() === 'syslog' ? 'syslog' : 'StatsD') : undefined;
}

/** What lets `owner` scale to zero pods, in words, or `undefined` when nothing does. */
function scalesToZero(owner: KubeObject, objects: readonly KubeObject[]): string | undefined {
  if (specOf(owner).replicas === 0) return `${kindOf(owner)} "${nameOf(owner)}" has replicas: 0`;
  for (const o of objects) {
    const target = record(specOf(o).scaleTargetRef);
    if (!target || target.name !== nameOf(owner) || (target.kind ?? 'Deployment') !== kindOf(owner)) continue;
    if (kindOf(o) === 'HorizontalPodAutoscaler' && specOf(o).minReplicas === 0) {
      return `HorizontalPodAutoscaler "${nameOf(o)}" has minReplicas: 0`;
    }
    // KEDA's ScaledObject scales to zero unless minReplicaCount says otherwise
    const min = specOf(o).minReplicaCount;
    if (kindOf(o) === 'ScaledObject' && (min === undefined || min === 0)) {
      return `ScaledObject "${nameOf(o)}" has minReplicaCount ${min === undefined ? 'unset (KEDA\'s default, 0)' : '0'}`;
    }
  }
  return undefined;
}

function versionAffected(context: RuleContext): boolean {
  const version = context.kubernetesVersion;
  return version === undefined || !version.valid || version.isAtLeast(RECONCILER_SINCE);
}

/** UDP150: a one-way UDP Service (StatsD, syslog) whose pods can all go away. */
export const ONE_WAY_UDP_SCALE_TO_ZERO: Rule = {
  ...RULES.UDP150,
  kinds: ['Service'],
  check(service, context) {
    if (!versionAffected(context)) return [];
    const ports = servicePorts(service).filter((p) => p.protocol === 'UDP' && oneWayProtocol(service, p.entry) !== undefined);
    if (ports.length === 0) return [];
    const owners = [...new Set(selectedPods(service, context.objects).map((pod) => pod.owner))];
    const reason = owners.map((owner) => scalesToZero(owner, context.objects)).find((r) => r !== undefined);
    if (!reason) return [];
    return ports.map((p) => ({
      field: `spec.ports[${p.index}]`,
      value: `${str(p.entry.name) ?? p.entry.port}/UDP`,
      message: `carries ${oneWayProtocol(service, p.entry)}, one-way UDP, and can scale to zero endpoints (${reason}): `
        + 'from Kubernetes 1.32 kube-proxy leaves the senders\' conntrack entries pointing at the deleted pod, and every '
        + 'datagram refreshes them, so metrics or logs are lost until a pod comes back, or for hours',
      allowed: 'at least one replica (minReplicas 1), or a kube-proxy with the fix of kubernetes #139629',
    }));
  },
};

const SIP_PORTS = new Set([5060]);

/** Whether a Service port carries SIP over UDP (port 5060, or a name starting with sip). */
function isSip(entry: Record<string, unknown>): boolean {
  return (typeof entry.port === 'number' && SIP_PORTS.has(entry.port)) || /^sip/i.test(str(entry.name) ?? '');
}

/** UDP151: SIP pods whose readiness flips on a single failed check. */
export const SIP_READINESS_FLUSH: Rule = {
  ...RULES.UDP151,
  kinds: ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'],
  check(owner, context) {
    const pod = podTemplateOf(owner);
    if (!pod) return [];
    const sip = udpServicesSelecting(owner, context.objects)
      .find((service) => servicePorts(service).some((p) => p.protocol === 'UDP' && isSip(p.entry)));
    if (!sip) return [];
    const result: Violation[] = [];
    containersOf(pod.spec).forEach((container, i) => {
      const probe = record(container.readinessProbe);
      if (probe?.failureThreshold !== 1) return;
      result.push({
        field: `${pod.specPath}.containers[${i}].readinessProbe.failureThreshold`,
        value: 1,
        message: `turns the pod not ready on a single failed check, and SIP Service "${nameOf(sip)}" sends it UDP: kube-proxy `
          + 'then flushes every UDP flow of the pod, and SIP transactions in flight lose their replies',
        allowed: '3 or more (the default), so that one slow check does not cut every call in setup',
      });
    });
    return result;
  },
};

/** The rules on kube-proxy's UDP conntrack handling. */
export const CONNTRACK_RULES: readonly Rule[] = [ONE_WAY_UDP_SCALE_TO_ZERO, SIP_READINESS_FLUSH];
