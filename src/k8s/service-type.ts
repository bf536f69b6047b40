/** How a Service is exposed. */
export enum ServiceType {
  /** A virtual IP reachable inside the cluster (the Kubernetes default). */
  CLUSTER_IP = 'ClusterIP',
  /** A ClusterIP plus a port on every node (`nodePort`, 30000-32767 by default). */
  NODE_PORT = 'NodePort',
  /** A NodePort plus a cloud or bare-metal load balancer in front of it. */
  LOAD_BALANCER = 'LoadBalancer',
  /**
   * No virtual IP (`clusterIP: None`): DNS returns the pod IPs themselves. For clients that pick a pod themselves,
   * or StatefulSets whose pods need stable names.
   */
  HEADLESS = 'Headless',
}

/** Where a Service's traffic may go: to any ready endpoint of the cluster, or only to endpoints on the same node. */
export enum TrafficPolicy {
  /** Any ready endpoint of the cluster (the Kubernetes default). */
  CLUSTER = 'Cluster',
  /**
   * Only endpoints on the node that received the traffic. For `externalTrafficPolicy` it preserves the client's source
   * IP and drops traffic on nodes without a local endpoint.
   */
  LOCAL = 'Local',
}

/** Which IP families a Service gets. */
export enum IpFamilyPolicy {
  /** One family (the Kubernetes default). */
  SINGLE_STACK = 'SingleStack',
  /** Two families on a dual-stack cluster, one otherwise. */
  PREFER_DUAL_STACK = 'PreferDualStack',
  /** Two families, or the Service is refused. */
  REQUIRE_DUAL_STACK = 'RequireDualStack',
}

/** An IP family of a Service. */
export enum IpFamily {
  /** IPv4. */
  IPV4 = 'IPv4',
  /** IPv6. */
  IPV6 = 'IPv6',
}
