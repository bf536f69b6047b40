import { GraphBuilder } from '../../src/diagram/graph';

test('ids are made of the parts, lower case, and unique in order of creation', () => {
  const g = new GraphBuilder();
  expect([
    g.id('svc', 'kube-system', 'CoreDNS'),
    g.id('svc', 'kube-system', 'coredns'),
    g.id('svc', undefined, 'kube-system_coredns'),
    g.id('svc', 'kube-system', 'coredns_2'),
    g.id('dns', '_kerberos._udp.example.com.'),
    g.id('svc', '', '(unnamed)'),
    g.id('svc'),
  ]).toEqual([
    'svc_kube_system_coredns',
    'svc_kube_system_coredns_2',
    'svc_kube_system_coredns_3',
    'svc_kube_system_coredns_2_2',
    'dns_kerberos_udp_example_com',
    'svc_unnamed',
    'svc',
  ]);
});
