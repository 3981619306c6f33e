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
  { name: 'gateway', entry: 'dist/apps/gateway/src/main.js', port: 3000 },
];
