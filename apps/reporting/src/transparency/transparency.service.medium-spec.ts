import { randomUUID } from 'node:crypto';
import { Test, type TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ErrorCodes, EventSubjects, type EventEnvelope, type HandlingActionTypeCode } from '@phoi-hop/contracts';
import { createServiceTestbed, type ServiceTestbed } from '@phoi-hop/testing-medium';
import { REPORTING_MIGRATIONS } from '../app/reporting.module';
import { ReferenceNamesReader } from '../document/reference-names.reader';
import { NO_NAMES, type ReferenceNames } from '../document/statistics-tables';
import { ReadModelProjector } from '../read-model/read-model.projector';
import { ReadModelRepository } from '../read-model/read-model.repository';
import { shownCounts } from './suppression.rules';
import { transparencyPage } from './transparency.page';
import { TransparencyRepository } from './transparency.repository';
import { TransparencyService } from './transparency.service';

interface Seeded {
  type: HandlingActionTypeCode;
  platform?: string;
  outcome?: 'REMOVED' | 'REFUSED' | 'NO_RESPONSE';
  /** Provision codes; the event cites each as CITED[code]. */
  provisions: string[];
  /** Written as intake wrote `case.decided` before it carried codes and removal targets. */
  legacy?: boolean;
}

/** The citations as the decisions cited them. */
const CITED: Record<string, string> = {
  LUAT_ANM_2018_D16: 'Luật An ninh mạng 2018, Điều 16',
  ND15_2020_D101: 'Nghị định 15/2020/NĐ-CP, Điều 101',
  BLHS_D288: 'Bộ luật Hình sự, Điều 288',
  X: 'X',
};

/** The directory's provisions in force today: one citation was edited since the decisions; BLHS_D288 is not in force any more. */
class DirectoryNames extends ReferenceNamesReader {
  asked = 0;

  constructor() {
    super(undefined as never);
  }

  override async names(): Promise<ReferenceNames> {
    this.asked++;
    return {
      ...NO_NAMES,
      provisions: { LUAT_ANM_2018_D16: 'Luật An ninh mạng 24/2018/QH14, Điều 16', ND15_2020_D101: 'Nghị định 15/2020/NĐ-CP, Điều 101 khoản 1' },
    };
  }
}

/** One case opened and decided on 10 March with one action, and the removal's answer when it has one. */
function decidedCase(seed: Seeded, day = '2026-03-10'): EventEnvelope[] {
  const caseId = randomUUID();
  const actionId = randomUUID();
  let sequence = 0;
  const envelope = (type: string, occurredAt: string, data: unknown): EventEnvelope => ({
    id: randomUUID(),
    type,
    occurredAt,
    aggregateId: caseId,
    sequence: ++sequence,
    visibleTo: ['STTTT'],
    data,
  });
  const action = {
    id: actionId,
    type: seed.type,
    assigneeAgencyCode: 'STTTT',
    dueDate: '2026-03-20',
    status: 'PLANNED',
  };
  const target = seed.platform
    ? seed.legacy
      ? { platform: seed.platform }
      : { platform: seed.platform, provisionCodes: seed.provisions, legalBasis: seed.provisions.map((code) => CITED[code]!) }
    : null;
  return [
    envelope(EventSubjects.intake.caseOpened, `${day}T01:00:00.000Z`, {
      case: {
        id: caseId,
        number: 'QB-2026-1',
        status: 'OPEN',
        categoryCode: 'IMPERSONATION_SCAM',
        localityCode: 'DONG_HOI',
        openedAt: `${day}T01:00:00.000Z`,
        participants: [{ agencyCode: 'STTTT', role: 'LEAD' }],
      },
    }),
    envelope(EventSubjects.intake.caseDecided, `${day}T03:00:00.000Z`, {
      caseId,
      decisionId: randomUUID(),
      finding: 'UNLAWFUL',
      provisions: seed.provisions.map((code) => CITED[code]!),
      ...(seed.legacy ? {} : { provisionCodes: seed.provisions }),
      actions: [target ? { ...action, removal: target } : action],
    }),
    ...(seed.outcome
      ? [
          envelope(EventSubjects.intake.actionUpdated, `${day}T09:00:00.000Z`, {
            caseId,
            action: { ...action, status: 'DONE', result: null },
            removal: { sentAt: `${day}T04:00:00.000Z`, effectedAt: seed.outcome === 'REMOVED' ? `${day}T08:00:00.000Z` : null, outcome: seed.outcome },
          }),
        ]
      : []),
  ];
}

const times = (n: number, seed: Seeded) => Array.from({ length: n }, () => decidedCase(seed)).flat();
const pressEvent = (subject: string, data: Record<string, unknown> = {}, occurredAt = '2026-04-02T02:00:00.000Z'): EventEnvelope => ({
  id: randomUUID(),
  type: subject,
  occurredAt,
  aggregateId: randomUUID(),
  visibleTo: ['HNB'],
  data,
});

const JULY = '2026-07-10T02:00:00.000Z';

const rowsOf = (b: { rows: { key: string; count: number | string }[] }) => Object.fromEntries(b.rows.map((r) => [r.key, r.count]));

describe(TransparencyService.name, () => {
  let bed: ServiceTestbed;
  let module: TestingModule;
  let sut: TransparencyService;
  const directory = new DirectoryNames();

  beforeAll(async () => {
    bed = await createServiceTestbed({ service: 'reporting', migrations: REPORTING_MIGRATIONS });
    module = await Test.createTestingModule({
      providers: [
        { provide: DataSource, useValue: bed.dataSource },
        { provide: ReferenceNamesReader, useValue: directory },
        ReadModelRepository,
        ReadModelProjector,
        TransparencyRepository,
        TransparencyService,
      ],
    }).compile();
    sut = module.get(TransparencyService);
    const projector = module.get(ReadModelProjector);
    const events = [
      // 16 removal requests to Facebook (10 removed, 6 refused), 3 to TikTok (removed), 1 to Zalo (no answer yet).
      ...times(10, { type: 'REQUEST_REMOVAL', platform: 'FACEBOOK', outcome: 'REMOVED', provisions: ['LUAT_ANM_2018_D16'] }),
      ...times(6, { type: 'REQUEST_REMOVAL', platform: 'FACEBOOK', outcome: 'REFUSED', provisions: ['LUAT_ANM_2018_D16'] }),
      ...times(3, { type: 'REQUEST_REMOVAL', platform: 'TIKTOK', outcome: 'REMOVED', provisions: ['ND15_2020_D101'] }),
      ...times(1, { type: 'REQUEST_REMOVAL', platform: 'ZALO', provisions: ['ND15_2020_D101'] }),
      // 4 sanction proposals and 1 police referral.
      ...times(4, { type: 'PROPOSE_SANCTION', provisions: ['ND15_2020_D101'] }),
      ...times(1, { type: 'REFER_TO_POLICE', provisions: ['BLHS_D288'] }),
      // September: 5 removal requests to YouTube on two grounds, 3 of them written before events carried codes.
      ...Array.from({ length: 2 }, () =>
        decidedCase({ type: 'REQUEST_REMOVAL', platform: 'YOUTUBE', provisions: ['LUAT_ANM_2018_D16', 'BLHS_D288'] }, '2026-09-10'),
      ).flat(),
      ...Array.from({ length: 3 }, () =>
        decidedCase({ type: 'REQUEST_REMOVAL', platform: 'YOUTUBE', provisions: ['LUAT_ANM_2018_D16', 'BLHS_D288'], legacy: true }, '2026-09-11'),
      ).flat(),
      // Outside the period: not counted.
      ...decidedCase({ type: 'REQUEST_REMOVAL', platform: 'YOUTUBE', outcome: 'REMOVED', provisions: ['X'] }, '2026-08-01'),
      // Press ethics: 6 complaints, 2 rulings, 1 appeal decided.
      ...Array.from({ length: 6 }, () => pressEvent('evt.press.complaint.filed')),
      pressEvent('evt.press.ruling.issued', { outcome: 'WARNING' }),
      pressEvent('evt.press.ruling.issued', { outcome: 'NO_VIOLATION' }),
      pressEvent('evt.press.appeal.decided', { decision: 'UPHELD', outcome: 'WARNING' }),
      // July: 6 warnings and 5 findings of no violation; 5 appeals overturned and 6 upheld.
      ...Array.from({ length: 6 }, () => pressEvent('evt.press.ruling.issued', { outcome: 'WARNING' }, JULY)),
      ...Array.from({ length: 5 }, () => pressEvent('evt.press.ruling.issued', { outcome: 'NO_VIOLATION' }, JULY)),
      ...Array.from({ length: 5 }, () => pressEvent('evt.press.appeal.decided', { decision: 'OVERTURNED', outcome: 'REMINDER' }, JULY)),
      ...Array.from({ length: 6 }, () => pressEvent('evt.press.appeal.decided', { decision: 'UPHELD', outcome: 'WARNING' }, JULY)),
    ];
    // Every event delivered twice: the second delivery counts nothing.
    for (const event of [...events, ...[...events].reverse()]) await bed.dataSource.transaction((manager) => projector.handle(event, manager));
  });

  afterAll(async () => {
    await module?.close();
    await bed?.cleanup();
  });

  it('counts removal requests, restrictive actions and complaints of the period, never showing a count from 1 to 4', async () => {
    const report = await sut.report('2026-01-01', '2026-06-30');
    const counts = shownCounts(report);
    expect(counts.length).toBeGreaterThan(5);
    expect(counts.filter((n) => n > 0 && n < 5)).toEqual([]);

    const rows = (b: { rows: { key: string; count: number | string }[] }) => Object.fromEntries(b.rows.map((r) => [r.key, r.count]));
    expect(report.removalRequests.byPlatform.total).toBe(20);
    // TikTok (3) and Zalo (1) are small, and 20 − Facebook would give their sum, 4: Facebook is hidden too.
    expect(rows(report.removalRequests.byPlatform)).toEqual({ FACEBOOK: '<5', TIKTOK: '<5', ZALO: '<5' });
    // The lone pending request takes the refusals (the smallest other row) with it.
    expect(rows(report.removalRequests.byOutcome)).toEqual({ REMOVED: 13, REFUSED: '<5', PENDING: '<5' });
    expect(report.removalRequests.complianceRate).toBeCloseTo(13 / 19, 3);
    expect(report.removalRequests.medianHoursToEffect).toBe(4);
    // 20 removals, 4 sanctions and 1 referral: the hidden two add up to 5, nothing more to hide.
    expect(rows(report.restrictiveActions.byType)).toEqual({ REQUEST_REMOVAL: 20, PROPOSE_SANCTION: '<5', REFER_TO_POLICE: '<5' });
    // Complaints 6, rulings 2, one appeal: 9 − 6 would give 3, so the complaints are hidden too.
    expect(rows(report.complaints.byKind)).toEqual({ COMPLAINT_FILED: '<5', RULING_ISSUED: '<5', APPEAL_DECIDED: '<5' });
    expect(report.complaints.byKind.total).toBe(9);
    expect(report.complaints.appealOutcomes).toEqual({ total: '<5', rows: [{ key: 'WARNING', label: 'Cảnh cáo', count: '<5' }] });
    expect(report.complaints.rulingOutcomes).toEqual({
      total: '<5',
      rows: [
        { key: 'NO_VIOLATION', label: 'Không vi phạm', count: '<5' },
        { key: 'WARNING', label: 'Cảnh cáo', count: '<5' },
      ],
    });
    expect(report.complaints.appealDecisions).toEqual({ total: '<5', rows: [{ key: 'UPHELD', label: 'Giữ nguyên kết luận', count: '<5' }] });
    expect(report.complaints.reversalRate).toBeNull();
  });

  it('shows rulings by outcome, appeals by decision and the reversal rate once each count reaches the threshold', async () => {
    const { complaints } = await sut.report('2026-07-01', '2026-07-31');
    expect(complaints.rulingOutcomes).toEqual({
      total: 11,
      rows: [
        { key: 'NO_VIOLATION', label: 'Không vi phạm', count: 5 },
        { key: 'WARNING', label: 'Cảnh cáo', count: 6 },
      ],
    });
    expect(complaints.appealDecisions).toEqual({
      total: 11,
      rows: [
        { key: 'UPHELD', label: 'Giữ nguyên kết luận', count: 6 },
        { key: 'OVERTURNED', label: 'Thay đổi kết luận', count: 5 },
      ],
    });
    expect(complaints.reversalRate).toBe(0.455);
    expect(rowsOf(complaints.byKind)).toEqual({ RULING_ISSUED: 11, APPEAL_DECIDED: 11 });
    expect(transparencyPage(await sut.report('2026-07-01', '2026-07-31'))).toContain('Tỷ lệ kết luận bị thay đổi sau khiếu nại: 45,5%.');
  });

  it('counts requests by platform and legal basis from the decisions’ events, labelled with the provisions’ citations', async () => {
    const report = await sut.report('2026-01-01', '2026-06-30');
    // 16 + 4 requests on two provisions, keyed by code and labelled with the directory's citation of today; 20 − 16 would give the 4, so both are hidden.
    expect(report.removalRequests.byLegalBasis).toEqual({
      total: 20,
      rows: [
        { key: 'LUAT_ANM_2018_D16', label: 'Luật An ninh mạng 24/2018/QH14, Điều 16', count: '<5' },
        { key: 'ND15_2020_D101', label: 'Nghị định 15/2020/NĐ-CP, Điều 101 khoản 1', count: '<5' },
      ],
    });
    // The lone police referral's ground takes the next smallest (8) with it.
    expect(rowsOf(report.restrictiveActions.byGround)).toEqual({ LUAT_ANM_2018_D16: 16, ND15_2020_D101: '<5', BLHS_D288: '<5' });
    // The public page does not ask the directory on every visit.
    await sut.report('2026-01-01', '2026-06-30');
    expect(directory.asked).toBe(1);
    // A provision no longer in the directory keeps the citation the decision gave it.
    expect(report.restrictiveActions.byGround.rows.find((r) => r.key === 'BLHS_D288')!.label).toBe('Bộ luật Hình sự, Điều 288');
  });

  it('reads the platform and legal basis of requests in events written before codes were carried, under the same rows', async () => {
    const { removalRequests } = await sut.report('2026-09-01', '2026-09-30');
    expect(removalRequests.byPlatform).toEqual({ total: 5, rows: [{ key: 'YOUTUBE', label: 'YouTube', count: 5 }] });
    // Codes where the event has them, the cited text otherwise: the three older requests' citations map back to nothing in the directory.
    expect(rowsOf(removalRequests.byLegalBasis)).toEqual({
      LUAT_ANM_2018_D16: '<5',
      BLHS_D288: '<5',
      'Luật An ninh mạng 2018, Điều 16': '<5',
      'Bộ luật Hình sự, Điều 288': '<5',
    });
    expect(shownCounts({ removalRequests } as never).filter((n) => n > 0 && n < 5)).toEqual([]);
  });

  it('withholds a rate and a median measured over fewer than 5 requests', async () => {
    const report = await sut.report('2026-08-01', '2026-08-31');
    expect(report.removalRequests.byPlatform).toEqual({ total: '<5', rows: [{ key: 'YOUTUBE', label: 'YouTube', count: '<5' }] });
    expect(report.removalRequests.complianceRate).toBeNull();
    expect(report.removalRequests.medianHoursToEffect).toBeNull();
  });

  it('renders the page with "<5" and no small number in any table cell', async () => {
    const html = transparencyPage(await sut.report('2026-01-01', '2026-06-30'));
    const cells = [...html.matchAll(/<t[dh] class="n">([^<]*)<\/t[dh]>/g)].map((m) => m[1]);
    expect(cells).toContain('&lt;5');
    expect(cells.filter((c) => /^[1-4]$/.test(c!))).toEqual([]);
    expect(html).not.toMatch(/<script/i);
  });

  it('refuses a bad period', async () => {
    await expect(sut.report('2026-07-01', '2026-06-30')).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT, field: 'to' });
    await expect(sut.report('2026-13-01', '2026-06-30')).rejects.toMatchObject({ code: ErrorCodes.BAD_USER_INPUT, field: 'from' });
  });
});
