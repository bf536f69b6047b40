import { formatFinding } from '../../src/core/finding';
import { Sources } from '../../src/core/sources';
import { AwsNlbAnnotations as A, QUIC_ENABLED_CONTAINERS_ANNOTATION } from '../../src/model/aws-load-balancer-controller';
import { annotationField, AWS_NLB_RULES } from '../../src/rules/aws-nlb';
import { checkObjects } from '../../src/rules/engine';
import { KubeObject } from '../../src/rules/manifest';

const f = (key: string) => annotationField(key);
const H3 = { name: 'h3', port: 443, protocol: 'UDP', targetPort: 8443 };
const H2 = { name: 'h2', port: 443, protocol: 'TCP', targetPort: 8443 };

/** A QUIC Service in namespace web: ip targets, no NLB security group, an HTTP check on 8080. */
const GOOD: Record<string, string> = {
  [A.TYPE]: 'external',
  [A.TARGET_TYPE]: 'ip',
  [A.QUIC_ENABLED_PORTS]: '443',
  [A.DISABLE_NLB_SG]: 'true',
  [A.HEALTHCHECK_PROTOCOL]: 'http',
  [A.HEALTHCHECK_PORT]: '8080',
  [A.HEALTHCHECK_PATH]: '/ready',
};

function service(annotations: Record<string, string>, ports: readonly Record<string, unknown>[] = [H3]): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'web', annotations },
    spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports },
  };
}

function pods(annotations: Record<string, string> | null = { [QUIC_ENABLED_CONTAINERS_ANNOTATION]: 'envoy' }): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' }, ...annotations ? { annotations } : {} },
        spec: { containers: [{ name: 'envoy', image: 'envoy', ports: [{ containerPort: 8443, protocol: 'UDP' }, { containerPort: 8443 }, { containerPort: 8080 }] }] },
      },
    },
  };
}

function namespace(labels: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web', labels } };
}

function lint(objects: KubeObject[]): string[] {
  return checkObjects(objects, AWS_NLB_RULES).map((x) => `${x.severity} ${formatFinding(x, 'Service/web')}`);
}

const QUIC = f(A.QUIC_ENABLED_PORTS);
const L = Sources.NLB_QUIC_LISTENERS;

test('a QUIC Service the controller can build passes, with TCP_QUIC too, and with the namespace labelled', () => {
  expect(lint([service(GOOD), pods(), namespace({ 'elbv2.k8s.aws/quic-server-id-inject': 'enabled' })])).toEqual([]);
  expect(lint([service({ ...GOOD, [A.ENABLE_TCP_UDP_LISTENER]: 'true' }, [H3, H2]), pods()])).toEqual([]);
  // by port name as well as by number
  expect(lint([service({ ...GOOD, [A.QUIC_ENABLED_PORTS]: 'h3' }), pods()])).toEqual([]);
});

test('UDP590: dualstack', () => {
  expect(lint([service({ ...GOOD, [A.IP_ADDRESS_TYPE]: 'dualstack', [A.ENABLE_PREFIX_FOR_IPV6_SOURCE_NAT]: 'on' }), pods()])).toEqual([
    `error [UDP590] Service/web: ${f(A.IP_ADDRESS_TYPE)} "dualstack": cannot carry the QUIC 443 listener that ${QUIC} asks for: AWS refuses QUIC and TCP_QUIC listeners on a dualstack NLB (ipv4 (drop the annotation), or the QUIC port on an ipv4 Service of its own; ${L})`,
  ]);
});

test('UDP591: the controller\'s managed security group (unset or not "true"), or security groups given', () => {
  const { [A.DISABLE_NLB_SG]: _, ...managed } = GOOD;
  expect(lint([service(managed), pods()])).toEqual([
    `error [UDP591] Service/web: ${f(A.DISABLE_NLB_SG)} (unset): is unset, so the controller gives the NLB its managed security group, with which AWS refuses the QUIC 443 listener ("true" (controller 2.14 or later), before the NLB is first created: security groups cannot be removed later; ${L})`,
  ]);
  expect(lint([service({ ...GOOD, [A.SECURITY_GROUPS]: 'sg-0123456789abcdef0' }), pods()])).toEqual([
    `error [UDP591] Service/web: ${f(A.SECURITY_GROUPS)} "sg-0123456789abcdef0": gives the NLB security groups, with which AWS refuses the QUIC 443 listener (no security groups: drop the annotation and add ${f(A.DISABLE_NLB_SG)}: "true"; ${L})`,
  ]);
});

test('UDP592: a UDP listener beside QUIC, a second QUIC listener, a TCP port listed, a port the Service does not have', () => {
  const dns = { name: 'dns', port: 53, protocol: 'UDP', targetPort: 8443 };
  expect(lint([service(GOOD, [H3, dns]), pods()])).toEqual([
    `error [UDP592] Service/web: spec.ports[1] {"name":"dns","port":53,"protocol":"UDP","targetPort":8443}: is a UDP 53 listener beside the QUIC 443 listener: AWS refuses QUIC listeners on an NLB with UDP or TCP_UDP listeners (the UDP port on a Service of its own, or TCP ports only beside QUIC; ${L})`,
  ]);
  expect(lint([service({ ...GOOD, [A.QUIC_ENABLED_PORTS]: '443,dns' }, [H3, dns]), pods()])).toEqual([
    `error [UDP592] Service/web: ${QUIC} "443,dns": makes QUIC 53 a second QUIC listener beside QUIC 443: an NLB takes one QUIC or TCP_QUIC listener (one port; the others on Services of their own; ${L})`,
  ]);
  // without the TCP_UDP opt-in, 443 is a UDP and a TCP listener: the TCP one cannot be upgraded
  expect(lint([service({ ...GOOD, [A.QUIC_ENABLED_PORTS]: '443,8443' }, [H3, H2]), pods()])).toEqual([
    `error [UDP592] Service/web: ${QUIC} "443,8443": lists "443", a TCP listener: the controller upgrades only UDP and TCP_UDP listeners and fails on this Service ("Unsupported QUIC upgrade") (UDP ports only (with the TCP_UDP opt-in, a TCP and UDP pair becomes TCP_QUIC); ${L})`,
    `error [UDP592] Service/web: ${QUIC} "443,8443": lists "8443", which is no port number or port name of this Service: the controller ignores it (the number or name of a UDP port of this Service; ${L})`,
  ]);
});

test('UDP593: instance targets', () => {
  expect(lint([service({ ...GOOD, [A.TARGET_TYPE]: 'instance' }), pods()])).toEqual([
    `error [UDP593] Service/web: ${f(A.TARGET_TYPE)} "instance": registers instances, which the controller never registers on the QUIC 443 target group: QUIC targets need the server ids it injects into pods (ip; ${Sources.LBC_QUIC_REGISTRATION})`,
  ]);
});

test('UDP594: pods that do not ask for a server id, or name no container of theirs; a namespace without the injection label', () => {
  expect(lint([service(GOOD), pods(null)])).toEqual([
    `warning [UDP594] Service/web: ${QUIC} "443": makes the NLB register only pods with a QUIC server id, and the pods of Deployment web do not ask for one (no ${QUIC_ENABLED_CONTAINERS_ANNOTATION} annotation on spec.template.metadata): none is registered (${QUIC_ENABLED_CONTAINERS_ANNOTATION}: the names of the containers that serve QUIC; ${Sources.LBC_QUIC})`,
  ]);
  expect(lint([service(GOOD), pods({ [QUIC_ENABLED_CONTAINERS_ANNOTATION]: 'server' }), namespace({})])).toEqual([
    `warning [UDP594] Service/web: ${QUIC} "443": makes the NLB register only pods with a QUIC server id, and the ${QUIC_ENABLED_CONTAINERS_ANNOTATION} annotation of Deployment web, "server", names none of its containers (envoy): none is registered (${QUIC_ENABLED_CONTAINERS_ANNOTATION}: the names of the containers that serve QUIC; ${Sources.LBC_QUIC})`,
    `warning [UDP594] Service/web: ${QUIC} "443": makes the NLB register only pods with a QUIC server id, and namespace web lacks the label elbv2.k8s.aws/quic-server-id-inject: enabled, without which the controller injects none (the label elbv2.k8s.aws/quic-server-id-inject: enabled on the namespace; ${Sources.LBC_QUIC})`,
  ]);
});

test('UDP566: preserve_client_ip.enabled=false is refused for QUIC target groups too', () => {
  expect(checkObjects([service({ ...GOOD, [A.TARGET_GROUP_ATTRIBUTES]: 'preserve_client_ip.enabled=false' }), pods()], AWS_NLB_RULES)
    .map((x) => `${x.ruleId} ${x.message}`)).toEqual(['UDP566 preserve_client_ip.enabled=false cannot be disabled for QUIC target groups']);
});
