import {
  addMonths,
  appealDecisionRefusal,
  appealRefusal,
  hasGroundedDecision,
  isSanction,
  judgeAdmissibility,
  respondentPurgeDue,
  rulingRefusal,
  statusAfterAppeal,
} from './complaint.rules';

const NOW = new Date('2026-03-10T03:00:00Z');
const LATER = new Date('2026-03-20T16:59:59Z');
const EARLIER = new Date('2026-03-01T16:59:59Z');

describe(addMonths.name, () => {
  it.each([
    ['2026-01-15', 6, '2026-07-15'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    ['2026-12-01', 1, '2027-01-01'],
  ])('%s + %i months is %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });
});

describe(judgeAdmissibility.name, () => {
  const base = { ruleCodes: ['DDNB_2017_D2'], publicationDate: '2026-01-15', admissibleMonths: 6 };

  it('admits a complaint citing a rule, filed on the last day of the time allowed', () => {
    expect(judgeAdmissibility({ ...base, filedDay: '2026-07-15' })).toEqual({ admissible: true });
  });

  it('closes one filed a day too late, and one citing no rule, saying why', () => {
    expect(judgeAdmissibility({ ...base, filedDay: '2026-07-16' })).toMatchObject({ admissible: false, reasons: ['FILED_TOO_LATE'] });
    const both = judgeAdmissibility({ ...base, ruleCodes: [], filedDay: '2026-08-01' });
    expect(both).toMatchObject({ admissible: false, reasons: ['NO_RULE_CITED', 'FILED_TOO_LATE'] });
    expect(both.admissible === false && both.note).toContain('2026-07-15');
  });
});

describe(rulingRefusal.name, () => {
  const awaiting = { status: 'AWAITING_REPLY' as const, replyDueAt: LATER, complainantAgency: 'BTG' };

  it('refuses REPLY_WINDOW_OPEN before the reply or the end of the window, and allows after either', () => {
    expect(rulingRefusal(awaiting, 'HNB', NOW)?.code).toBe('REPLY_WINDOW_OPEN');
    expect(rulingRefusal({ ...awaiting, replyDueAt: EARLIER }, 'HNB', NOW)).toBeNull();
    expect(rulingRefusal({ ...awaiting, status: 'AWAITING_RULING' }, 'HNB', NOW)).toBeNull();
  });

  it('refuses a board member of the complaining agency (FORBIDDEN) before anything else but the state', () => {
    expect(rulingRefusal({ ...awaiting, complainantAgency: 'HNB' }, 'HNB', NOW)).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('complaining agency'),
    });
  });

  it.each(['INCOMPLETE', 'INADMISSIBLE', 'RULED', 'UNDER_APPEAL', 'CLOSED'] as const)('refuses a complaint that is %s', (status) => {
    expect(rulingRefusal({ ...awaiting, status }, 'HNB', NOW)?.code).toBe('INVALID_STATE');
  });
});

describe(appealRefusal.name, () => {
  const ruled = { status: 'RULED' as const, appealDueAt: LATER, complainantAgency: 'BTG', outletAgencyCode: 'BAO_QB' };

  it('lets the complainant and the outlet appeal, each as their own party, within the time', () => {
    expect(appealRefusal(ruled, 'COMPLAINANT', 'BTG', NOW)).toBeNull();
    expect(appealRefusal(ruled, 'RESPONDENT', 'BAO_QB', NOW)).toBeNull();
    expect(appealRefusal(ruled, 'RESPONDENT', 'BTG', NOW)).toMatchObject({ code: 'FORBIDDEN', field: 'party' });
    expect(appealRefusal(ruled, 'COMPLAINANT', 'BAO_QB', NOW)).toMatchObject({ code: 'FORBIDDEN', field: 'party' });
  });

  it('refuses an appeal after its time, or of a complaint not ruled', () => {
    expect(appealRefusal({ ...ruled, appealDueAt: EARLIER }, 'COMPLAINANT', 'BTG', NOW)?.code).toBe('INVALID_STATE');
    expect(appealRefusal({ ...ruled, status: 'UNDER_APPEAL' }, 'COMPLAINANT', 'BTG', NOW)?.code).toBe('INVALID_STATE');
  });
});

describe(appealDecisionRefusal.name, () => {
  const heard = { status: 'UNDER_APPEAL' as const, complainantAgency: 'BTG', rulers: ['u-ruler'], rulingOutcome: 'WARNING' as const };
  const reviewer = { userId: 'u-reviewer', agencyCode: 'HNB' };

  it('refuses a reviewer who ruled, and one of the complaining agency', () => {
    expect(appealDecisionRefusal(heard, { userId: 'u-ruler', agencyCode: 'HNB' }, { decision: 'UPHELD' })).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('took no part'),
    });
    expect(appealDecisionRefusal({ ...heard, complainantAgency: 'HNB' }, reviewer, { decision: 'UPHELD' })?.code).toBe('FORBIDDEN');
  });

  it('needs a different substitute outcome exactly when overturning', () => {
    expect(appealDecisionRefusal(heard, reviewer, { decision: 'OVERTURNED' })?.field).toBe('substitutedOutcome');
    expect(appealDecisionRefusal(heard, reviewer, { decision: 'OVERTURNED', substitutedOutcome: 'WARNING' })?.field).toBe('substitutedOutcome');
    expect(appealDecisionRefusal(heard, reviewer, { decision: 'RETURNED', substitutedOutcome: 'REMINDER' })?.field).toBe('substitutedOutcome');
    expect(appealDecisionRefusal(heard, reviewer, { decision: 'OVERTURNED', substitutedOutcome: 'REMINDER' })).toBeNull();
    expect(appealDecisionRefusal({ ...heard, status: 'RULED' }, reviewer, { decision: 'UPHELD' })?.code).toBe('INVALID_STATE');
  });

  it('sends a RETURNED ruling back for a new one and closes the others', () => {
    expect(statusAfterAppeal('RETURNED')).toBe('AWAITING_RULING');
    expect(statusAfterAppeal('UPHELD')).toBe('CLOSED');
    expect(statusAfterAppeal('OVERTURNED')).toBe('CLOSED');
  });
});

describe(isSanction.name, () => {
  it('treats every outcome but NO_VIOLATION as a sanction', () => {
    expect(['NO_VIOLATION', 'REMINDER', 'WARNING', 'REPRIMAND', 'REFER_FOR_MEMBERSHIP_SANCTION'].filter((o) => isSanction(o as never))).toEqual([
      'REMINDER',
      'WARNING',
      'REPRIMAND',
      'REFER_FOR_MEMBERSHIP_SANCTION',
    ]);
  });
});

describe(hasGroundedDecision.name, () => {
  const grounded = { id: 'd1', finding: 'FALSE', provisions: [{ code: 'ND15_2020_D101' }], assessment: { concludesNotProtected: true } };

  it('finds a decision that passed the restrictive-action gate, the one named if any', () => {
    expect(hasGroundedDecision([grounded], 'd1')).toBe(true);
    expect(hasGroundedDecision([grounded], null)).toBe(true);
    expect(hasGroundedDecision([grounded], 'd2')).toBe(false);
  });

  it.each([
    ['an opinion', { finding: 'OPINION' }],
    ['no provision', { provisions: [] }],
    ['no assessment', { assessment: null }],
    ['an assessment that found it protected', { assessment: { concludesNotProtected: false } }],
  ])('does not count a decision with %s', (_what, change) => {
    expect(hasGroundedDecision([{ ...grounded, ...change }], null)).toBe(false);
  });
});

describe(respondentPurgeDue.name, () => {
  it('purges once the complaint is over: inadmissible, closed, or ruled with the appeal time passed', () => {
    expect(respondentPurgeDue({ status: 'INADMISSIBLE', appealDueAt: null }, NOW)).toBe(true);
    expect(respondentPurgeDue({ status: 'CLOSED', appealDueAt: LATER }, NOW)).toBe(true);
    expect(respondentPurgeDue({ status: 'RULED', appealDueAt: EARLIER }, NOW)).toBe(true);
    expect(respondentPurgeDue({ status: 'RULED', appealDueAt: LATER }, NOW)).toBe(false);
    expect(respondentPurgeDue({ status: 'UNDER_APPEAL', appealDueAt: EARLIER }, NOW)).toBe(false);
    expect(respondentPurgeDue({ status: 'AWAITING_REPLY', appealDueAt: null }, NOW)).toBe(false);
  });
});
