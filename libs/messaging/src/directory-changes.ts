import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { EventSubjects } from '@phoi-hop/contracts';

/**
 * Calls `onChange` when the directory's reference data changes (an administrator's edit or a
 * reorganisation), so that caches of it are dropped at once rather than when they expire. Core
 * NATS: every JetStream publish is also a plain message on its subject. Best effort by design: a
 * missed message costs at most the cache's own lifetime.
 */
export function onDirectoryChanged(connection: NatsConnection, subjectPrefix: string, onChange: () => void): Subscription[] {
  return [EventSubjects.directory.referenceChanged, EventSubjects.directory.agenciesReorganized].map((subject) =>
    connection.subscribe(`${subjectPrefix}${subject}`, {
      callback: (error) => {
        if (!error) onChange();
      },
    }),
  );
}
