/** What `npm start` runs, in order (the gateway last, once the services it calls are ready). */
export interface ServiceSpec {
  name: string;
  /** Compiled entry, relative to the repository root. */
  entry: string;
  port: number;
}

export const SERVICES: ServiceSpec[] = [
  { name: 'directory', entry: 'dist/apps/directory/src/main.js', port: 3102 },
  { name: 'intake', entry: 'dist/apps/intake/src/main.js', port: 3101 },
  { name: 'consultation', entry: 'dist/apps/consultation/src/main.js', port: 3103 },
  { name: 'notification', entry: 'dist/apps/notification/src/main.js', port: 3104 },
  { name: 'evidence', entry: 'dist/apps/evidence/src/main.js', port: 3105 },
  { name: 'press', entry: 'dist/apps/press/src/main.js', port: 3106 },
  { name: 'reporting', entry: 'dist/apps/reporting/src/main.js', port: 3107 },
  { name: 'gateway', entry: 'dist/apps/gateway/src/main.js', port: 3000 },
];

/** At most this many replicas of each service on one machine (ports below stay distinct). */
export const MAX_REPLICAS = 9;

/** One process of a service: replica 1 is the service as `npm start` runs it alone. */
export interface ReplicaSpec extends ServiceSpec {
  /** 1, 2, …; all replicas of a service share its schema and its NATS queue groups. */
  replica: number;
  /** `intake` alone; `intake#2` among replicas. */
  label: string;
}

/**
 * The processes of `replicas` replicas of every service, grouped by service in start order.
 * Replica k listens on the service's port + 100·(k−1): the gateway on 3000, 3100, 3200…, intake on
 * 3101, 3201, 3301…, so no two share a port and replica 1 keeps the usual ones.
 */
export function replicaPlan(services: ServiceSpec[], replicas: number): ReplicaSpec[][] {
  if (!Number.isInteger(replicas) || replicas < 1 || replicas > MAX_REPLICAS) throw new RangeError(`replicas must be an integer from 1 to ${MAX_REPLICAS}`);
  return services.map((spec) =>
    Array.from({ length: replicas }, (_, i) => ({
      ...spec,
      port: spec.port + 100 * i,
      replica: i + 1,
      label: replicas === 1 ? spec.name : `${spec.name}#${i + 1}`,
    })),
  );
}
