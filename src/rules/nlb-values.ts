import { Severity } from './finding';
import { RuleInfo } from './rule';
import { NlbSources } from '../model/health-check';
import { ProviderSources } from '../model/load-balancer-provider';

/** UDP570: TCP and UDP on one port need a controller (and cluster) that builds a TCP_UDP listener. */
export const NLB_TCP_UDP_UNSUPPORTED: RuleInfo = {
  id: 'UDP570',
  severity: Severity.ERROR,
  title: 'A TCP_UDP port on a controller or cluster that cannot build a TCP_UDP listener',
  why: 'The AWS Load Balancer Controller builds TCP_UDP listeners from 2.13 (with the opt-in), the in-tree provider '
    + 'never, and Kubernetes before 1.24 refuses TCP and UDP in one LoadBalancer Service.',
  source: ProviderSources.AWS_LBC_ANNOTATIONS,
};

/** UDP571: the in-tree provider registers instances only. */
export const NLB_IN_TREE_IP_TARGETS: RuleInfo = {
  id: 'UDP571',
  severity: Severity.ERROR,
  title: 'ip targets with the in-tree AWS provider',
  why: 'The legacy in-tree provider registers nodes (instance targets) only: ip targets need the AWS Load Balancer '
    + 'Controller.',
  source: ProviderSources.AWS_IN_TREE,
};

/** UDP572: the in-tree provider does not read this setting. */
export const NLB_IN_TREE_UNSUPPORTED: RuleInfo = {
  id: 'UDP572',
  severity: Severity.ERROR,
  title: 'A setting the in-tree AWS provider does not read',
  why: 'The in-tree provider ignores target-group attributes, load-balancer attributes (deletion protection), '
    + 'dualstack and loadBalancerClass: the setting would be silently lost.',
  source: ProviderSources.AWS_IN_TREE,
};

/** UDP573: the health-check sidecar needs a cdk8s-plus workload to join. */
export const NLB_SIDECAR_WORKLOAD: RuleInfo = {
  id: 'UDP573',
  severity: Severity.ERROR,
  title: 'The health-check sidecar needs a cdk8s-plus pod controller',
  why: 'With ip targets the NLB checks each pod: a UDP-only pod answers no TCP or HTTP check unless the sidecar joins '
    + 'it, which needs the cdk8s-plus Deployment, StatefulSet, DaemonSet or Pod as selector.',
  source: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2144',
};

/** UDP574: a named targetPort the sidecar cannot resolve to a number. */
export const NLB_SIDECAR_TARGET_PORT: RuleInfo = {
  id: 'UDP574',
  severity: Severity.ERROR,
  title: 'The sidecar cannot find the number of a named targetPort',
  why: 'The sidecar probes a port number: a named targetPort must be declared by a container of the workload.',
  source: 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2144',
};

/** UDP575: a port of an `NlbUdpLoadBalancer` is UDP or TCP_UDP. */
export const NLB_PORT_PROTOCOL: RuleInfo = {
  id: 'UDP575',
  severity: Severity.ERROR,
  title: 'An NLB port protocol must be UDP or TCP_UDP',
  why: 'NlbUdpLoadBalancer builds a UDP listener per port, or one TCP_UDP listener for TCP and UDP on the same port; '
    + 'any other value (TCP alone, lower case, from untyped input) would be taken for UDP, and TCP on the port lost.',
  source: NlbSources.NLB_LISTENERS,
};

/** UDP576: the controller of an `NlbUdpLoadBalancer` is an `NlbController`. */
export const NLB_CONTROLLER: RuleInfo = {
  id: 'UDP576',
  severity: Severity.ERROR,
  title: 'The NLB controller must be NlbController.awsLoadBalancerController() or NlbController.inTree()',
  why: 'The controller decides which annotations the Service gets and which settings are refused: anything else (a '
    + 'string from untyped input, a LoadBalancerProvider) cannot be read, and taking it for the default would build the '
    + 'annotations of an implementation the user did not choose.',
  source: ProviderSources.AWS_LBC_ANNOTATIONS,
};

/** UDP577: `healthSidecar` is the sidecar's props or `false`. */
export const NLB_SIDECAR_PROPS: RuleInfo = {
  id: 'UDP577',
  severity: Severity.ERROR,
  title: 'healthSidecar must be the sidecar\'s props or false',
  why: 'The sidecar is the NLB\'s health check with ip targets: a value that is neither (a string or a number from '
    + 'untyped input) cannot say what to probe, and guessing would build a health check the user did not ask for.',
  source: ProviderSources.AWS_LBC_ANNOTATIONS,
};

/** UDP578: instance targets need NodePorts. */
export const NLB_NODE_PORTS_INSTANCE: RuleInfo = {
  id: 'UDP578',
  severity: Severity.ERROR,
  title: 'allocateLoadBalancerNodePorts false with instance targets',
  why: 'Instance targets receive the traffic on the Service\'s NodePorts: without them the target groups have nowhere '
    + 'to send it. Only ip targets, which reach the pods directly, can do without.',
  source: ProviderSources.AWS_LBC_ANNOTATIONS,
};

/** The checks of `NlbUdpLoadBalancer` props of its own (the shared health-check, placement and attribute checks aside). */
export const NLB_CONSTRUCT_RULES: readonly RuleInfo[] = [
  NLB_TCP_UDP_UNSUPPORTED, NLB_IN_TREE_IP_TARGETS, NLB_IN_TREE_UNSUPPORTED, NLB_SIDECAR_WORKLOAD, NLB_SIDECAR_TARGET_PORT,
  NLB_PORT_PROTOCOL, NLB_CONTROLLER, NLB_SIDECAR_PROPS, NLB_NODE_PORTS_INSTANCE,
];
