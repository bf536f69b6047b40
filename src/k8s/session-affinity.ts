import { Duration } from 'cdk8s';

/**
 * Whether datagrams of one client keep going to the same pod.
 *
 * Stateful UDP protocols (SIP dialogs, game sessions, QUIC without connection IDs the load balancer understands)
 * need `clientIp()`: kube-proxy then pins a client address to one endpoint for the timeout.
 */
export class SessionAffinity {
  /** No affinity: every new flow may reach another pod (the Kubernetes default). */
  public static none(): SessionAffinity {
    return new SessionAffinity('None', undefined);
  }

  /**
   * Pin each client IP to one pod.
   *
   * @param timeout how long the pin lasts after the client's last packet, 1 second to 1 day.
   * @default Duration.hours(3) (the Kubernetes default, 10800 s)
   */
  public static clientIp(timeout?: Duration): SessionAffinity {
    return new SessionAffinity('ClientIP', timeout);
  }

  private constructor(
    /** `None` or `ClientIP`. */
    public readonly mode: 'None' | 'ClientIP',
    /** The ClientIP timeout, when one was given. */
    public readonly timeout: Duration | undefined,
  ) {}

  /** The `sessionAffinityConfig.clientIP.timeoutSeconds` this affinity sets, if any. */
  public get timeoutSeconds(): number | undefined {
    return this.timeout?.toSeconds();
  }
}
