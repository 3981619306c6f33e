import { Inject, Injectable } from '@nestjs/common';
import { RpcSubjects, provinceDay, type ReferenceDataDto, type SubmitReportRequest, type SubmitReportResponse } from '@phoi-hop/contracts';
import type { ServiceCredential } from '@phoi-hop/auth';
import { RpcClient } from '@phoi-hop/messaging';
import { localityMatchName, type DigestTerm } from './digest.rules';

/** The reporting service's own credential (it asks the directory for localities as itself). */
export const DIGEST_SERVICE_CREDENTIAL = Symbol('DIGEST_SERVICE_CREDENTIAL');

/** The province's localities, as terms the digest matches (their names, from the directory's reference data). */
export abstract class LocalityTerms {
  abstract terms(): Promise<DigestTerm[]>;
}

/** Intake as the digest reaches it: one report per digest item. */
export abstract class DigestIntake {
  abstract submitReport(request: SubmitReportRequest): Promise<{ caseId: string; reportId: string }>;
}

/** How long the localities' names are reused before the directory is asked again (they change with a reorganisation). */
const LOCALITIES_MAX_AGE_MS = 10 * 60_000;

/**
 * The localities in force today, asked of the directory (`directory.reference.data`) as the
 * reporting service itself, because the feed poller runs for nobody; kept ten minutes.
 */
@Injectable()
export class DirectoryLocalityTerms extends LocalityTerms {
  private copy: { day: string; loadedAt: number; terms: DigestTerm[] } | null = null;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(DIGEST_SERVICE_CREDENTIAL) private readonly credential: ServiceCredential,
  ) {
    super();
  }

  async terms(): Promise<DigestTerm[]> {
    const day = provinceDay();
    if (this.copy && this.copy.day === day && Date.now() - this.copy.loadedAt < LOCALITIES_MAX_AGE_MS) return this.copy.terms;
    const data = await this.rpc.request<ReferenceDataDto>(RpcSubjects.directory.referenceData, {}, { token: await this.credential.token() });
    const terms = data.localities.map((l): DigestTerm => ({ kind: 'LOCALITY', term: localityMatchName(l.name), localityCode: l.code }));
    this.copy = { day, loadedAt: Date.now(), terms };
    return terms;
  }
}

/** Intake over NATS, with the token of the coordinator who asked (the report is their agency's). */
@Injectable()
export class NatsDigestIntake extends DigestIntake {
  constructor(private readonly rpc: RpcClient) {
    super();
  }

  async submitReport(request: SubmitReportRequest): Promise<{ caseId: string; reportId: string }> {
    const answer = await this.rpc.request<SubmitReportResponse>(RpcSubjects.intake.reportSubmit, request);
    return { caseId: answer.case.id, reportId: answer.report.id };
  }
}
