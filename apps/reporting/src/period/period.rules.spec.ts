import { ErrorCodes } from '@phoi-hop/contracts';
import { checkSectionSave, deadlineSchedule, defaultTitle, pendingAgencies, validateOpening } from './period.rules';

const NOW = new Date('2026-06-01T00:00:00Z');
const opening = (overrides: Record<string, unknown> = {}) =>
  ({ kind: 'SIX_MONTHLY', from: '2026-01-01', to: '2026-06-30', deadline: '2026-06-20T10:00:00+07:00', agencyCodes: ['SYT', 'CA'], ...overrides }) as never;

describe(validateOpening.name, () => {
  it('sorts the agencies and gives a default title', () => {
    expect(validateOpening(opening(), NOW)).toEqual({
      deadline: new Date('2026-06-20T03:00:00Z'),
      agencyCodes: ['CA', 'SYT'],
      title: 'Báo cáo 6 tháng (01/01/2026 – 30/06/2026)',
    });
  });

  it.each([
    ['a half year longer than 184 days', { to: '2026-07-31' }, 'to'],
    ['a year longer than 366 days', { kind: 'ANNUAL', to: '2027-01-02' }, 'to'],
    ['an end before the start', { from: '2026-07-01' }, 'to'],
    ['a deadline passed', { deadline: '2026-05-31T23:00:00Z' }, 'deadline'],
    ['an agency named twice', { agencyCodes: ['CA', 'CA'] }, 'agencyCodes'],
    ['a day that does not exist', { from: '2026-02-30' }, 'from'],
  ])('refuses %s', (_what, overrides, field) => {
    expect(() => validateOpening(opening(overrides), NOW)).toThrow(expect.objectContaining({ code: ErrorCodes.BAD_USER_INPUT, field }));
  });

  it('keeps an ad hoc title', () => {
    expect(validateOpening(opening({ kind: 'AD_HOC', title: ' Báo cáo về mưa lũ ' }), NOW).title).toBe('Báo cáo về mưa lũ');
  });
});

describe(deadlineSchedule.name, () => {
  const deadline = new Date('2026-06-20T00:00:00Z');
  it('reminds the lead time before the deadline and escalates at it', () => {
    expect(deadlineSchedule(deadline, NOW, 48 * 3_600_000)).toEqual([
      { kind: 'REMINDER', dueAt: new Date('2026-06-18T00:00:00Z') },
      { kind: 'ESCALATION', dueAt: deadline },
    ]);
  });
  it('skips a reminder that would already be due', () => {
    expect(deadlineSchedule(deadline, new Date('2026-06-19T00:00:00Z'), 48 * 3_600_000)).toEqual([{ kind: 'ESCALATION', dueAt: deadline }]);
  });
});

describe(checkSectionSave.name, () => {
  const deadline = new Date('2026-06-20T00:00:00Z');
  it.each([
    ['NOT_STARTED', false, NOW, false],
    ['DRAFT', true, NOW, false],
    ['SUBMITTED', true, NOW, false],
    ['DRAFT', true, new Date('2026-06-21T00:00:00Z'), true],
  ] as const)('lets a %s section be saved (submit %s), late when after the deadline', (status, submit, at, late) => {
    expect(checkSectionSave({ periodStatus: 'OPEN', deadline, sectionStatus: status }, submit, at)).toEqual({ late });
  });

  it.each([
    ['an agency that owes no section', { periodStatus: 'OPEN', sectionStatus: null }, true, ErrorCodes.FORBIDDEN],
    ['a closed period', { periodStatus: 'CLOSED', sectionStatus: 'DRAFT' }, true, ErrorCodes.INVALID_STATE],
    ['a draft over a submission', { periodStatus: 'OPEN', sectionStatus: 'SUBMITTED' }, false, ErrorCodes.INVALID_STATE],
  ] as const)('refuses %s', (_what, state, submit, code) => {
    expect(() => checkSectionSave({ ...state, deadline }, submit, NOW)).toThrow(expect.objectContaining({ code }));
  });
});

describe(pendingAgencies.name, () => {
  it('lists those without a submission', () => {
    expect(
      pendingAgencies([
        { agencyCode: 'SYT', status: 'DRAFT' },
        { agencyCode: 'CA', status: 'SUBMITTED' },
        { agencyCode: 'BTG', status: 'NOT_STARTED' },
      ]),
    ).toEqual(['BTG', 'SYT']);
  });
});

describe(defaultTitle.name, () => {
  it('names the kind and the days', () => {
    expect(defaultTitle('ANNUAL', '2026-01-01', '2026-12-31')).toBe('Báo cáo năm (01/01/2026 – 31/12/2026)');
  });
});
