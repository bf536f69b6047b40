import { Severity } from './finding';
import { RuleInfo } from './rule';
import { Sources } from './sources';

/** UDP140: a Service selector is labels only. */
export const SELECTOR_EXPRESSIONS: RuleInfo = {
  id: 'UDP140',
  severity: Severity.ERROR,
  title: 'A Service selector can only match labels',
  why: 'spec.selector is a map of labels: a selection made with label expressions (In, NotIn, Exists) cannot be '
    + 'expressed, and dropping the expressions would select more pods than meant.',
  source: Sources.SERVICE_VALIDATION,
};

/** UDP142: a selector object is a workload the library can adjust, a pod selector, or labels. */
export const SELECTOR_WORKLOAD: RuleInfo = {
  id: 'UDP142',
  severity: Severity.ERROR,
  title: 'A selector object must be a cdk8s-plus 28-33 workload, a pod selector or labels',
  why: 'A Service in front of a UDP server must also make the pods right for UDP: container ports declared UDP and '
    + 'no TCP startup probe on a UDP-only port, or the pods crash-loop. An object the library cannot adjust (a '
    + 'workload of another cdk8s-plus major, a hand-made Deployment object, an unknown class) is refused rather than '
    + 'read as bare labels.',
  source: Sources.CDK8S_PLUS,
};

/** UDP143: a `provider` is a `LoadBalancerProvider`. */
export const PROVIDER_TYPE: RuleInfo = {
  id: 'UDP143',
  severity: Severity.ERROR,
  title: 'provider must be a LoadBalancerProvider',
  why: 'The provider decides the annotations, the class and whether TCP and UDP fit in one Service; a value that is '
    + 'none (a name such as "aws" from a configuration file) would leave all of that out without a word.',
  source: Sources.MIXED_PROTOCOL_LB,
};

/** UDP144: a health NodePort belongs to a Service that load balancers reach through the nodes. */
export const HEALTH_NODE_PORT_TYPE: RuleInfo = {
  id: 'UDP144',
  severity: Severity.ERROR,
  title: 'healthNodePort needs a NodePort or LoadBalancer Service',
  why: 'A health NodePort is checked by a load balancer outside the cluster that sends the UDP traffic to the nodes; '
    + 'a ClusterIP Service has no such load balancer, and the NodePort would open every node for nothing.',
  source: Sources.SERVICE_VALIDATION,
};

/** UDP146: a Service prop has its type (untyped input). */
export const SERVICE_PROP_TYPE: RuleInfo = {
  id: 'UDP146',
  severity: Severity.ERROR,
  title: 'A Service prop of the wrong type',
  why: 'A value of another type (a string "false" for a boolean, a name for an enum-like class, a number for a list) '
    + 'would be emitted as something the API server refuses, or dropped without a word.',
  source: Sources.SERVICE_VALIDATION,
};

/** The checks of construct props that have no object field of their own. */
export const SERVICE_VALUE_RULES: readonly RuleInfo[] = [
  SELECTOR_EXPRESSIONS, SELECTOR_WORKLOAD, PROVIDER_TYPE, HEALTH_NODE_PORT_TYPE, SERVICE_PROP_TYPE,
];
