import { annotationsOf, KubeObject, servicePorts, serviceType, specOf } from './manifest';
import { Rule, RuleContext } from './rule';
import { RULES } from '../core/catalog';
import { Violation } from '../core/finding';
import { AWS_LBC_LOAD_BALANCER_CLASS, AwsNlbAnnotations } from '../model/aws-load-balancer-controller';
import { decideMixedProtocol, LoadBalancerProvider } from '../model/load-balancer-provider';

const SERVICE = ['Service'];
const TCP_UDP_LISTENER = AwsNlbAnnotations.ENABLE_TCP_UDP_LISTENER;

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
  const type = annotationsOf(service)[AwsNlbAnnotations.TYPE];
  if (type === 'nlb') return 'aws-in-tree';
  if (type === 'external' || type === 'nlb-ip' || specOf(service).loadBalancerClass === AWS_LBC_LOAD_BALANCER_CLASS) {
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
  ...RULES.UDP301,
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
  ...RULES.UDP302,
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
  ...RULES.UDP303,
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
