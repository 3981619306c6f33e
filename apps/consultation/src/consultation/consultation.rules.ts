import { reminderAt } from '@phoi-hop/contracts';
import type {
  AttendanceInputDto,
  ConsultationMode,
  ConsultationStatus,
  DissentInputDto,
  HandlingActionInputDto,
  OpenConsultationRequest,
  OpinionPosition,
} from '@phoi-hop/contracts';
import { ConsultationError } from './consultation.errors';

/** The longest a consultation may be set to run: a case must be handled in time (Đ3.2). */
export const MAX_CONSULTATION_DAYS = 60;

export interface ConsultationTiming {
  deadline: Date | null;
  meetingAt: Date | null;
}

/**
 * Checks what a mode needs (Đ4.2): a written consultation has a deadline and no meeting; a meeting
 * has a time and a place or link and no deadline. The lead agency does not invite itself.
 */
export function validateOpening(request: OpenConsultationRequest, leadAgencyCode: string, now: Date): ConsultationTiming & { invited: string[] } {
  const invited = [...new Set(request.invitedAgencyCodes)];
  if (invited.includes(leadAgencyCode))
    throw ConsultationError.badInput('invitedAgencyCodes', `${leadAgencyCode} leads the case and is not invited to its own consultation`);
  const latest = now.getTime() + MAX_CONSULTATION_DAYS * 86_400_000;
  const future = (value: string, field: string): Date => {
    const at = new Date(value);
    if (at.getTime() <= now.getTime()) throw ConsultationError.badInput(field, `${field} must be in the future`);
    if (at.getTime() > latest) throw ConsultationError.badInput(field, `${field} must be within ${MAX_CONSULTATION_DAYS} days`);
    return at;
  };
  if (request.mode === 'WRITTEN') {
    if (!request.deadline) throw ConsultationError.badInput('deadline', 'A written consultation needs a deadline for the opinions');
    if (request.meetingAt || request.location || request.link)
      throw ConsultationError.badInput('meetingAt', 'A written consultation has no meeting time, place or link');
    return { invited, deadline: future(request.deadline, 'deadline'), meetingAt: null };
  }
  if (!request.meetingAt) throw ConsultationError.badInput('meetingAt', 'A meeting needs a time');
  if (!request.location && !request.link) throw ConsultationError.badInput('location', 'A meeting needs a place or a link');
  if (request.deadline) throw ConsultationError.badInput('deadline', 'A meeting has no opinion deadline; its minutes record the opinions');
  return { invited, deadline: null, meetingAt: future(request.meetingAt, 'meetingAt') };
}

export interface ScheduledDeadline {
  kind: 'REMINDER' | 'ESCALATION';
  dueAt: Date;
}

/**
 * When to remind and when to escalate. The reminder comes `reminderLeadMs` before the deadline or
 * the meeting, or halfway there when the deadline is nearer than the lead; a written consultation escalates
 * at its deadline. A meeting has no escalation: its minutes record who was absent.
 */
export function deadlineSchedule(mode: ConsultationMode, timing: ConsultationTiming, now: Date, reminderLeadMs: number): ScheduledDeadline[] {
  const target = mode === 'WRITTEN' ? timing.deadline! : timing.meetingAt!;
  const schedule: ScheduledDeadline[] = [{ kind: 'REMINDER', dueAt: reminderAt(now, target, reminderLeadMs) }];
  if (mode === 'WRITTEN') schedule.push({ kind: 'ESCALATION', dueAt: target });
  return schedule;
}

export interface ConsultationState {
  mode: ConsultationMode;
  status: ConsultationStatus;
  invited: string[];
  deadline: Date | null;
}

function assertOpen(state: ConsultationState): void {
  if (state.status !== 'OPEN') throw ConsultationError.invalidState(`The consultation is ${state.status.toLowerCase()}`);
}

/** An invited agency answers an open written consultation; an answer after the deadline is kept and marked late. */
export function checkOpinion(
  state: ConsultationState,
  agencyCode: string,
  position: OpinionPosition,
  alternativeProposal: string | undefined,
  now: Date,
): { late: boolean } {
  assertOpen(state);
  if (state.mode !== 'WRITTEN') throw ConsultationError.invalidState('A meeting records the agencies’ views in its minutes, not as written opinions', 'mode');
  if (!state.invited.includes(agencyCode)) throw ConsultationError.forbidden(`${agencyCode} is not invited to this consultation`, 'consultationId');
  if (position === 'ALTERNATIVE' && !alternativeProposal?.trim())
    throw ConsultationError.badInput('alternativeProposal', 'An alternative opinion needs the proposed handling');
  if (position !== 'ALTERNATIVE' && alternativeProposal?.trim())
    throw ConsultationError.badInput('alternativeProposal', 'Only an ALTERNATIVE opinion carries an alternative proposal');
  return { late: !!state.deadline && now.getTime() > state.deadline.getTime() };
}

/** The minutes of a meeting name every invited agency once, present or absent; dissent comes only from invited agencies. */
export function checkMeetingRecord(state: ConsultationState, attendance: AttendanceInputDto[], dissent: DissentInputDto[]): void {
  assertOpen(state);
  if (state.mode !== 'MEETING') throw ConsultationError.invalidState('Only a meeting has minutes', 'mode');
  const named = attendance.map((a) => a.agencyCode);
  const duplicate = named.find((code, i) => named.indexOf(code) !== i);
  if (duplicate) throw ConsultationError.badInput('attendance', `${duplicate} is listed twice`);
  const stranger = named.find((code) => !state.invited.includes(code));
  if (stranger) throw ConsultationError.badInput('attendance', `${stranger} was not invited`);
  const missing = state.invited.filter((code) => !named.includes(code));
  if (missing.length) throw ConsultationError.badInput('attendance', `Attendance must name every invited agency; missing: ${missing.join(', ')}`);
  const outsider = dissent.find((d) => !state.invited.includes(d.agencyCode));
  if (outsider) throw ConsultationError.badInput('dissentingViews', `${outsider.agencyCode} was not invited`);
}

/**
 * A consultation is resolved once its work is done: a meeting after its minutes are recorded; a
 * written consultation when every agency has answered or the deadline has passed.
 */
export function checkResolvable(
  state: ConsultationState,
  progress: { minutesRecorded: boolean; unanswered: string[] },
  plan: HandlingActionInputDto[],
  now: Date,
  today: string,
): void {
  assertOpen(state);
  if (state.mode === 'MEETING' && !progress.minutesRecorded) throw ConsultationError.invalidState('Record the meeting’s minutes before resolving it');
  if (state.mode === 'WRITTEN' && progress.unanswered.length && now.getTime() < state.deadline!.getTime()) {
    throw ConsultationError.invalidState(`Waiting for the opinions of ${progress.unanswered.join(', ')} until the deadline`);
  }
  for (const [i, action] of plan.entries()) {
    if (action.dueDate < today) throw ConsultationError.badInput(`plan.${i}.dueDate`, 'dueDate is in the past');
  }
}
