import type { OpenConsultationRequest } from '@phoi-hop/contracts';
import { checkMeetingRecord, checkOpinion, checkResolvable, deadlineSchedule, validateOpening, type ConsultationState } from './consultation.rules';

const NOW = new Date('2026-11-20T02:00:00Z');
const HOUR = 3_600_000;
const at = (hours: number) => new Date(NOW.getTime() + hours * HOUR).toISOString();

function written(overrides: Partial<OpenConsultationRequest> = {}): OpenConsultationRequest {
  return {
    caseId: '8c0d5a52-3a8e-4d55-9a3e-0d2f4f0a9b11',
    mode: 'WRITTEN',
    invitedAgencyCodes: ['CA', 'UBND_LE_THUY', 'BTG', 'CA'],
    subject: 'Xin ý kiến về thông tin vỡ đập thủy điện trên sông Kiến Giang',
    deadline: at(48),
    ...overrides,
  };
}

function meeting(overrides: Partial<OpenConsultationRequest> = {}): OpenConsultationRequest {
  return { ...written({ mode: 'MEETING', deadline: undefined, meetingAt: at(6), location: 'Phòng họp Sở TT&TT' }), ...overrides };
}

function errorOf(fn: () => unknown): { code: string; field?: string } {
  try {
    fn();
  } catch (error) {
    return error as { code: string; field?: string };
  }
  throw new Error('expected an error');
}

describe('validateOpening', () => {
  it('accepts a written consultation with a future deadline and removes repeated invitations', () => {
    const result = validateOpening(written(), 'STTTT', NOW);
    expect(result.invited).toEqual(['CA', 'UBND_LE_THUY', 'BTG']);
    expect(result.deadline?.toISOString()).toBe(at(48));
    expect(result.meetingAt).toBeNull();
  });

  it('refuses a written consultation without a deadline, with a past one, or with one too far away', () => {
    expect(errorOf(() => validateOpening(written({ deadline: undefined }), 'STTTT', NOW))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadline' });
    expect(errorOf(() => validateOpening(written({ deadline: at(-1) }), 'STTTT', NOW))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadline' });
    expect(errorOf(() => validateOpening(written({ deadline: at(24 * 61) }), 'STTTT', NOW))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'deadline' });
  });

  it('refuses a written consultation that carries meeting details', () => {
    expect(errorOf(() => validateOpening(written({ location: 'Hội trường' }), 'STTTT', NOW))).toMatchObject({ field: 'meetingAt' });
  });

  it('needs a meeting time and a place or link, and no deadline', () => {
    expect(validateOpening(meeting(), 'STTTT', NOW).meetingAt?.toISOString()).toBe(at(6));
    expect(validateOpening(meeting({ location: undefined, link: 'https://hop.quangbinh.gov.vn/abc' }), 'STTTT', NOW).deadline).toBeNull();
    expect(errorOf(() => validateOpening(meeting({ meetingAt: undefined }), 'STTTT', NOW))).toMatchObject({ field: 'meetingAt' });
    expect(errorOf(() => validateOpening(meeting({ location: undefined }), 'STTTT', NOW))).toMatchObject({ field: 'location' });
    expect(errorOf(() => validateOpening(meeting({ deadline: at(3) }), 'STTTT', NOW))).toMatchObject({ field: 'deadline' });
  });

  it('does not let the lead agency invite itself', () => {
    expect(errorOf(() => validateOpening(written({ invitedAgencyCodes: ['STTTT', 'CA'] }), 'STTTT', NOW))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'invitedAgencyCodes',
    });
  });
});

describe('deadlineSchedule', () => {
  it('reminds a day before a written deadline and escalates at it', () => {
    const schedule = deadlineSchedule('WRITTEN', { deadline: new Date(at(72)), meetingAt: null }, NOW, 24 * HOUR);
    expect(schedule.map((d) => `${d.kind}@${d.dueAt.toISOString()}`)).toEqual([`REMINDER@${at(48)}`, `ESCALATION@${at(72)}`]);
  });

  it('reminds halfway when the deadline is nearer than the reminder lead', () => {
    const schedule = deadlineSchedule('WRITTEN', { deadline: new Date(at(4)), meetingAt: null }, NOW, 24 * HOUR);
    expect(schedule[0]).toEqual({ kind: 'REMINDER', dueAt: new Date(at(2)) });
  });

  it('only reminds before a meeting: its minutes record who was absent', () => {
    const schedule = deadlineSchedule('MEETING', { deadline: null, meetingAt: new Date(at(30)) }, NOW, 24 * HOUR);
    expect(schedule).toEqual([{ kind: 'REMINDER', dueAt: new Date(at(6)) }]);
  });
});

describe('checkOpinion', () => {
  const open: ConsultationState = { mode: 'WRITTEN', status: 'OPEN', invited: ['CA', 'BTG'], deadline: new Date(at(24)) };

  it('takes an invited agency’s opinion and marks it late after the deadline', () => {
    expect(checkOpinion(open, 'CA', 'AGREE', undefined, NOW)).toEqual({ late: false });
    expect(checkOpinion(open, 'CA', 'DISAGREE', undefined, new Date(at(25)))).toEqual({ late: true });
  });

  it('refuses agencies that were not invited, closed consultations and meetings', () => {
    expect(errorOf(() => checkOpinion(open, 'SYT', 'AGREE', undefined, NOW))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(() => checkOpinion({ ...open, status: 'RESOLVED' }, 'CA', 'AGREE', undefined, NOW))).toMatchObject({ code: 'INVALID_STATE' });
    expect(errorOf(() => checkOpinion({ ...open, mode: 'MEETING' }, 'CA', 'AGREE', undefined, NOW))).toMatchObject({ code: 'INVALID_STATE', field: 'mode' });
  });

  it('needs the proposal with an alternative, and only then', () => {
    expect(errorOf(() => checkOpinion(open, 'CA', 'ALTERNATIVE', '  ', NOW))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'alternativeProposal' });
    expect(errorOf(() => checkOpinion(open, 'CA', 'AGREE', 'Đăng đính chính', NOW))).toMatchObject({ field: 'alternativeProposal' });
    expect(checkOpinion(open, 'CA', 'ALTERNATIVE', 'Chỉ đính chính, không yêu cầu gỡ', NOW).late).toBe(false);
  });
});

describe('checkMeetingRecord', () => {
  const open: ConsultationState = { mode: 'MEETING', status: 'OPEN', invited: ['CA', 'BTG'], deadline: null };
  const present = (agencyCode: string, isPresent = true) => ({ agencyCode, present: isPresent });

  it('needs every invited agency once, and dissent only from invited agencies', () => {
    expect(() => checkMeetingRecord(open, [present('CA'), present('BTG', false)], [{ agencyCode: 'CA', view: 'Không đồng ý gỡ bài' }])).not.toThrow();
    expect(errorOf(() => checkMeetingRecord(open, [present('CA')], []))).toMatchObject({ field: 'attendance' });
    expect(errorOf(() => checkMeetingRecord(open, [present('CA'), present('CA'), present('BTG')], []))).toMatchObject({ field: 'attendance' });
    expect(errorOf(() => checkMeetingRecord(open, [present('CA'), present('BTG'), present('SYT')], []))).toMatchObject({ field: 'attendance' });
    expect(errorOf(() => checkMeetingRecord(open, [present('CA'), present('BTG')], [{ agencyCode: 'SYT', view: 'Khác' }]))).toMatchObject({
      field: 'dissentingViews',
    });
  });

  it('has no minutes for a written consultation', () => {
    expect(errorOf(() => checkMeetingRecord({ ...open, mode: 'WRITTEN' }, [], []))).toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('checkResolvable', () => {
  const writtenState: ConsultationState = { mode: 'WRITTEN', status: 'OPEN', invited: ['CA', 'BTG'], deadline: new Date(at(24)) };
  const today = '2026-11-20';

  it('waits for every opinion until the deadline, then resolves with what came in', () => {
    expect(errorOf(() => checkResolvable(writtenState, { minutesRecorded: false, unanswered: ['BTG'] }, [], NOW, today))).toMatchObject({
      code: 'INVALID_STATE',
    });
    expect(() => checkResolvable(writtenState, { minutesRecorded: false, unanswered: [] }, [], NOW, today)).not.toThrow();
    expect(() => checkResolvable(writtenState, { minutesRecorded: false, unanswered: ['BTG'] }, [], new Date(at(25)), today)).not.toThrow();
  });

  it('resolves a meeting only after its minutes', () => {
    const meetingState: ConsultationState = { ...writtenState, mode: 'MEETING', deadline: null };
    expect(errorOf(() => checkResolvable(meetingState, { minutesRecorded: false, unanswered: [] }, [], NOW, today))).toMatchObject({ code: 'INVALID_STATE' });
    expect(() => checkResolvable(meetingState, { minutesRecorded: true, unanswered: ['CA', 'BTG'] }, [], NOW, today)).not.toThrow();
  });

  it('refuses a plan with a due date in the past, and a consultation already resolved', () => {
    const plan = [{ type: 'PUBLISH_CLARIFICATION' as const, assigneeAgencyCode: 'CONG_TTDT', dueDate: '2026-11-19' }];
    expect(errorOf(() => checkResolvable(writtenState, { minutesRecorded: false, unanswered: [] }, plan, NOW, today))).toMatchObject({
      field: 'plan.0.dueDate',
    });
    expect(errorOf(() => checkResolvable({ ...writtenState, status: 'RESOLVED' }, { minutesRecorded: false, unanswered: [] }, [], NOW, today))).toMatchObject({
      code: 'INVALID_STATE',
    });
  });
});
