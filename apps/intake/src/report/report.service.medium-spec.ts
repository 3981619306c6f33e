import { EventSubjects, RpcSubjects } from '@phoi-hop/contracts';
import { FLOOD_RUMOUR, FLOOD_RUMOUR_EDITED, FLOOD_RUMOUR_PARTIAL, SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createIntakeTestbed, distinctExcerpt, type IntakeTestbed } from '../app/intake.medium-testbed';
import { CaseService } from '../case/case.service';
import { ReportService } from './report.service';

describe(ReportService.name, () => {
  let bed: IntakeTestbed;
  let sut: ReportService;
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const donghoi = actorOf(SeededUsers.donghoiOfficer);
  let seq = 0;
  const uniqueUrl = () => `https://www.facebook.com/groups/lethuy/posts/${bed.schema}-${++seq}`;

  beforeAll(async () => {
    bed = await createIntakeTestbed();
    sut = bed.get(ReportService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('submit', () => {
    it('opens a case routed by the seeded rules (Đ6), with its event and audit entry in the schema', async () => {
      const kicks = bed.relay.kicks;
      const result = await sut.submit(lethuy, { url: uniqueUrl(), excerpt: distinctExcerpt(), categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });

      expect(result.merged).toBe(false);
      expect(result.case).toMatchObject({
        status: 'OPEN',
        categoryCode: 'FALSE_INFO_PANIC',
        localityCode: 'LE_THUY',
        reporterAgencyCode: 'UBND_LE_THUY',
        referenceVersion: 0,
      });
      expect(result.case.number).toMatch(new RegExp(`^QB-${new Date().getUTCFullYear()}-\\d{6}$`));
      const participants = Object.fromEntries(result.case.participants.map((p) => [p.agencyCode, p.role]));
      expect(participants).toMatchObject({ STTTT: 'LEAD', CA: 'PARTICIPANT', UBND_LE_THUY: 'PARTICIPANT' });
      expect(result.case.deadlines.map((d) => d.kind)).toEqual(['TRIAGE']);

      const events = await bed.outbox(result.case.id);
      expect(events.map((e) => e.subject)).toEqual([EventSubjects.intake.caseOpened]);
      expect(events[0]!.visibleTo).toEqual(expect.arrayContaining(['STTTT', 'CA', 'UBND_LE_THUY']));
      const audit = await bed.audit(result.case.id);
      expect(audit).toEqual([expect.objectContaining({ actorAgency: 'UBND_LE_THUY', targetType: 'case' })]);
      expect(bed.relay.kicks).toBe(kicks + 1);
    });

    it('joins the open case about the same link, whoever reports it', async () => {
      const url = uniqueUrl();
      const excerpt = distinctExcerpt();
      const first = await sut.submit(lethuy, { url, excerpt, categoryCode: 'IMPERSONATION_SCAM' });
      // The same post with tracking parameters and another scheme is the same content.
      const second = await sut.submit(donghoi, { url: `${url.replace('https://', 'http://')}?fbclid=abc123`, excerpt, categoryCode: 'IMPERSONATION_SCAM' });

      expect(second.merged).toBe(true);
      expect(second.case.id).toBe(first.case.id);
      // Need to know: an agency that only reported the case is shown its own reports.
      expect(second.case.reports.map((r) => r.reporterAgencyCode)).toEqual(['UBND_DONG_HOI']);
      const asLead = await bed.get(CaseService).get(actorOf(SeededUsers.stttLead), { id: first.case.id });
      expect(asLead.reports.map((r) => r.reporterAgencyCode).sort()).toEqual(['UBND_DONG_HOI', 'UBND_LE_THUY']);
      expect((await bed.outbox(first.case.id)).map((e) => e.subject)).toEqual([EventSubjects.intake.caseOpened, EventSubjects.intake.reportAttached]);
    });

    it('joins a near-duplicate text on another link, and only suggests a weaker match', async () => {
      const original = await sut.submit(lethuy, { url: uniqueUrl(), excerpt: FLOOD_RUMOUR, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      const edited = await sut.submit(donghoi, { url: uniqueUrl(), excerpt: FLOOD_RUMOUR_EDITED, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      expect(edited.merged).toBe(true);
      expect(edited.report.caseId).toBe(original.case.id);
      expect(edited.case.reports.find((r) => r.id === edited.report.id)).toBeDefined();

      const partial = await sut.submit(donghoi, { url: uniqueUrl(), excerpt: FLOOD_RUMOUR_PARTIAL, categoryCode: 'FALSE_INFO_PANIC', localityCode: 'LE_THUY' });
      expect(partial.merged).toBe(false);
      expect(partial.case.id).not.toBe(original.case.id);
      expect(partial.case.possibleDuplicates.map((d) => d.caseId)).toContain(original.case.id);
    });

    it('writes submissions that arrive together as if one by one: one opens the case, the others join it', async () => {
      const url = uniqueUrl();
      const excerpt = distinctExcerpt();
      const results = await Promise.all(Array.from({ length: 5 }, () => sut.submit(lethuy, { url, excerpt, categoryCode: 'IMPERSONATION_SCAM' })));
      expect(new Set(results.map((r) => r.case.id)).size).toBe(1);
      // One of them opened the case (whichever was routed first), the others joined it.
      expect(results.map((r) => r.merged).sort()).toEqual([false, true, true, true, true]);
      const [{ n }] = await bed.dataSource.query(`SELECT count(*)::int AS n FROM report WHERE case_id = $1`, [results[0]!.case.id]);
      expect(n).toBe(5);
    });

    it.each([
      [{ url: 'javascript:alert(1)' }, 'url'],
      [{ categoryCode: 'NO_SUCH_CATEGORY' }, 'categoryCode'],
      [{ localityCode: 'ATLANTIS' }, 'localityCode'],
      [{ observedAt: 'hôm qua' }, 'observedAt'],
      [{ observedAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }, 'observedAt'],
    ])('refuses %j as BAD_USER_INPUT on its field and writes nothing', async (change, field) => {
      const [{ n: before }] = await bed.dataSource.query(`SELECT count(*)::int AS n FROM report`);
      await expect(sut.submit(lethuy, { url: uniqueUrl(), excerpt: distinctExcerpt(), categoryCode: 'IMPERSONATION_SCAM', ...change })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
      const [{ n: after }] = await bed.dataSource.query(`SELECT count(*)::int AS n FROM report`);
      expect(after).toBe(before);
    });

    it('records AGENCY when no channel is given, stored, shown and carried in the case.opened event', async () => {
      const result = await sut.submit(lethuy, { url: uniqueUrl(), excerpt: distinctExcerpt(), categoryCode: 'IMPERSONATION_SCAM' });
      expect(result.report.channel).toBe('AGENCY');
      const [row] = await bed.dataSource.query(`SELECT channel FROM report WHERE id = $1`, [result.report.id]);
      expect(row.channel).toBe('AGENCY');
      const [opened] = await bed.outbox(result.case.id);
      expect((opened!.data as unknown as { case: { reports: { channel: string }[] } }).case.reports.map((r) => r.channel)).toEqual(['AGENCY']);
    });

    it('lets an agency enter a tip it took in, and the lead agency’s coordinator report from media monitoring, in the report.attached event too', async () => {
      const url = uniqueUrl();
      const excerpt = distinctExcerpt();
      const tip = await sut.submit(lethuy, { url, excerpt, categoryCode: 'IMPERSONATION_SCAM', channel: 'PUBLIC_TIP' });
      expect(tip.report.channel).toBe('PUBLIC_TIP');
      const monitored = await sut.submit(actorOf(SeededUsers.stttLead), { url, excerpt, categoryCode: 'IMPERSONATION_SCAM', channel: 'MEDIA_MONITORING' });
      expect(monitored).toMatchObject({ merged: true, report: { channel: 'MEDIA_MONITORING' } });
      const attached = (await bed.outbox(tip.case.id)).find((e) => e.subject === EventSubjects.intake.reportAttached)!;
      expect((attached.data as unknown as { report: { channel: string } }).report.channel).toBe('MEDIA_MONITORING');
      const rows = await bed.dataSource.query(`SELECT channel FROM report WHERE case_id = $1 ORDER BY submitted_at`, [tip.case.id]);
      expect(rows.map((r: { channel: string }) => r.channel)).toEqual(['PUBLIC_TIP', 'MEDIA_MONITORING']);
    });

    it.each(['MEDIA_MONITORING', 'MINISTRY_SYSTEM'] as const)(
      'refuses %s from an agency other than the lead (FORBIDDEN on channel) and writes nothing',
      async (channel) => {
        const [{ n: before }] = await bed.dataSource.query(`SELECT count(*)::int AS n FROM report`);
        await expect(sut.submit(lethuy, { url: uniqueUrl(), excerpt: distinctExcerpt(), categoryCode: 'IMPERSONATION_SCAM', channel })).rejects.toMatchObject({
          code: 'FORBIDDEN',
          field: 'channel',
        });
        const [{ n: after }] = await bed.dataSource.query(`SELECT count(*)::int AS n FROM report`);
        expect(after).toBe(before);
      },
    );

    it('answers a retry with the same key from the first answer, and refuses the key for another report (CONFLICT)', async () => {
      const request = { url: uniqueUrl(), excerpt: distinctExcerpt(), categoryCode: 'IMPERSONATION_SCAM', clientRequestId: `retry-${bed.schema}` };
      const first = await sut.submit(lethuy, request);
      const retried = await sut.submit(lethuy, request);
      expect(retried).toEqual(first);
      const [{ n }] = await bed.dataSource.query(`SELECT count(*)::int AS n FROM report WHERE case_id = $1`, [first.case.id]);
      expect(n).toBe(1);
      expect(await bed.outbox(first.case.id)).toHaveLength(1);
      await expect(sut.submit(lethuy, { ...request, excerpt: distinctExcerpt() })).rejects.toMatchObject({ code: 'CONFLICT', field: 'clientRequestId' });
      // Keys are per caller: another agency's officer with the same key submits a report of its own.
      expect((await sut.submit(donghoi, { ...request, url: uniqueUrl() })).report.id).not.toBe(first.report.id);
    });

    it('keeps the keys of submissions written in one batch apart', async () => {
      const requests = Array.from({ length: 3 }, (_, i) => ({
        url: uniqueUrl(),
        excerpt: distinctExcerpt(),
        categoryCode: 'IMPERSONATION_SCAM',
        clientRequestId: `batch-${i}-${bed.schema}`,
      }));
      const answers = await Promise.all([...requests, ...requests].map((r) => sut.submit(lethuy, r)));
      expect(answers.slice(3).map((a) => a.report.id)).toEqual(answers.slice(0, 3).map((a) => a.report.id));
      expect(new Set(answers.map((a) => a.report.id)).size).toBe(3);
    });

    it('reads the routing snapshot from the directory once, not per report', async () => {
      const asked = () => bed.directory.calls.filter((c) => c.subject === RpcSubjects.directory.routingSnapshot).length;
      const before = asked();
      await sut.submit(lethuy, { url: uniqueUrl(), excerpt: distinctExcerpt(), categoryCode: 'IMPERSONATION_SCAM' });
      await sut.submit(lethuy, { url: uniqueUrl(), excerpt: distinctExcerpt(), categoryCode: 'IMPERSONATION_SCAM' });
      expect(asked()).toBe(before);
    });
  });
});
