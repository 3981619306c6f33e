import { EventSubjects, type EventEnvelope } from '@phoi-hop/contracts';
import { emailSubject, emailText, toNotificationPayload } from './notification-content';

const CASE_ID = '6f1c2b1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';

function envelope(type: string, data: unknown): EventEnvelope {
  return { id: '0b8f7e2a-1111-4222-8333-944455556666', type, occurredAt: '2026-11-28T01:02:03.000Z', aggregateId: CASE_ID, visibleTo: ['STTTT', 'CA'], data };
}

describe('notification content', () => {
  it('carries the case number and status of a case, never its reports, excerpts or notes', () => {
    const opened = envelope(EventSubjects.intake.caseOpened, {
      reportId: 'r1',
      case: {
        id: CASE_ID,
        number: 'QB-2026-000123',
        status: 'OPEN',
        severity: 'HIGH',
        reports: [{ excerpt: 'Khẩn cấp: đập thủy điện đã vỡ', note: 'ghi chú nội bộ', url: 'https://fb.com/x' }],
      },
    });
    const payload = toNotificationPayload(opened, 'CA');
    expect(payload).toEqual({
      eventId: opened.id,
      eventType: EventSubjects.intake.caseOpened,
      occurredAt: opened.occurredAt,
      agencyCode: 'CA',
      caseId: CASE_ID,
      caseNumber: 'QB-2026-000123',
      status: 'OPEN',
      previousStatus: null,
      severity: 'HIGH',
      consultationId: null,
      summary: 'đã mở',
    });
    const everything = JSON.stringify(payload) + emailText(payload) + emailSubject(payload);
    for (const secret of ['đập thủy điện', 'ghi chú', 'fb.com', 'r1']) expect(everything).not.toContain(secret);
  });

  it('writes the Vietnamese subject line', () => {
    expect(
      emailSubject(toNotificationPayload(envelope(EventSubjects.intake.caseOpened, { case: { id: CASE_ID, number: 'QB-2026-000123', status: 'OPEN' } }), 'CA')),
    ).toBe('[Phối Hợp] Vụ việc QB-2026-000123: đã mở');
    const closed = toNotificationPayload(
      envelope(EventSubjects.intake.caseStatusChanged, {
        caseId: CASE_ID,
        caseNumber: 'QB-2026-000123',
        from: 'ACTING',
        to: 'CLOSED',
        severity: 'LOW',
        reason: 'lý do nội bộ',
      }),
      'CA',
    );
    expect(emailSubject(closed)).toBe('[Phối Hợp] Vụ việc QB-2026-000123: chuyển trạng thái: đã đóng');
    expect(closed.previousStatus).toBe('ACTING');
    expect(JSON.stringify(closed)).not.toContain('lý do');
  });

  it('drops values that are not the identifiers they claim to be', () => {
    const odd = toNotificationPayload(
      envelope(EventSubjects.consultation.resolved, {
        caseId: 'not-a-uuid',
        caseNumber: 'Bài viết của nhà báo X',
        consultationId: CASE_ID,
        summary: 'kết luận nội bộ',
      }),
      'STTTT',
    );
    expect(odd.caseId).toBeNull();
    expect(odd.caseNumber).toBeNull();
    expect(odd.consultationId).toBe(CASE_ID);
    expect(JSON.stringify(odd)).not.toContain('nội bộ');
    expect(emailSubject(odd)).toBe('[Phối Hợp] Vụ việc (không số): đã thống nhất phương án');
  });

  it('names the press steps in Vietnamese, with the case of a correction request and none of its texts', () => {
    const requested = toNotificationPayload(
      envelope(EventSubjects.press.correctionRequested, {
        correctionId: '0b8f7e2a-2222-4222-8333-944455556666',
        caseId: CASE_ID,
        caseNumber: 'QB-2026-000123',
        status: 'REQUESTED',
        requesterAgencyCode: 'STTTT',
        outletAgencyCode: 'BAO_QB',
        requestedText: 'Báo Quảng Bình xin cải chính',
      }),
      'BAO_QB',
    );
    expect(emailSubject(requested)).toBe('[Phối Hợp] Vụ việc QB-2026-000123: yêu cầu cơ quan báo chí cải chính');
    expect(requested.caseId).toBe(CASE_ID);
    expect(JSON.stringify(requested) + emailText(requested)).not.toContain('xin cải chính');
    expect(emailSubject(toNotificationPayload(envelope(EventSubjects.press.statementPublished, { caseNumber: 'QB-2026-000123' }), 'CA'))).toBe(
      '[Phối Hợp] Vụ việc QB-2026-000123: đã công bố thông cáo',
    );
  });
});
