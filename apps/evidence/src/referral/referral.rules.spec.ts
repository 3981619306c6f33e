import { PoliceReferralStatuses, type PoliceReferralStatus } from '@phoi-hop/contracts';
import { REFERRAL_TRANSITIONS, checkReferralUpdate } from './referral.rules';

const TODAY = '2026-12-01';
const pairs = PoliceReferralStatuses.flatMap((from) => PoliceReferralStatuses.map((to) => [from, to] as [PoliceReferralStatus, PoliceReferralStatus]));

describe('checkReferralUpdate', () => {
  it.each(pairs)('%s → %s follows the transition table', (from, to) => {
    const update = { status: to, policeReference: 'CV-123/PA05', ...(to === 'CONCLUDED' ? { outcomeCategory: 'WARNING' as const, outcomeDate: '2026-11-30' } : {}) };
    const run = () => checkReferralUpdate({ status: from, policeReference: null }, update, TODAY);
    if (REFERRAL_TRANSITIONS[from].includes(to)) expect(run()).toMatchObject({ policeReference: 'CV-123/PA05' });
    else expect(run).toThrow(expect.objectContaining({ code: 'INVALID_STATE', field: 'status' }));
  });

  it('needs the police reference number from ACCEPTED on, and keeps it', () => {
    expect(() => checkReferralUpdate({ status: 'REQUESTED', policeReference: null }, { status: 'ACCEPTED' }, TODAY)).toThrow(expect.objectContaining({ field: 'policeReference' }));
    expect(checkReferralUpdate({ status: 'ACCEPTED', policeReference: 'A-1' }, { status: 'IN_PROGRESS' }, TODAY).policeReference).toBe('A-1');
    expect(() => checkReferralUpdate({ status: 'ACCEPTED', policeReference: 'A-1' }, { status: 'IN_PROGRESS', policeReference: 'B-2' }, TODAY)).toThrow(expect.objectContaining({ field: 'policeReference' }));
    expect(checkReferralUpdate({ status: 'REQUESTED', policeReference: null }, { status: 'DECLINED' }, TODAY).policeReference).toBeNull();
  });

  it('takes an outcome only when concluding, whole and not in the future', () => {
    const state = { status: 'IN_PROGRESS' as const, policeReference: 'A-1' };
    expect(() => checkReferralUpdate({ status: 'ACCEPTED', policeReference: 'A-1' }, { status: 'IN_PROGRESS', outcomeCategory: 'WARNING' }, TODAY)).toThrow(expect.objectContaining({ field: 'outcomeCategory' }));
    expect(() => checkReferralUpdate(state, { status: 'CONCLUDED', outcomeCategory: 'WARNING' }, TODAY)).toThrow(expect.objectContaining({ field: 'outcomeDate' }));
    expect(() => checkReferralUpdate(state, { status: 'CONCLUDED', outcomeCategory: 'WARNING', outcomeDate: '2026-02-30' }, TODAY)).toThrow(expect.objectContaining({ field: 'outcomeDate' }));
    expect(() => checkReferralUpdate(state, { status: 'CONCLUDED', outcomeCategory: 'WARNING', outcomeDate: '2026-12-02' }, TODAY)).toThrow(expect.objectContaining({ field: 'outcomeDate' }));
    expect(checkReferralUpdate(state, { status: 'CONCLUDED', outcomeCategory: 'WARNING', outcomeDate: '2026-12-01' }, TODAY)).toEqual({ policeReference: 'A-1', outcomeCategory: 'WARNING', outcomeDate: '2026-12-01' });
  });
});
