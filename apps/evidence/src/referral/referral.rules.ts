import { ErrorCodes, type PoliceOutcomeCategory, type PoliceReferralStatus } from '@phoi-hop/contracts';
import { EvidenceError } from '../item/evidence.errors';

/** Đ6.2: how a referral moves, as the police report it. CONCLUDED and DECLINED are final. */
export const REFERRAL_TRANSITIONS: Record<PoliceReferralStatus, readonly PoliceReferralStatus[]> = {
  REQUESTED: ['ACCEPTED', 'DECLINED'],
  ACCEPTED: ['IN_PROGRESS', 'CONCLUDED', 'DECLINED'],
  IN_PROGRESS: ['CONCLUDED'],
  CONCLUDED: [],
  DECLINED: [],
};

export interface ReferralUpdate {
  status: PoliceReferralStatus;
  policeReference?: string;
  outcomeCategory?: PoliceOutcomeCategory;
  outcomeDate?: string;
}

export interface ReferralState {
  status: PoliceReferralStatus;
  policeReference: string | null;
}

/**
 * Checks a status change and returns the fields to store: the police's reference number is
 * needed from ACCEPTED on (once given it stays); an outcome (category and day, not in the future)
 * belongs to CONCLUDED only.
 */
export function checkReferralUpdate(state: ReferralState, update: ReferralUpdate, today: string): { policeReference: string | null; outcomeCategory: PoliceOutcomeCategory | null; outcomeDate: string | null } {
  if (!REFERRAL_TRANSITIONS[state.status].includes(update.status)) {
    throw new EvidenceError(ErrorCodes.INVALID_STATE, `A referral that is ${state.status} cannot become ${update.status}`, 'status');
  }
  if (state.policeReference && update.policeReference && update.policeReference !== state.policeReference) {
    throw EvidenceError.badInput('policeReference', 'The police reference number, once given, does not change');
  }
  const policeReference = state.policeReference ?? update.policeReference ?? null;
  if (update.status !== 'DECLINED' && !policeReference) throw EvidenceError.badInput('policeReference', `${update.status} needs the police's own reference number`);
  const concluding = update.status === 'CONCLUDED';
  if (!concluding && (update.outcomeCategory || update.outcomeDate)) throw EvidenceError.badInput('outcomeCategory', 'Only a CONCLUDED referral has an outcome');
  if (concluding && (!update.outcomeCategory || !update.outcomeDate)) throw EvidenceError.badInput(update.outcomeCategory ? 'outcomeDate' : 'outcomeCategory', 'A CONCLUDED referral needs its outcome category and date');
  if (update.outcomeDate && (Number.isNaN(Date.parse(`${update.outcomeDate}T00:00:00Z`)) || new Date(`${update.outcomeDate}T00:00:00Z`).toISOString().slice(0, 10) !== update.outcomeDate)) {
    throw EvidenceError.badInput('outcomeDate', 'outcomeDate must be a calendar day');
  }
  if (update.outcomeDate && update.outcomeDate > today) throw EvidenceError.badInput('outcomeDate', 'outcomeDate cannot be in the future');
  return { policeReference, outcomeCategory: update.outcomeCategory ?? null, outcomeDate: update.outcomeDate ?? null };
}
