import { Severity } from './finding';
import { byRuleId, RuleInfo } from './rule-info';
import { Sources as S } from './sources';

/**
 * The rule catalog: every rule of the library in one table, by id. The rules over Kubernetes objects (`rules/`) and
 * the checks of construct props and Pulumi arguments (`model/`, `sidecar/`, `k8s/`) refer to these entries; the
 * generated docs/rules.md, `k8s-udp rules` and SARIF output are made from it.
 *
 * Ids are grouped by hundreds: UDP1xx what the API server accepts for a Service and its metadata; UDP2xx the
 * workloads behind UDP Services (ports, probes, readiness); UDP3xx mixed protocols and load-balancer providers;
 * UDP4xx DNS; UDP5xx AWS Network Load Balancers; UDP6xx the health-check sidecar.
 */
const TABLE = {
  UDP101: {
    id: 'UDP101',
    severity: Severity.ERROR,
    title: 'Service port must be between 1 and 65535',
    why: 'The API server rejects the Service.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP102: {
    id: 'UDP102',
    severity: Severity.ERROR,
    title: 'nodePort must be in the cluster\'s --service-node-port-range',
    why: 'The API server refuses the Service on create: "provided port is not in the valid range".',
    fix: '',
    sources: [S.NODEPORT_ALLOCATOR],
    // object
  },
  UDP103: {
    id: 'UDP103',
    severity: Severity.ERROR,
    title: 'nodePort only on NodePort and LoadBalancer Services',
    why: 'The API server rejects a nodePort on a ClusterIP Service.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP104: {
    id: 'UDP104',
    severity: Severity.ERROR,
    title: 'nodePort requested twice',
    why: 'Two entries with different ports cannot share a nodePort ("provided port is already allocated"), and '
      + '(protocol, nodePort) must be unique. Only the TCP and UDP entries of one port may share it.',
    fix: '',
    sources: [S.NODEPORT_ALLOCATOR],
    // object
  },
  UDP105: {
    id: 'UDP105',
    severity: Severity.ERROR,
    title: 'Every port needs a name when a Service has more than one',
    why: 'The API server rejects a multi-port Service with an unnamed port.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP106: {
    id: 'UDP106',
    severity: Severity.ERROR,
    title: 'Port name must be a DNS-1123 label',
    why: 'The API server rejects the Service.',
    fix: '',
    sources: [S.NAME_VALIDATION],
    // object
  },
  UDP107: {
    id: 'UDP107',
    severity: Severity.ERROR,
    title: 'Port names must be unique within a Service',
    why: 'The API server rejects the Service.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP108: {
    id: 'UDP108',
    severity: Severity.ERROR,
    title: '(port, protocol) must be unique within a Service',
    why: 'The API server rejects the Service.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP109: {
    id: 'UDP109',
    severity: Severity.ERROR,
    title: 'targetPort must be a port number or an IANA_SVC_NAME',
    why: 'The API server rejects the Service.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP110: {
    id: 'UDP110',
    severity: Severity.ERROR,
    title: 'Port protocol must be TCP, UDP or SCTP',
    why: 'The API server rejects the Service (values are case-sensitive).',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP111: {
    id: 'UDP111',
    severity: Severity.ERROR,
    title: 'Service name must be a DNS-1035 label',
    why: 'The API server rejects the Service: its name becomes a DNS label in the cluster domain.',
    fix: '',
    sources: [S.NAME_VALIDATION],
    // object
  },
  UDP112: {
    id: 'UDP112',
    severity: Severity.ERROR,
    title: 'externalTrafficPolicy only on NodePort and LoadBalancer Services (or with externalIPs)',
    why: 'The API server rejects externalTrafficPolicy on a Service no external traffic reaches.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP113: {
    id: 'UDP113',
    severity: Severity.ERROR,
    title: 'healthCheckNodePort only on a LoadBalancer Service with externalTrafficPolicy Local',
    why: 'The API server rejects it elsewhere.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP114: {
    id: 'UDP114',
    severity: Severity.ERROR,
    title: 'loadBalancerSourceRanges must be CIDRs on a LoadBalancer Service',
    why: 'The API server rejects ranges that are not CIDRs, and ranges on other types do nothing.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP115: {
    id: 'UDP115',
    severity: Severity.ERROR,
    title: 'loadBalancerClass and allocateLoadBalancerNodePorts only on a LoadBalancer Service',
    why: 'The API server rejects them on other types.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP116: {
    id: 'UDP116',
    severity: Severity.ERROR,
    title: 'sessionAffinity ClientIP timeout must be 1..86400 seconds',
    why: 'The API server rejects other timeouts and rejects a sessionAffinityConfig without ClientIP.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP117: {
    id: 'UDP117',
    severity: Severity.ERROR,
    title: 'A Service needs ports unless it is headless or ExternalName',
    why: 'The API server rejects it.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP118: {
    id: 'UDP118',
    severity: Severity.ERROR,
    title: 'internalTrafficPolicy must be Cluster or Local',
    why: 'The API server rejects other values.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP119: {
    id: 'UDP119',
    severity: Severity.ERROR,
    title: 'ipFamilies must be IPv4/IPv6, distinct, and agree with ipFamilyPolicy',
    why: 'The API server rejects the Service.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP130: {
    id: 'UDP130',
    severity: Severity.ERROR,
    title: 'Label keys and values must be valid',
    why: 'The API server rejects the object.',
    fix: '',
    sources: [S.NAME_VALIDATION],
    // object
  },
  UDP131: {
    id: 'UDP131',
    severity: Severity.ERROR,
    title: 'Annotation keys must be valid and annotations at most 256 KiB in all',
    why: 'The API server rejects the object.',
    fix: '',
    sources: [S.OBJECT_META_VALIDATION],
    // object
  },
  UDP132: {
    id: 'UDP132',
    severity: Severity.ERROR,
    title: 'Namespace must be a DNS-1123 label',
    why: 'The API server rejects the object.',
    fix: '',
    sources: [S.NAME_VALIDATION],
    // object
  },
  UDP133: {
    id: 'UDP133',
    severity: Severity.ERROR,
    title: 'Object name must be a DNS-1123 subdomain',
    why: 'The API server rejects the object (a Service name is stricter: UDP111).',
    fix: '',
    sources: [S.NAME_VALIDATION],
    // object
  },
  UDP140: {
    id: 'UDP140',
    severity: Severity.ERROR,
    title: 'A Service selector can only match labels',
    why: 'spec.selector is a map of labels: a selection made with label expressions (In, NotIn, Exists) cannot '
      + 'be expressed, and dropping the expressions would select more pods than meant.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // props
  },
  UDP141: {
    id: 'UDP141',
    severity: Severity.ERROR,
    title: 'A nodePort requested by two Services',
    why: 'NodePorts come from one cluster-wide allocator, whatever the protocol: the second Service is refused '
      + 'with "provided port is already allocated". Only the TCP and UDP entries of one port in one Service '
      + 'may share a nodePort.',
    fix: '',
    sources: [S.NODEPORT_ALLOCATOR],
    // object
  },
  UDP201: {
    id: 'UDP201',
    severity: Severity.ERROR,
    title: 'A named targetPort of a UDP port must name a UDP container port',
    why: 'A named targetPort is resolved by name and protocol: with no UDP container port of that name, the '
      + 'Service has no endpoints for that port and every datagram is dropped.',
    fix: '',
    sources: [S.FIND_PORT],
    // object
  },
  UDP202: {
    id: 'UDP202',
    severity: Severity.WARNING,
    title: 'A UDP target port declared only as a TCP container port',
    why: 'Traffic still flows, but everything that reads container ports (probes that cdk8s-plus derives from '
      + 'them, NetworkPolicies written from them, people) is told TCP.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // object
  },
  UDP203: {
    id: 'UDP203',
    severity: Severity.ERROR,
    title: 'tcpSocket probe on a UDP-only port',
    why: 'Kubernetes has no UDP probe: a TCP connect to a port that only a UDP socket holds always fails, so a '
      + 'startup or liveness probe crash-loops the pod and a readiness probe keeps it out of the endpoints '
      + 'forever.',
    fix: '',
    sources: [S.PROBES],
    // object
  },
  UDP204: {
    id: 'UDP204',
    severity: Severity.WARNING,
    title: 'UDP workload with no readiness signal',
    why: 'kube-proxy sends UDP to every endpoint it believes ready and cleans stale conntrack entries only for '
      + 'endpoints that stop being ready: without a readinessProbe a dead UDP server keeps receiving '
      + 'datagrams.',
    fix: '',
    sources: [S.CONNTRACK],
    // object
  },
  UDP205: {
    id: 'UDP205',
    severity: Severity.WARNING,
    title: 'A single replica behind a UDP Service',
    why: 'While the one pod restarts, every datagram is lost, and UDP clients rarely retry the way TCP would.',
    fix: '',
    sources: [S.CONNTRACK],
    // object
  },
  UDP301: {
    id: 'UDP301',
    severity: Severity.ERROR,
    title: 'TCP and UDP in one LoadBalancer Service before Kubernetes 1.24',
    why: 'MixedProtocolLBService is alpha and off by default in 1.20-1.23: the API server refuses the Service '
      + 'with "may not contain more than 1 protocol when type is \'LoadBalancer\'". Split it into a TCP and a '
      + 'UDP Service.',
    fix: '',
    sources: [S.MIXED_PROTOCOL_LB],
    // object
  },
  UDP302: {
    id: 'UDP302',
    severity: Severity.ERROR,
    title: 'TCP and UDP in one LoadBalancer Service on a load balancer that cannot carry both',
    why: 'The Service is accepted, but the load balancer is not built (in-tree AWS: "mixed protocol is not '
      + 'supported for LoadBalancer") or carries one protocol only.',
    fix: '',
    sources: [S.AWS_IN_TREE],
    // object
  },
  UDP303: {
    id: 'UDP303',
    severity: Severity.ERROR,
    title: 'TCP and UDP on one port behind the AWS Load Balancer Controller without the TCP_UDP listener opt-in',
    why: 'Without `aws-load-balancer-enable-tcp-udp-listener: "true"` (controller 2.13 or later) the '
      + 'controller builds a listener for one protocol of the pair and silently drops the other '
      + '(aws-load-balancer-controller #4405).',
    fix: '',
    sources: [S.LBC_ANNOTATIONS],
    // object
  },
  UDP310: {
    id: 'UDP310',
    severity: Severity.ERROR,
    title: 'kubernetesVersion must be a Kubernetes version',
    why: 'Whether TCP and UDP fit in one LoadBalancer Service depends on it.',
    fix: '',
    sources: [S.MIXED_PROTOCOL_LB],
    // props
  },
  UDP311: {
    id: 'UDP311',
    severity: Severity.ERROR,
    title: 'mixedProtocol SINGLE where the cluster cannot carry TCP and UDP in one Service',
    why: 'The API server refuses it (before 1.24), or the load balancer drops one protocol or is never built.',
    fix: '',
    sources: [S.MIXED_PROTOCOL_LB],
    // props
  },
  UDP312: {
    id: 'UDP312',
    severity: Severity.ERROR,
    title: 'A load-balancer provider option given to a provider that does not read it',
    why: 'Each implementation reads only its own annotations: a MetalLB sharing key on AWS does nothing, and '
      + 'the address the user expects to share is never shared.',
    fix: '',
    sources: [S.LBC_ANNOTATIONS],
    // props
  },
  UDP313: {
    id: 'UDP313',
    severity: Severity.ERROR,
    title: 'A load-balancer controller version must be a release number',
    why: 'What one Service may carry depends on the controller version.',
    fix: '',
    sources: [S.LBC_ANNOTATIONS],
    // props
  },
  UDP314: {
    id: 'UDP314',
    severity: Severity.ERROR,
    title: 'tcpNodePort only on a split endpoint',
    why: 'In one Service the TCP and UDP entries of a port share one nodePort (the AWS TCP_UDP listener needs '
      + 'it); tcpNodePort names the TCP Service\'s own nodePort when the endpoint is split.',
    fix: '',
    sources: [S.NODEPORT_ALLOCATOR],
    // props
  },
  UDP401: {
    id: 'UDP401',
    severity: Severity.ERROR,
    title: 'Hostname must be a DNS name',
    why: 'DNS names are at most 253 characters of labels of 1..63 letters, digits and hyphens; ExternalDNS '
      + 'drops an endpoint with a longer label and the DNS provider refuses the rest.',
    fix: '',
    sources: [S.DNS_NAMES],
    // props
  },
  UDP402: {
    id: 'UDP402',
    severity: Severity.ERROR,
    title: 'TTL must be 1..2147483647 seconds',
    why: 'ExternalDNS ignores a TTL outside 1..2147483647 and Route 53 refuses it.',
    fix: '',
    sources: [S.EXTERNALDNS_ANNOTATIONS],
    // props
  },
  UDP403: {
    id: 'UDP403',
    severity: Severity.ERROR,
    title: 'SRV service must be a service name (1..15 letters, digits, hyphens)',
    why: 'The SRV record name is `_service._proto.domain`; clients look up registered service names (RFC '
      + '6335).',
    fix: '',
    sources: [S.RFC6335_SERVICE_NAME],
    // props
  },
  UDP404: {
    id: 'UDP404',
    severity: Severity.ERROR,
    title: 'SRV protocol must be udp or tcp',
    why: 'The SRV record name is `_service._udp.domain` or `_service._tcp.domain`; clients look up nothing '
      + 'else here.',
    fix: '',
    sources: [S.RFC2782],
    // props
  },
  UDP405: {
    id: 'UDP405',
    severity: Severity.ERROR,
    title: 'SRV priority, weight and port must be 0..65535',
    why: 'They are 16-bit fields; ExternalDNS drops an SRV endpoint whose numbers do not parse as uint16.',
    fix: '',
    sources: [S.EXTERNALDNS_ENDPOINT],
    // props
  },
  UDP406: {
    id: 'UDP406',
    severity: Severity.ERROR,
    title: 'SRV record needs a host to point at',
    why: 'An SRV target is `priority weight port host.`: without a hostname there is nothing to publish.',
    fix: '',
    sources: [S.RFC2782],
    // props
  },
  UDP407: {
    id: 'UDP407',
    severity: Severity.ERROR,
    title: 'ExternalDNS hostname or ttl given both as a prop and as an annotation in metadata',
    why: 'Only one can be written: the annotation in metadata wins, and the prop would be silently ignored.',
    fix: '',
    sources: [S.EXTERNALDNS_ANNOTATIONS],
    // props
  },
  UDP408: {
    id: 'UDP408',
    severity: Severity.ERROR,
    title: 'externalDnsPrefix must be ExternalDnsPrefix.BOTH, ALPHA or STABLE',
    why: 'ExternalDNS reads only external-dns.alpha.kubernetes.io/ (up to v0.21) or '
      + 'external-dns.kubernetes.io/ (from v0.22.0): annotations under any other prefix publish nothing.',
    fix: '',
    sources: [S.EXTERNALDNS_ANNOTATIONS],
    // props
  },
  UDP409: {
    id: 'UDP409',
    severity: Severity.ERROR,
    title: 'hostname on a split endpoint whose two Services get two addresses',
    why: 'The TCP and the UDP Service each get their own load balancer and address (AWS): one name cannot '
      + 'point at both, so ExternalDNS publishes one of them and the clients of the other protocol reach the '
      + 'wrong address. Clients find both through SRV records (`dns`), each pointing at a per-protocol '
      + 'hostname.',
    fix: '',
    sources: [S.RFC2782],
    // props
  },
  UDP410: {
    id: 'UDP410',
    severity: Severity.ERROR,
    title: 'dns.port must be a port of the endpoint',
    why: 'The SRV records tell clients which port to connect to: a port the endpoint does not serve sends them '
      + 'nowhere.',
    fix: '',
    sources: [S.RFC2782],
    // props
  },
  UDP411: {
    id: 'UDP411',
    severity: Severity.WARNING,
    title: 'hostname on a ClusterIP Service is published only with --publish-internal-services',
    why: 'ExternalDNS\'s service source skips a (non-headless) ClusterIP Service unless it runs with '
      + '--publish-internal-services, and then publishes the cluster IP, reachable only from inside the '
      + 'cluster.',
    fix: '',
    sources: [S.EXTERNALDNS_SERVICE_SOURCE],
    // props
  },
  UDP430: {
    id: 'UDP430',
    severity: Severity.ERROR,
    title: 'DNSEndpoint SRV target without the trailing dot',
    why: 'Since v0.21.0 ExternalDNS drops an SRV endpoint whose target host does not end with a dot, with only '
      + 'a warning in its log: the record is never published and clients find no server.',
    fix: '',
    sources: [S.EXTERNALDNS_ENDPOINT],
    // object
  },
  UDP431: {
    id: 'UDP431',
    severity: Severity.ERROR,
    title: 'DNSEndpoint SRV target must be "priority weight port host." with numbers 0..65535',
    why: 'ExternalDNS drops an SRV endpoint whose target does not have four fields or whose priority, weight '
      + 'or port does not parse as a 16-bit number; the DNS provider refuses a host that is not a DNS name.',
    fix: '',
    sources: [S.EXTERNALDNS_ENDPOINT],
    // object
  },
  UDP432: {
    id: 'UDP432',
    severity: Severity.ERROR,
    title: 'DNSEndpoint SRV dnsName must be _service._proto.domain',
    why: 'Clients look SRV records up as _service._udp.domain or _service._tcp.domain (RFC 2782): a record '
      + 'under any other name is never found.',
    fix: '',
    sources: [S.RFC2782],
    // object
  },
  UDP433: {
    id: 'UDP433',
    severity: Severity.ERROR,
    title: 'DNSEndpoint dnsName must be a DNS name and recordTTL 1..2147483647 seconds',
    why: 'The DNS provider refuses a name that is not a DNS name (ExternalDNS then retries it forever), and '
      + 'ExternalDNS ignores a TTL outside 1..2147483647 seconds.',
    fix: '',
    sources: [S.DNS_NAMES],
    // object
  },
  UDP434: {
    id: 'UDP434',
    severity: Severity.ERROR,
    title: 'ExternalDNS hostname annotation must list DNS names',
    why: 'ExternalDNS publishes each comma-separated name of `hostname` (and `internal-hostname`); the DNS '
      + 'provider refuses one that is not a DNS name, and the Service stays unreachable by name.',
    fix: '',
    sources: [S.EXTERNALDNS_ANNOTATIONS],
    // object
  },
  UDP435: {
    id: 'UDP435',
    severity: Severity.ERROR,
    title: 'ExternalDNS ttl annotation must be 1..2147483647 seconds',
    why: 'ExternalDNS reads whole seconds or a Go duration (60s, 5m); anything else, or a value outside '
      + '1..2147483647 seconds, is ignored with a log line and the provider\'s default TTL applies.',
    fix: '',
    sources: [S.EXTERNALDNS_ANNOTATIONS],
    // object
  },
  UDP501: {
    id: 'UDP501',
    severity: Severity.ERROR,
    title: 'Health-check protocol must be TCP, HTTP or HTTPS',
    why: 'AWS cannot health-check over UDP: CreateTargetGroup refuses UDP, TCP_UDP and TLS health checks.',
    fix: '',
    sources: [S.CREATE_TARGET_GROUP],
    // props
  },
  UDP502: {
    id: 'UDP502',
    severity: Severity.ERROR,
    title: 'Health-check port must be 1..65535 or \'traffic-port\'',
    why: 'AWS refuses any other health-check port.',
    fix: '',
    sources: [S.CREATE_TARGET_GROUP],
    // props
  },
  UDP503: {
    id: 'UDP503',
    severity: Severity.ERROR,
    title: 'Health-check path only for HTTP and HTTPS, starting with /',
    why: 'A TCP check has no path; AWS refuses a path on it, and a path that does not start with / on HTTP(S).',
    fix: '',
    sources: [S.CDK_NETWORK_TARGET_GROUP],
    // props
  },
  UDP504: {
    id: 'UDP504',
    severity: Severity.ERROR,
    title: 'Health-check interval must be 5..300 seconds',
    why: 'AWS refuses the target group.',
    fix: '',
    sources: [S.CDK_NETWORK_TARGET_GROUP],
    // props
  },
  UDP505: {
    id: 'UDP505',
    severity: Severity.ERROR,
    title: 'Health-check timeout must be 2..120 seconds',
    why: 'AWS refuses the target group.',
    fix: '',
    sources: [S.CDK_NETWORK_TARGET_GROUP],
    // props
  },
  UDP506: {
    id: 'UDP506',
    severity: Severity.ERROR,
    title: 'Health-check thresholds must be 2..10',
    why: 'AWS refuses the target group.',
    fix: '',
    sources: [S.CDK_NETWORK_TARGET_GROUP],
    // props
  },
  UDP507: {
    id: 'UDP507',
    severity: Severity.ERROR,
    title: 'Health-check timeout must not be above the interval',
    why: 'AWS refuses an NLB target group whose timeout is above its interval ("Health check interval must be '
      + 'greater than the timeout"), but accepts the two equal despite that wording: the AWS Load Balancer '
      + 'Controller sends 10 and 10 by default, an HTTP check with interval 6 and the default timeout 6 is '
      + 'created while interval 5 is refused (aws-load-balancer-controller #2951), and aws-cdk checks NLBs '
      + 'for interval >= timeout (#16446, #29075).',
    fix: '',
    sources: [S.NLB_TIMEOUT_EQUAL_INTERVAL],
    // props
  },
  UDP508: {
    id: 'UDP508',
    severity: Severity.ERROR,
    title: 'Health-check success codes only for HTTP and HTTPS, 200..599',
    why: 'An NLB accepts HTTP codes 200-599 as a list ("200,204") or a range ("200-399"), and none for a TCP '
      + 'check.',
    fix: '',
    sources: [S.CREATE_TARGET_GROUP],
    // props
  },
  UDP509: {
    id: 'UDP509',
    severity: Severity.WARNING,
    title: 'A TCP check of the traffic port of a UDP-only target never succeeds',
    why: 'The target listens on UDP only, so a TCP connection to its traffic port is refused: every target '
      + 'stays unhealthy (LBC #1813, #2144). Check a TCP or HTTP health port instead.',
    fix: '',
    sources: [S.UDP_HEALTH_CHECK],
    // props
  },
  UDP520: {
    id: 'UDP520',
    severity: Severity.ERROR,
    title: 'Scheme must be internal or internet-facing',
    why: 'AWS and the AWS Load Balancer Controller know no other scheme.',
    fix: '',
    sources: [S.LBC_ANNOTATIONS],
    // props
  },
  UDP521: {
    id: 'UDP521',
    severity: Severity.ERROR,
    title: 'Elastic IPs only on an internet-facing load balancer',
    why: 'An internal load balancer has private addresses only: AWS refuses an allocation id in its subnet '
      + 'mappings.',
    fix: '',
    sources: [S.SUBNET_MAPPING],
    // props
  },
  UDP522: {
    id: 'UDP522',
    severity: Severity.ERROR,
    title: 'One Elastic IP per subnet',
    why: 'Each subnet mapping takes one allocation id, paired by position: the AWS Load Balancer Controller '
      + 'refuses a count that differs from the number of subnets, and AWS needs the subnets to place the '
      + 'EIPs.',
    fix: '',
    sources: [S.LBC_ANNOTATIONS],
    // props
  },
  UDP523: {
    id: 'UDP523',
    severity: Severity.ERROR,
    title: 'Elastic IP allocation ids look like eipalloc-0123456789abcdef0',
    why: 'An allocation id is not a public IP address nor an association id: AWS refuses anything else.',
    fix: '',
    sources: [S.SUBNET_MAPPING],
    // props
  },
  UDP524: {
    id: 'UDP524',
    severity: Severity.ERROR,
    title: 'Subnets must be subnet ids (subnet-...), at least one',
    why: 'A Network Load Balancer needs at least one subnet, named by its id.',
    fix: '',
    sources: [S.SUBNET_MAPPING],
    // props
  },
  UDP525: {
    id: 'UDP525',
    severity: Severity.ERROR,
    title: 'No subnet or Elastic IP twice',
    why: 'AWS takes one subnet per Availability Zone, and an Elastic IP can be associated only once.',
    fix: '',
    sources: [S.SUBNET_MAPPING],
    // props
  },
  UDP526: {
    id: 'UDP526',
    severity: Severity.ERROR,
    title: 'IP address type must be ipv4 or dualstack',
    why: 'A Network Load Balancer is ipv4 or dualstack; AWS refuses anything else.',
    fix: '',
    sources: [S.LBC_ANNOTATIONS],
    // props
  },
  UDP527: {
    id: 'UDP527',
    severity: Severity.ERROR,
    title: 'Load-balancer switches must be true or false',
    why: 'AWS takes true or false for these settings. Anything else (untyped input such as the string "false", '
      + '"no" or 0) would be read as JavaScript truthiness, not as what it says: deletionProtection: "false" '
      + 'would turn deletion protection on.',
    fix: '',
    sources: [S.LOAD_BALANCER_ATTRIBUTES],
    // props
  },
  UDP530: {
    id: 'UDP530',
    severity: Severity.ERROR,
    title: 'At least one listener',
    why: 'A load balancer without a listener forwards nothing.',
    fix: '',
    sources: [S.NLB_LISTENERS],
    // props
  },
  UDP531: {
    id: 'UDP531',
    severity: Severity.ERROR,
    title: 'Listener and target ports must be 1..65535',
    why: 'AWS refuses the listener or the target group.',
    fix: '',
    sources: [S.NLB_LISTENERS],
    // props
  },
  UDP532: {
    id: 'UDP532',
    severity: Severity.ERROR,
    title: 'Listener protocol must be UDP, TCP or TCP_UDP',
    why: 'This component builds UDP and TCP+UDP load balancers; TLS and QUIC need certificates it does not '
      + 'manage.',
    fix: '',
    sources: [S.NLB_LISTENERS],
    // props
  },
  UDP533: {
    id: 'UDP533',
    severity: Severity.ERROR,
    title: 'No two listeners with the same port and protocol',
    why: 'AWS refuses a second listener on a port (DuplicateListener).',
    fix: '',
    sources: [S.NLB_LISTENERS],
    // props
  },
  UDP534: {
    id: 'UDP534',
    severity: Severity.ERROR,
    title: 'TCP and UDP on one port need one TCP_UDP listener',
    why: 'An NLB takes one listener per port (DuplicateListener): TCP and UDP on the same port are one TCP_UDP '
      + 'listener with a TCP_UDP target group.',
    fix: '',
    sources: [S.NLB_LISTENERS],
    // props
  },
  UDP535: {
    id: 'UDP535',
    severity: Severity.ERROR,
    title: 'A TCP_UDP listener already covers TCP and UDP on its port',
    why: 'An NLB takes one listener per port (DuplicateListener).',
    fix: '',
    sources: [S.NLB_LISTENERS],
    // props
  },
  UDP540: {
    id: 'UDP540',
    severity: Severity.ERROR,
    title: 'Target type must be instance or ip',
    why: 'A Network Load Balancer target group for UDP registers instances or IP addresses.',
    fix: '',
    sources: [S.REGISTER_TARGETS],
    // props
  },
  UDP541: {
    id: 'UDP541',
    severity: Severity.ERROR,
    title: 'Instance ids look like i-0123456789abcdef0',
    why: 'RegisterTargets refuses anything else.',
    fix: '',
    sources: [S.REGISTER_TARGETS],
    // props
  },
  UDP542: {
    id: 'UDP542',
    severity: Severity.ERROR,
    title: 'IP targets must be IPv4 or IPv6 addresses',
    why: 'RegisterTargets refuses anything else.',
    fix: '',
    sources: [S.REGISTER_TARGETS],
    // props
  },
  UDP543: {
    id: 'UDP543',
    severity: Severity.ERROR,
    title: 'IP targets cannot be mixed with instances or Auto Scaling groups',
    why: 'A target group has one target type: instance (instances and Auto Scaling groups) or ip.',
    fix: '',
    sources: [S.REGISTER_TARGETS],
    // props
  },
  UDP544: {
    id: 'UDP544',
    severity: Severity.ERROR,
    title: 'No target twice',
    why: 'A target registered twice is one registration: removing either entry deregisters it.',
    fix: '',
    sources: [S.REGISTER_TARGETS],
    // props
  },
  UDP550: {
    id: 'UDP550',
    severity: Severity.ERROR,
    title: 'Deregistration delay must be 0..3600 seconds',
    why: 'AWS refuses the target-group attribute.',
    fix: '',
    sources: [S.TARGET_GROUP_ATTRIBUTES],
    // props
  },
  UDP551: {
    id: 'UDP551',
    severity: Severity.ERROR,
    title: 'Client IP preservation cannot be disabled for UDP or TCP_UDP',
    why: 'AWS always preserves client addresses for UDP and TCP_UDP target groups and refuses '
      + 'preserve_client_ip.enabled=false (aws-load-balancer-controller #4899).',
    fix: '',
    sources: [S.CLIENT_IP_PRESERVATION],
    // props
  },
  UDP552: {
    id: 'UDP552',
    severity: Severity.ERROR,
    title: 'Target-group switches must be true or false',
    why: 'AWS accepts only "true" or "false" for these attributes.',
    fix: '',
    sources: [S.TARGET_GROUP_ATTRIBUTES],
    // props
  },
  UDP560: {
    id: 'UDP560',
    severity: Severity.ERROR,
    title: 'NLB Elastic IPs only with an internet-facing scheme',
    why: 'An internal NLB has private addresses only, and the controller\'s default scheme is internal: with '
      + '`aws-load-balancer-eip-allocations` and no `aws-load-balancer-scheme: internet-facing` the '
      + 'controller fails to build the load balancer.',
    fix: '',
    sources: [S.LBC_ANNOTATIONS],
    // object
  },
  UDP561: {
    id: 'UDP561',
    severity: Severity.ERROR,
    title: 'NLB Elastic IPs: one allocation id (eipalloc-...) per subnet',
    why: 'The allocations pair with `aws-load-balancer-subnets` by position: the controller refuses a count '
      + 'that differs from the number of subnets, and AWS refuses anything but an allocation id, or one used '
      + 'twice.',
    fix: '',
    sources: [S.LBC_ANNOTATIONS],
    // object
  },
  UDP562: {
    id: 'UDP562',
    severity: Severity.ERROR,
    title: 'NLB health-check protocol must be tcp, http or https (never udp)',
    why: 'AWS cannot health-check over UDP: the controller refuses any other '
      + '`aws-load-balancer-healthcheck-protocol` ("unsupported health check protocol") and the Service gets '
      + 'no load balancer.',
    fix: '',
    sources: [S.LBC_TARGET_GROUP],
    // object
  },
  UDP563: {
    id: 'UDP563',
    severity: Severity.ERROR,
    title: 'NLB health-check annotations within AWS\'s ranges',
    why: 'AWS refuses a target group whose interval is outside 5..300 s, timeout outside 2..120 s or above the '
      + 'interval, thresholds outside 2..10, or whose port, path or success codes are malformed; the '
      + 'controller then builds nothing.',
    fix: '',
    sources: [S.CREATE_TARGET_GROUP],
    // object
  },
  UDP564: {
    id: 'UDP564',
    severity: Severity.WARNING,
    title: 'NLB health check on a port a UDP-only target never answers',
    why: 'With ip targets the controller checks TCP on the traffic port by default: a pod that serves the port '
      + 'over UDP only refuses it, every target stays unhealthy and the NLB fails open, sending traffic to '
      + 'dead pods too (aws-load-balancer-controller #1813, #2144). The same holds for instance targets told '
      + 'to check the traffic port.',
    fix: '',
    sources: [S.UDP_HEALTH_CHECK],
    // object
  },
  UDP565: {
    id: 'UDP565',
    severity: Severity.WARNING,
    title: 'NLB cross-zone load balancing off with externalTrafficPolicy Local',
    why: 'NLB cross-zone load balancing is off by default: each zone\'s NLB address sends only to targets in '
      + 'its zone, and with Local only nodes running a ready pod are healthy, so a zone without one goes '
      + 'silent and clients that resolve to its address time out (seed 003).',
    fix: '',
    sources: [S.CROSS_ZONE],
    // object
  },
  UDP566: {
    id: 'UDP566',
    severity: Severity.ERROR,
    title: 'NLB preserve_client_ip.enabled=false on UDP',
    why: 'AWS always preserves client addresses for UDP and TCP_UDP target groups and refuses '
      + 'preserve_client_ip.enabled=false for them (aws-load-balancer-controller #4899): the target group is '
      + 'not built.',
    fix: '',
    sources: [S.CLIENT_IP_PRESERVATION],
    // object
  },
  UDP567: {
    id: 'UDP567',
    severity: Severity.ERROR,
    title: 'NLB target-group attributes well formed and in range',
    why: 'The controller refuses an attribute annotation that is not key=value pairs, and AWS refuses a '
      + 'deregistration delay outside 0..3600 seconds or a switch that is not true or false.',
    fix: '',
    sources: [S.TARGET_GROUP_ATTRIBUTES],
    // object
  },
  UDP568: {
    id: 'UDP568',
    severity: Severity.ERROR,
    title: 'UDP on a dualstack NLB needs aws-load-balancer-enable-prefix-for-ipv6-source-nat: on',
    why: 'A dualstack NLB forwards UDP only with an IPv6 prefix per subnet for source NAT (controller 2.10 or '
      + 'later): without it AWS refuses the UDP listener. The controller accepts only on or off, and on only '
      + 'for dualstack.',
    fix: '',
    sources: [S.LBC_ANNOTATIONS],
    // object
  },
  UDP569: {
    id: 'UDP569',
    severity: Severity.ERROR,
    title: 'AWS Load Balancer Controller annotations on an in-tree NLB (aws-load-balancer-type: nlb)',
    why: '`aws-load-balancer-type: nlb` selects the legacy in-tree provider, which reads none of the '
      + 'controller\'s annotations: ip targets, the scheme and the attributes are silently ignored (an NLB '
      + 'meant to be internal comes up internet-facing). Use `aws-load-balancer-type: external` for the '
      + 'controller.',
    fix: '',
    sources: [S.AWS_IN_TREE],
    // object
  },
  UDP570: {
    id: 'UDP570',
    severity: Severity.ERROR,
    title: 'A TCP_UDP port on a controller or cluster that cannot build a TCP_UDP listener',
    why: 'The AWS Load Balancer Controller builds TCP_UDP listeners from 2.13 (with the opt-in), the in-tree '
      + 'provider never, and Kubernetes before 1.24 refuses TCP and UDP in one LoadBalancer Service.',
    fix: '',
    sources: [S.LBC_ANNOTATIONS],
    // props
  },
  UDP571: {
    id: 'UDP571',
    severity: Severity.ERROR,
    title: 'ip targets with the in-tree AWS provider',
    why: 'The legacy in-tree provider registers nodes (instance targets) only: ip targets need the AWS Load '
      + 'Balancer Controller.',
    fix: '',
    sources: [S.AWS_IN_TREE],
    // props
  },
  UDP572: {
    id: 'UDP572',
    severity: Severity.ERROR,
    title: 'A setting the in-tree AWS provider does not read',
    why: 'The in-tree provider ignores target-group attributes, load-balancer attributes (deletion '
      + 'protection), dualstack and loadBalancerClass: the setting would be silently lost.',
    fix: '',
    sources: [S.AWS_IN_TREE],
    // props
  },
  UDP573: {
    id: 'UDP573',
    severity: Severity.ERROR,
    title: 'The health-check sidecar needs a cdk8s-plus pod controller',
    why: 'With ip targets the NLB checks each pod: a UDP-only pod answers no TCP or HTTP check unless the '
      + 'sidecar joins it, which needs the cdk8s-plus Deployment, StatefulSet, DaemonSet or Pod as selector.',
    fix: '',
    sources: [S.UDP_HEALTH_CHECK],
    // props
  },
  UDP574: {
    id: 'UDP574',
    severity: Severity.ERROR,
    title: 'The sidecar cannot find the number of a named targetPort',
    why: 'The sidecar probes a port number: a named targetPort must be declared by a container of the '
      + 'workload.',
    fix: '',
    sources: [S.UDP_HEALTH_CHECK],
    // props
  },
  UDP575: {
    id: 'UDP575',
    severity: Severity.ERROR,
    title: 'An NLB port protocol must be UDP or TCP_UDP',
    why: 'NlbUdpLoadBalancer builds a UDP listener per port, or one TCP_UDP listener for TCP and UDP on the '
      + 'same port; any other value (TCP alone, lower case, from untyped input) would be taken for UDP, and '
      + 'TCP on the port lost.',
    fix: '',
    sources: [S.NLB_LISTENERS],
    // props
  },
  UDP576: {
    id: 'UDP576',
    severity: Severity.ERROR,
    title: 'The NLB controller must be NlbController.awsLoadBalancerController() or NlbController.inTree()',
    why: 'The controller decides which annotations the Service gets and which settings are refused: anything '
      + 'else (a string from untyped input, a LoadBalancerProvider) cannot be read, and taking it for the '
      + 'default would build the annotations of an implementation the user did not choose.',
    fix: '',
    sources: [S.LBC_ANNOTATIONS],
    // props
  },
  UDP601: {
    id: 'UDP601',
    severity: Severity.ERROR,
    title: 'The health-check sidecar needs a cdk8s-plus Pod, Deployment, StatefulSet or DaemonSet',
    why: 'The sidecar is a container of the pod that runs the UDP server: it shares its network namespace, '
      + 'reads its sockets and makes it unready. Anything else has no pod to join.',
    fix: '',
    sources: [S.CDK8S_PLUS_WORKLOADS],
    // props
  },
  UDP602: {
    id: 'UDP602',
    severity: Severity.ERROR,
    title: 'The health-check sidecar needs at least one probe',
    why: 'Without a probe the sidecar has nothing to report and would answer "healthy" for a dead server.',
    fix: '',
    sources: [S.PROBES],
    // props
  },
  UDP603: {
    id: 'UDP603',
    severity: Severity.ERROR,
    title: 'A probe port must be a whole number between 1 and 65535',
    why: 'No UDP socket can be bound to or reached on another port, so the probe could never pass.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // props
  },
  UDP604: {
    id: 'UDP604',
    severity: Severity.ERROR,
    title: 'A probe timeout must be whole seconds between 1 and 30',
    why: 'busybox nc -w and nslookup -timeout= take whole seconds; a longer timeout delays every health '
      + 'answer\'s freshness by as much.',
    fix: '',
    sources: [S.BUSYBOX_NC],
    // props
  },
  UDP605: {
    id: 'UDP605',
    severity: Severity.ERROR,
    title: 'An exchange probe must send between 1 and 512 bytes',
    why: 'An empty datagram is never sent by netcat, so no reply can come; a payload over 512 bytes risks '
      + 'fragmentation and costs more than a health probe should.',
    fix: '',
    sources: [S.BUSYBOX_NC],
    // props
  },
  UDP606: {
    id: 'UDP606',
    severity: Severity.ERROR,
    title: 'An exchange probe\'s expected pattern must be one line of 1 to 256 characters',
    why: 'The pattern is matched line by line by busybox grep -E: an empty pattern matches anything, and a '
      + 'newline or NUL cannot be part of a line.',
    fix: '',
    sources: [S.BUSYBOX_NC],
    // props
  },
  UDP607: {
    id: 'UDP607',
    severity: Severity.ERROR,
    title: 'A DNS probe\'s query name must be a DNS name',
    why: 'nslookup refuses other names, so the probe would fail whatever the server does.',
    fix: '',
    sources: [S.DNS_NAMES],
    // props
  },
  UDP608: {
    id: 'UDP608',
    severity: Severity.ERROR,
    title: 'A DNS probe must accept at least one known response code',
    why: 'The probe compares the response code nslookup prints with this list: an unknown name never matches.',
    fix: '',
    sources: [S.BUSYBOX_NSLOOKUP],
    // props
  },
  UDP609: {
    id: 'UDP609',
    severity: Severity.ERROR,
    title: 'A probe host must be an IPv4 or IPv6 address',
    why: 'The sidecar probes its own pod; a name would need a DNS lookup before every probe, which can fail on '
      + 'its own.',
    fix: '',
    sources: [S.BUSYBOX_NC],
    // props
  },
  UDP610: {
    id: 'UDP610',
    severity: Severity.ERROR,
    title: 'The sidecar\'s HTTP and TCP ports must be whole numbers between 1 and 65535',
    why: 'The API server rejects a containerPort outside 1..65535.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // props
  },
  UDP611: {
    id: 'UDP611',
    severity: Severity.ERROR,
    title: 'The sidecar must serve HTTP, TCP or both',
    why: 'Kubernetes and load balancers can only ask over HTTP or TCP: a sidecar that serves neither tells no '
      + 'one.',
    fix: '',
    sources: [S.PROBES],
    // props
  },
  UDP612: {
    id: 'UDP612',
    severity: Severity.ERROR,
    title: 'The sidecar\'s HTTP and TCP ports must differ',
    why: 'Two listeners cannot bind the same TCP port; the second one would never start.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // props
  },
  UDP613: {
    id: 'UDP613',
    severity: Severity.ERROR,
    title: 'The sidecar\'s ports must not be TCP ports of the pod\'s other containers',
    why: 'Containers of a pod share one network namespace: whichever binds the port first wins and the other '
      + 'fails.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // props
  },
  UDP614: {
    id: 'UDP614',
    severity: Severity.ERROR,
    title: 'The probe period must be whole seconds between 1 and 300',
    why: 'The period is both how often the sidecar probes and how long a result is served; readinessProbe '
      + 'periodSeconds takes whole seconds, and past 300 s a dead server stays in rotation for minutes.',
    fix: '',
    sources: [S.PROBES],
    // props
  },
  UDP615: {
    id: 'UDP615',
    severity: Severity.WARNING,
    title: 'A sidecar port below 1024 may not bind as non-root without capabilities',
    why: 'The sidecar runs as non-root with every capability dropped: below '
      + 'net.ipv4.ip_unprivileged_port_start (1024 unless the runtime lowers it) the listener cannot bind and '
      + 'every check fails.',
    fix: '',
    sources: [S.UNPRIVILEGED_PORTS],
    // props
  },
  UDP616: {
    id: 'UDP616',
    severity: Severity.WARNING,
    title: 'A probed port should be declared as a UDP container port of the pod',
    why: 'Not declaring it works, but then the probe watches a port no Service can name, which usually means a '
      + 'typo.',
    fix: '',
    sources: [S.FIND_PORT],
    // props
  },
  UDP617: {
    id: 'UDP617',
    severity: Severity.ERROR,
    title: 'The sidecar\'s image and command must not be empty',
    why: 'The API server rejects a container without an image; an empty command runs the image\'s own '
      + 'entrypoint, not the health check.',
    fix: '',
    sources: [S.SERVICE_VALIDATION],
    // props
  },
  UDP618: {
    id: 'UDP618',
    severity: Severity.ERROR,
    title: 'A DNS probe\'s query type must be one busybox nslookup knows',
    why: 'nslookup exits with a usage error on other types, so the probe would always fail.',
    fix: '',
    sources: [S.BUSYBOX_NSLOOKUP],
    // props
  },
  UDP619: {
    id: 'UDP619',
    severity: Severity.ERROR,
    title: 'The sidecar\'s container name must be a DNS-1123 label not used by another container of the pod',
    why: 'The API server rejects a pod with an invalid or duplicate container name.',
    fix: '',
    sources: [S.NAME_VALIDATION],
    // props
  },
} as const satisfies Record<string, RuleInfo>;

/** Every rule of the catalog by id: `RULES.UDP101`. */
export const RULES: { readonly [Id in keyof typeof TABLE]: RuleInfo } = TABLE;

/** The id of a rule of the catalog. */
export type RuleId = keyof typeof TABLE;

/**
 * Every rule of the library, in id order: the rules over Kubernetes objects that the constructs and the linter run,
 * and the checks of construct props and Pulumi arguments.
 */
export const RULE_CATALOG: readonly RuleInfo[] = Object.values(RULES).sort(byRuleId);

const byId = new Map(RULE_CATALOG.map((rule) => [rule.id, rule]));

/** The rule with `id` (any case), or `undefined`: the one lookup of the library. */
export function catalogEntry(id: string): RuleInfo | undefined {
  return byId.get(id.toUpperCase());
}

/**
 * Where the rules are documented: docs/rules.md of the published package, a section per rule.
 */
export const RULES_DOC_URL = 'https://unpkg.com/k8s-udp-constructs/docs/rules.md';

/** The section of docs/rules.md about rule `id`: `…/docs/rules.md#udp101`. */
export function ruleDocUrl(id: string): string {
  return `${RULES_DOC_URL}#${id.toLowerCase()}`;
}
