import { EventSubjects, type EventEnvelope, type NotificationPayload } from '@phoi-hop/contracts';

const STATUS_LABELS: Record<string, string> = {
  OPEN: 'đang mở',
  TRIAGED: 'đã phân loại',
  IN_CONSULTATION: 'đang lấy ý kiến',
  DECIDED: 'đã quyết định',
  ACTING: 'đang xử lý',
  CLOSED: 'đã đóng',
  DISMISSED: 'không xử lý',
  MERGED: 'đã gộp',
};

const EVENT_LABELS: Record<string, string> = {
  [EventSubjects.intake.caseOpened]: 'đã mở',
  [EventSubjects.intake.reportAttached]: 'có thêm phản ánh',
  [EventSubjects.intake.caseReassigned]: 'chuyển cơ quan kế nhiệm',
  [EventSubjects.intake.caseStatusChanged]: 'chuyển trạng thái',
  [EventSubjects.intake.caseDecided]: 'đã có quyết định xử lý',
  [EventSubjects.intake.actionUpdated]: 'cập nhật biện pháp xử lý',
  [EventSubjects.consultation.opened]: 'mở lấy ý kiến',
  [EventSubjects.consultation.resolved]: 'đã thống nhất phương án',
  [EventSubjects.consultation.opinionSubmitted]: 'có ý kiến mới',
  [EventSubjects.consultation.opinionReminded]: 'nhắc gửi ý kiến',
  [EventSubjects.consultation.opinionEscalated]: 'quá hạn gửi ý kiến',
  [EventSubjects.consultation.meetingRecorded]: 'đã ghi nhận cuộc họp',
  [EventSubjects.press.complaintOpened]: 'mở khiếu nại đạo đức báo chí',
  [EventSubjects.press.complaintFiled]: 'đã tiếp nhận khiếu nại đạo đức báo chí',
  [EventSubjects.press.complaintInadmissible]: 'khiếu nại đạo đức báo chí không được thụ lý',
  [EventSubjects.press.replyRequested]: 'đề nghị nhà báo phản hồi',
  [EventSubjects.press.replyReceived]: 'nhà báo đã phản hồi',
  [EventSubjects.press.replyReminded]: 'nhắc nhà báo phản hồi',
  [EventSubjects.press.replyWindowClosed]: 'hết hạn phản hồi của nhà báo',
  [EventSubjects.press.replyLinkReissued]: 'gửi lại đường dẫn phản hồi cho nhà báo',
  [EventSubjects.press.ruled]: 'Hội đồng đạo đức đã kết luận',
  [EventSubjects.press.appealLodged]: 'có khiếu nại đối với kết luận',
  [EventSubjects.press.appealDecided]: 'đã giải quyết khiếu nại đối với kết luận',
  [EventSubjects.press.complaintClosed]: 'khiếu nại đạo đức báo chí đã kết thúc',
  [EventSubjects.press.respondentPurged]: 'đã xóa thông tin nhà báo theo thời hạn lưu trữ',
  [EventSubjects.press.correctionRequested]: 'yêu cầu cơ quan báo chí cải chính',
  [EventSubjects.press.correctionPublished]: 'cơ quan báo chí đã đăng cải chính',
  [EventSubjects.press.correctionRefused]: 'cơ quan báo chí từ chối cải chính',
  [EventSubjects.press.correctionOverdue]: 'quá hạn trả lời yêu cầu cải chính',
  [EventSubjects.press.statementDrafted]: 'có dự thảo thông cáo',
  [EventSubjects.press.statementDraftUpdated]: 'sửa dự thảo thông cáo',
  [EventSubjects.press.statementPublished]: 'đã công bố thông cáo',
  [EventSubjects.press.statementCorrected]: 'đã đính chính thông cáo',
  [EventSubjects.press.statementWithdrawn]: 'đã thu hồi thông cáo',
  [EventSubjects.reporting.periodOpened]: 'yêu cầu báo cáo định kỳ',
  [EventSubjects.reporting.sectionSubmitted]: 'đã gửi báo cáo định kỳ',
  [EventSubjects.reporting.sectionReminded]: 'nhắc gửi báo cáo định kỳ',
  [EventSubjects.reporting.sectionEscalated]: 'quá hạn gửi báo cáo định kỳ',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CASE_NUMBER = /^[A-Z0-9][A-Z0-9-]{0,39}$/;
const CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

function pick(value: unknown, pattern: RegExp): string | null {
  return typeof value === 'string' && pattern.test(value) ? value : null;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The copy of an event an agency is sent. It is built from an allow-list of short identifiers the
 * event carries (case id and number, status, severity, consultation id), each checked against its
 * format: report text, excerpts, notes, evidence and people never leave, even if a later event
 * version adds them.
 */
export function toNotificationPayload(envelope: EventEnvelope, agencyCode: string): NotificationPayload {
  const data = record(envelope.data);
  const nestedCase = record(data['case']);
  const caseId =
    pick(data['caseId'], UUID) ?? pick(nestedCase['id'], UUID) ?? (envelope.type.startsWith('evt.intake.case.') ? pick(envelope.aggregateId, UUID) : null);
  const status = pick(data['to'], CODE) ?? pick(nestedCase['status'], CODE);
  return {
    eventId: envelope.id,
    eventType: envelope.type,
    occurredAt: envelope.occurredAt,
    agencyCode,
    caseId,
    caseNumber: pick(data['caseNumber'], CASE_NUMBER) ?? pick(nestedCase['number'], CASE_NUMBER),
    status,
    previousStatus: pick(data['from'], CODE),
    severity: pick(data['severity'], CODE) ?? pick(nestedCase['severity'], CODE),
    consultationId: pick(data['consultationId'], UUID),
    summary: eventSummary(envelope.type, status),
  };
}

/** "đã mở", "chuyển trạng thái: đã đóng", …; the subject itself for an event without a label. */
export function eventSummary(eventType: string, status: string | null): string {
  const label = EVENT_LABELS[eventType] ?? eventType;
  if (eventType === EventSubjects.intake.caseStatusChanged && status) return `${label}: ${STATUS_LABELS[status] ?? status}`;
  return label;
}

/** `[Phối Hợp] Vụ việc QB-2026-000123: đã mở`. */
export function emailSubject(payload: NotificationPayload): string {
  return `[Phối Hợp] Vụ việc ${payload.caseNumber ?? '(không số)'}: ${payload.summary}`;
}

/** The plain-text e-mail: the same facts as the webhook body, nothing more. */
export function emailText(payload: NotificationPayload): string {
  const lines = [
    `Vụ việc: ${payload.caseNumber ?? '(không số)'}`,
    `Sự kiện: ${payload.summary} (${payload.eventType})`,
    `Thời điểm: ${payload.occurredAt}`,
    ...(payload.status ? [`Trạng thái: ${STATUS_LABELS[payload.status] ?? payload.status}`] : []),
    ...(payload.severity ? [`Mức độ: ${payload.severity}`] : []),
    `Mã sự kiện: ${payload.eventId}`,
    '',
    `Thư này được gửi tới ${payload.agencyCode} vì cơ quan đã đăng ký nhận thông báo về các vụ việc mình được phép xem trên Phối Hợp.`,
    'Nội dung chi tiết chỉ xem trên hệ thống, không gửi qua thư.',
  ];
  return `${lines.join('\n')}\n`;
}
