import { randomUUID } from 'node:crypto';
import { EventSubjects, type CaseOpenedEvent, type EventEnvelope, type ReportAttachedEvent } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createEvidenceTestbed, type EvidenceTestbed } from '../app/evidence.medium-testbed';
import { PublicSourceService } from './public-source.service';
import { ReportSourcesHandler } from './report-sources.handler';

describe(PublicSourceService.name, () => {
  let bed: EvidenceTestbed;
  let sut: PublicSourceService;
  const lead = actorOf(SeededUsers.stttLead);
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const syt = actorOf(SeededUsers.sytOfficer);

  /** Intake's event of a report of `url` attached to the case, as the evidence service consumes it. */
  const reported = (caseId: string, url: string, visibleTo: string[]) =>
    bed.dataSource.transaction((manager) =>
      bed.get(ReportSourcesHandler).handle(
        {
          id: randomUUID(),
          type: EventSubjects.intake.reportAttached,
          occurredAt: new Date().toISOString(),
          aggregateId: caseId,
          visibleTo,
          data: { caseId, report: { url, submittedAt: new Date().toISOString() } } as unknown as ReportAttachedEvent,
        } satisfies EventEnvelope<ReportAttachedEvent | CaseOpenedEvent>,
        manager,
      ),
    );

  beforeAll(async () => {
    bed = await createEvidenceTestbed();
    sut = bed.get(PublicSourceService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('forCase', () => {
    it('shows the public source of a case’s reports with the other cases showing it that the viewer may see', async () => {
      const handle = `trang-gia-mao-${randomUUID().slice(0, 8)}`;
      const caseA = bed.addCase();
      const caseB = bed.addCase();
      await reported(caseA, `https://www.facebook.com/${handle}/posts/1`, ['UBND_LE_THUY', 'STTTT', 'CA']);
      await reported(caseB, `https://m.facebook.com/${handle}/posts/2`, ['UBND_DONG_HOI', 'STTTT']);
      const [source] = await sut.forCase(lead, caseA);
      expect(source).toMatchObject({ platform: 'FACEBOOK', kind: 'PAGE', handle, caseIds: [caseA, caseB] });
      expect((await sut.forCase(lethuy, caseA))[0]!.caseIds).toEqual([caseA]);
      bed.hideCase(caseA);
      await expect(sut.forCase(syt, caseA)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
    });
  });

  describe('edit', () => {
    it('corrects the kind and records the public display name, audited with before and after', async () => {
      const caseId = bed.addCase();
      await reported(caseId, `https://www.facebook.com/nhom-${randomUUID().slice(0, 8)}`, ['UBND_LE_THUY', 'STTTT']);
      const [source] = await sut.forCase(lead, caseId);
      const edited = await sut.edit(lead, { sourceId: source!.id, kind: 'GROUP', displayName: 'Chợ Quảng Bình' });
      expect(edited).toMatchObject({ kind: 'GROUP', displayName: 'Chợ Quảng Bình' });
      expect((await bed.audit(source!.id)).map((a) => a.summary)).toEqual([
        { before: { kind: 'PAGE', displayName: null }, after: { kind: 'GROUP', displayName: 'Chợ Quảng Bình' } },
      ]);
      await expect(sut.edit(lead, { sourceId: source!.id, displayName: '  ' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'displayName' });
      await expect(sut.edit(syt, { sourceId: source!.id, displayName: 'Khác' })).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'sourceId' });
    });
  });
});
