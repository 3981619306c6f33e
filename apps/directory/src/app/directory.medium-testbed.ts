import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import type { ActorResolver } from '@phoi-hop/auth';
import { ACTOR_RESOLVER, MESSAGING_OPTIONS, NATS_CONNECTION, OutboxRelay } from '@phoi-hop/messaging';
import { InMemoryNoticeBus, RecordingOutboxRelay, createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { AgencyRepository } from '../agency/agency.repository';
import { AgencyService } from '../agency/agency.service';
import { ApiKeyRepository } from '../api-key/api-key.repository';
import { ApiKeyService } from '../api-key/api-key.service';
import { FocalPointService } from '../focal-point/focal-point.service';
import { ProvisionService } from '../reference/provision.nats-controller';
import { ReferenceAdminService } from '../reference/reference-admin.service';
import { ReferenceRepository } from '../reference/reference.repository';
import { RoutingService } from '../routing/routing.service';
import { defaultSeedDir, loadSeedFolder } from '../seed/seed-loader';
import { loadSeed } from '../seed/seed.service';
import { UserAdminService } from '../user/user-admin.service';
import { LINKED_ISSUER } from '../user/user-identity';
import { UserRepository } from '../user/user.repository';
import { UserService } from '../user/user.service';
import { DIRECTORY_ENTITIES, DIRECTORY_MIGRATIONS } from './directory.module';

/** Stands for the callers' cache of directory users: records whom the directory told it to forget. */
export class RecordingActorResolver implements ActorResolver {
  readonly forgotten: Array<string | undefined> = [];

  resolve(): never {
    throw new Error('Callers are not verified in a medium test: pass the actor to the service');
  }

  forget(username?: string): void {
    this.forgotten.push(username);
  }
}

/**
 * The directory's services as its module wires them, over a fresh directory schema of the real
 * Postgres seeded with Quảng Bình, with the change notices between caches kept in process and the
 * outbox relay recorded rather than run: no NATS, no gateway.
 */
export interface DirectoryTestbed extends ServiceTestbed {
  module: TestingModule;
  relay: RecordingOutboxRelay;
  notices: InMemoryNoticeBus;
  actors: RecordingActorResolver;
  get<T>(type: new (...args: never[]) => T): T;
}

export async function createDirectoryTestbed(): Promise<DirectoryTestbed> {
  const bed = await createServiceTestbed({ service: 'directory', entities: DIRECTORY_ENTITIES, migrations: DIRECTORY_MIGRATIONS });
  await loadSeed(bed.dataSource, loadSeedFolder(defaultSeedDir()));
  const relay = new RecordingOutboxRelay();
  const notices = new InMemoryNoticeBus();
  const actors = new RecordingActorResolver();
  const module = await Test.createTestingModule({
    providers: [
      { provide: DataSource, useValue: bed.dataSource },
      { provide: OutboxRelay, useValue: relay },
      { provide: NATS_CONNECTION, useValue: notices },
      { provide: MESSAGING_OPTIONS, useValue: { subjectPrefix: '', serviceName: 'directory' } },
      { provide: ACTOR_RESOLVER, useValue: actors },
      { provide: LINKED_ISSUER, useValue: 'phoi-hop-dev' },
      AgencyRepository,
      AgencyService,
      ApiKeyRepository,
      ApiKeyService,
      FocalPointService,
      ProvisionService,
      ReferenceAdminService,
      ReferenceRepository,
      RoutingService,
      UserAdminService,
      UserRepository,
      UserService,
    ],
  }).compile();
  return {
    ...bed,
    module,
    relay,
    notices,
    actors,
    get: (type) => module.get(type),
    async cleanup() {
      await module.close();
      await bed.cleanup();
    },
  };
}
