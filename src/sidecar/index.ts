/**
 * The UDP health-check sidecar: its program (a busybox shell script), the construct that adds it to a pod, and the
 * rules (UDP601-UDP619) that check its props.
 */
export * from './probe';
export * from './script';
export * from './health-check';
