import type { Provider } from '@nestjs/common';
import { ServiceCredential } from '@phoi-hop/auth';
import { DigestDocuments } from './digest-documents.service';
import { DigestFeedPoller } from './digest-feed.poller';
import { DigestLinks } from './digest-links';
import { DIGEST_SERVICE_CREDENTIAL, DigestIntake, DirectoryLocalityTerms, LocalityTerms, NatsDigestIntake } from './digest.ports';
import { DigestRepository } from './digest.repository';
import { DigestService } from './digest.service';
import { DIGEST_SETTINGS, type DigestSettings } from './digest.settings';

export { DigestHttpController } from './digest.http-controller';
export { DigestNatsController } from './digest.nats-controller';

/** The daily media digest's providers: feeds, polling, matching, the .docx and its downloads, items into reports. */
export function digestProviders(settings: DigestSettings, serviceName: string): Provider[] {
  return [
    { provide: DIGEST_SETTINGS, useValue: settings },
    { provide: DIGEST_SERVICE_CREDENTIAL, useValue: new ServiceCredential(settings.linkSecret, serviceName) },
    { provide: LocalityTerms, useClass: DirectoryLocalityTerms },
    { provide: DigestIntake, useClass: NatsDigestIntake },
    DigestDocuments,
    DigestFeedPoller,
    DigestLinks,
    DigestRepository,
    DigestService,
  ];
}
