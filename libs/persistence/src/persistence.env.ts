import { num, str, url } from 'envalid';

/** Environment settings every service with a database shares (validated at boot by envalid). */
export function persistenceEnv(defaultSchema: string) {
  return {
    DATABASE_URL: url({ desc: 'PostgreSQL connection URL', example: 'postgres://postgres@127.0.0.1:5432/phoi_hop' }),
    DB_SCHEMA: str({ default: defaultSchema, desc: "The service's own schema" }),
    DB_POOL_SIZE: num({ default: 10, desc: 'Connections in the pool' }),
  };
}
