/**
 * A transport protocol of a Service port or a container port.
 *
 * The Kubernetes API defaults an omitted protocol to TCP, so a UDP port must always say UDP.
 */
export enum Protocol {
  /** Transmission Control Protocol. */
  TCP = 'TCP',
  /** User Datagram Protocol. */
  UDP = 'UDP',
  /** Stream Control Transmission Protocol. */
  SCTP = 'SCTP',
}

/** The protocols a core/v1 Service or container port accepts. */
export const SERVICE_PROTOCOLS: readonly string[] = [Protocol.TCP, Protocol.UDP, Protocol.SCTP];
