import { Construct } from 'constructs';
import { ProtocolServicePort, ServiceBase, ServiceOptions } from '../k8s/service-base';

/**
 * The ClusterIP Service behind a `GatewayEndpoint`'s routes: its UDP (and TCP) entries select the workload, which is
 * made right for UDP as behind any Service of the library (UDP container ports declared, the rules run).
 */
export class GatewayBackendService extends ServiceBase {
  constructor(scope: Construct, id: string, options: ServiceOptions) {
    // a Service without ports is the endpoint's to report (UDP710, under its own prop name)
    super(scope, id, options, { disabledRules: ['UDP117'] });
  }

  /** Adds one port entry. */
  public addEntry(port: ProtocolServicePort): void {
    this.addProtocolPort(port);
  }
}
