import { ReferenceRevisions1764300000500 } from '../migrations/1764300000500-reference-revisions';
import { AgencyContacts1764300000600 } from '../migrations/1764300000600-agency-contacts';
import { SlaConsultationHours1764300000700 } from '../migrations/1764300000700-sla-consultation-hours';
import { UserSubject1764300000800 } from '../migrations/1764300000800-user-subject';
import { ReferenceRepository } from '../reference/reference.repository';
import { ReferenceAdminService } from '../reference/reference-admin.service';
import { ReferenceNatsController } from '../reference/reference.nats-controller';
import { Inject, Injectable, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RpcSubjects } from '@phoi-hop/contracts';
import { auditTrailController, outboxRelayProviders, serviceInfrastructure } from '@phoi-hop/messaging';
import { AgencyEntity } from '../agency/agency.entity';
import { ApiKeyEntity } from '../api-key/api-key.entity';
import { ApiKeyNatsController } from '../api-key/api-key.nats-controller';
import { ApiKeyRepository } from '../api-key/api-key.repository';
import { ApiKeyService } from '../api-key/api-key.service';
import { AgencyNatsController } from '../agency/agency.nats-controller';
import { AgencyRepository } from '../agency/agency.repository';
import { AgencyService } from '../agency/agency.service';
import type { DirectoryConfig } from '../config/directory.config';
import { DirectoryInitial1764300000100 } from '../migrations/1764300000100-directory-initial';
import { FocalPoints1764300000200 } from '../migrations/1764300000200-focal-points';
import { SlaPolicy1764300000300 } from '../migrations/1764300000300-sla-policy';
import { Identity1764300000400 } from '../migrations/1764300000400-identity';
import { FocalPointEntity } from '../focal-point/focal-point.entity';
import { FocalPointNatsController } from '../focal-point/focal-point.nats-controller';
import { FocalPointService } from '../focal-point/focal-point.service';
import { ProvisionNatsController, ProvisionService } from '../reference/provision.nats-controller';
import { CategoryEntity, LocalityEntity, ProvinceEntity, SectorEntity } from '../reference/reference.entities';
import { ResponsibilityRuleEntity } from '../routing/responsibility-rule.entity';
import { RoutingNatsController } from '../routing/routing.nats-controller';
import { RoutingService } from '../routing/routing.service';
import { loadSeedFolder } from '../seed/seed-loader';
import { loadSeed } from '../seed/seed.service';
import { UserAdminService } from '../user/user-admin.service';
import { LINKED_ISSUER, directoryUserLookup, linkedIssuerOf } from '../user/user-identity';
import { UserEntity } from '../user/user.entity';
import { UserNatsController } from '../user/user.nats-controller';
import { UserRepository } from '../user/user.repository';
import { UserService } from '../user/user.service';
import { IdempotencyKeys1764300003000 } from '../migrations/1764300003000-idempotency-keys';
import { PressRulesAndHolidays1764300004410 } from '../migrations/1764300004410-press-rules-and-holidays';
import { PressReferenceKinds1764300005200 } from '../migrations/1764300005200-press-reference-kinds';

const DIRECTORY_CONFIG = Symbol('DIRECTORY_CONFIG');

/** The directory's tables, oldest migration first (the outbox, inbox and audit tables come before them). */
export const DIRECTORY_MIGRATIONS = [
  DirectoryInitial1764300000100,
  FocalPoints1764300000200,
  SlaPolicy1764300000300,
  Identity1764300000400,
  ReferenceRevisions1764300000500,
  AgencyContacts1764300000600,
  SlaConsultationHours1764300000700,
  UserSubject1764300000800,
  IdempotencyKeys1764300003000,
  PressRulesAndHolidays1764300004410,
  PressReferenceKinds1764300005200,
];
export const DIRECTORY_ENTITIES = [
  AgencyEntity,
  ApiKeyEntity,
  CategoryEntity,
  FocalPointEntity,
  LocalityEntity,
  ProvinceEntity,
  ResponsibilityRuleEntity,
  SectorEntity,
  UserEntity,
];

@Injectable()
class SeedOnBoot implements OnModuleInit {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(DIRECTORY_CONFIG) private readonly config: DirectoryConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.seedDir) return;
    const result = await loadSeed(this.dataSource, loadSeedFolder(this.config.seedDir));
    this.logger.log(`Seed ${this.config.seedDir}: inserted ${JSON.stringify(result.inserted)}`);
  }
}

export interface DirectoryModuleDeps {
  /** The `pg` module (tests pass an instrumented one). */
  pgDriver?: unknown;
}

@Module({})
export class DirectoryModule {
  static forRoot(config: DirectoryConfig, deps: DirectoryModuleDeps = {}): DynamicModule {
    return {
      module: DirectoryModule,
      imports: serviceInfrastructure(config, {
        entities: DIRECTORY_ENTITIES,
        migrations: DIRECTORY_MIGRATIONS,
        pgDriver: deps.pgDriver,
        // The directory answers "who is this caller" from its own table.
        actorLookup: { inject: [DataSource], useFactory: (dataSource: DataSource) => directoryUserLookup(dataSource) },
      }),
      controllers: [
        AgencyNatsController,
        ApiKeyNatsController,
        auditTrailController(RpcSubjects.directory.auditTrail),
        FocalPointNatsController,
        ProvisionNatsController,
        ReferenceNatsController,
        RoutingNatsController,
        UserNatsController,
      ],
      providers: [
        { provide: DIRECTORY_CONFIG, useValue: config },
        { provide: LINKED_ISSUER, useValue: linkedIssuerOf(config.auth) },
        AgencyRepository,
        AgencyService,
        ApiKeyRepository,
        ApiKeyService,
        FocalPointService,
        ProvisionService,
        ReferenceAdminService,
        ReferenceRepository,
        RoutingService,
        SeedOnBoot,
        UserAdminService,
        UserRepository,
        UserService,
        ...outboxRelayProviders(),
      ],
    };
  }
}
