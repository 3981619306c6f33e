import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { EventSubjects, NoticeSubjects } from '@phoi-hop/contracts';

/**
 * Calls `onChange` when the directory's reference data changes (an administrator's edit or a
 * reorganisation), so that caches of it are dropped at once rather than when they expire: on the
 * directory's notice, sent right after the change committed and before its caller is answered,
 * and on the events themselves (core NATS: every JetStream publish is also a plain message on its
 * subject). Best effort by design: a missed message costs at most the cache's own lifetime.
 */
export function onDirectoryChanged(connection: NatsConnection, subjectPrefix: string, onChange: () => void): Subscription[] {
  return [NoticeSubjects.directoryChanged, EventSubjects.directory.referenceChanged, EventSubjects.directory.agenciesReorganized].map((subject) =>
    connection.subscribe(`${subjectPrefix}${subject}`, {
      callback: (error) => {
        if (!error) onChange();
      },
    }),
  );
}

/**
 * Tells every cache of directory data, at once, that it changed: call after the change committed
 * and before answering its caller. Its outbox event follows and says the same, durably.
 */
export function announceDirectoryChange(connection: NatsConnection, subjectPrefix: string): void {
  connection.publish(`${subjectPrefix}${NoticeSubjects.directoryChanged}`);
}
