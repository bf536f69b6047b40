import { Severity, Violation } from './finding';
import { annotationsOf, KubeObject, servicePorts, serviceType, specOf } from './manifest';
import { Rule, RuleContext } from './rule';
import { Sources } from './sources';
import { decideMixedProtocol, LoadBalancerProvider, ProviderSources } from '../model/load-balancer-provider';

const SERVICE = ['Service'];
const AWS = 'service.beta.kubernetes.io/';
const TCP_UDP_LISTENER = `${AWS}aws-load-balancer-enable-tcp-udp-listener`;

/** The protocols of a Service's ports. */
function protocols(service: KubeObject): Set<string> {
  return new Set(servicePorts(service).map((p) => p.protocol));
}

/** Whether a LoadBalancer Service carries both TCP and UDP. */
function isMixedLoadBalancer(service: KubeObject): boolean {
  const found = protocols(service);
  return serviceType(service) === 'LoadBalancer' && found.has('TCP') && found.has('UDP');
}

/** The AWS implementation a Service's own annotations or class select, if any. */
export function awsImplementationOf(service: KubeObject): 'aws-load-balancer-controller' | 'aws-in-tree' | undefined {
  const type = annotationsOf(service)[`${AWS}aws-load-balancer-type`];
  if (type === 'nlb') return 'aws-in-tree';
  if (type === 'external' || type === 'nlb-ip' || specOf(service).loadBalancerClass === 'service.k8s.aws/nlb') {
    return 'aws-load-balancer-controller';
  }
  return undefined;
}

/** The provider the rules assume for a Service: the declared one, or the one its annotations select. */
function providerFor(service: KubeObject, context: RuleContext): LoadBalancerProvider | undefined {
  const own = awsImplementationOf(service);
  if (own === 'aws-in-tree') return LoadBalancerProvider.awsInTree();
  if (own === 'aws-load-balancer-controller' && context.provider?.id !== 'aws-load-balancer-controller') return undefined;
  return context.provider;
}

/** UDP301: the Kubernetes version accepts TCP and UDP in one LoadBalancer Service. */
export const MIXED_PROTOCOL_VERSION: Rule = {
  id: 'UDP301',
  severity: Severity.ERROR,
  title: 'TCP and UDP in one LoadBalancer Service before Kubernetes 1.24',
  why: 'MixedProtocolLBService is alpha and off by default in 1.20-1.23: the API server refuses the Service with '
    + '"may not contain more than 1 protocol when type is \'LoadBalancer\'". Split it into a TCP and a UDP Service.',
  source: Sources.MIXED_PROTOCOL_LB,
  kinds: SERVICE,
  check(service, context) {
    const version = context.kubernetesVersion;
    if (!version?.valid || !isMixedLoadBalancer(service)) return [];
    const decision = decideMixedProtocol('LoadBalancer', version, LoadBalancerProvider.generic({ mixedProtocol: true }));
    if (decision.single) return [];
    return [{
      field: 'spec.ports',
      value: [...protocols(service)].sort(),
      message: `mixes TCP and UDP: ${decision.reason}`,
      allowed: 'one protocol per LoadBalancer Service before 1.24',
      hint: 'split it into <name>-tcp and <name>-udp Services (DualProtocolEndpoint does it for you)',
    }];
  },
};

/** UDP302: the load-balancer implementation supports TCP and UDP in one Service. */
export const MIXED_PROTOCOL_PROVIDER: Rule = {
  id: 'UDP302',
  severity: Severity.ERROR,
  title: 'TCP and UDP in one LoadBalancer Service on a load balancer that cannot carry both',
  why: 'The Service is accepted, but the load balancer is not built (in-tree AWS: "mixed protocol is not supported for '
    + 'LoadBalancer") or carries one protocol only.',
  source: ProviderSources.AWS_IN_TREE,
  kinds: SERVICE,
  check(service, context) {
    if (!isMixedLoadBalancer(service)) return [];
    const provider = providerFor(service, context);
    if (!provider) return [];
    const support = provider.mixedProtocol();
    if (support.supported) return [];
    return [{
      field: 'spec.ports',
      value: [...protocols(service)].sort(),
      message: `mixes TCP and UDP, but ${support.reason}`,
      allowed: `one protocol per LoadBalancer Service on ${provider.description}`,
      hint: 'split it into <name>-tcp and <name>-udp Services (DualProtocolEndpoint does it for you)',
    }];
  },
};

/** UDP303: the AWS Load Balancer Controller needs the TCP_UDP listener opt-in for TCP and UDP on one port. */
export const TCP_UDP_LISTENER_OPT_IN: Rule = {
  id: 'UDP303',
  severity: Severity.ERROR,
  title: 'TCP and UDP on one port behind the AWS Load Balancer Controller without the TCP_UDP listener opt-in',
  why: 'Without `aws-load-balancer-enable-tcp-udp-listener: "true"` (controller 2.13 or later) the controller builds a '
    + 'listener for one protocol of the pair and silently drops the other (aws-load-balancer-controller #4405).',
  source: ProviderSources.AWS_LBC_ANNOTATIONS,
  kinds: SERVICE,
  check(service, context) {
    if (serviceType(service) !== 'LoadBalancer' || awsImplementationOf(service) !== 'aws-load-balancer-controller') return [];
    if (annotationsOf(service)[TCP_UDP_LISTENER] === 'true') return [];
    // where the cluster or the controller cannot carry both protocols in one Service at all, UDP301 or UDP302 says to
    // split it: asking for the opt-in as well would be contradictory advice
    const version = context.kubernetesVersion;
    if (version?.valid && !decideMixedProtocol('LoadBalancer', version, LoadBalancerProvider.generic({ mixedProtocol: true })).single) return [];
    const provider = providerFor(service, context);
    if (provider && !provider.mixedProtocol().supported) return [];
    const byPort = new Map<unknown, Set<string>>();
    for (const p of servicePorts(service)) byPort.set(p.entry.port, (byPort.get(p.entry.port) ?? new Set()).add(p.protocol));
    const result: Violation[] = [];
    for (const [port, found] of byPort) {
      if (!found.has('TCP') || !found.has('UDP')) continue;
      result.push({
        field: `metadata.annotations["${TCP_UDP_LISTENER}"]`,
        value: annotationsOf(service)[TCP_UDP_LISTENER],
        message: `must be "true" for port ${String(port)} on TCP and UDP: without it the controller silently drops one protocol`,
        allowed: '"true", with controller 2.13 or later',
      });
    }
    return result;
  },
};

/** The rules on mixed protocols and load-balancer implementations. */
export const MIXED_PROTOCOL_RULES: readonly Rule[] = [
  MIXED_PROTOCOL_VERSION,
  MIXED_PROTOCOL_PROVIDER,
  TCP_UDP_LISTENER_OPT_IN,
];
