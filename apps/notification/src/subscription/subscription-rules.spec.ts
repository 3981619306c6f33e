import { EventSubjects } from '@phoi-hop/contracts';
import { caseEventSubjects, subscriptionMatches, targetProblem, unknownEventTypes } from './subscription-rules';

describe('subscription rules', () => {
  const event = { type: EventSubjects.intake.caseOpened, visibleTo: ['STTTT', 'CA'] };

  it('sends an event only to an agency named in visibleTo (the privacy guard)', () => {
    expect(subscriptionMatches({ agencyCode: 'CA', active: true, eventTypes: [] }, event)).toBe(true);
    expect(subscriptionMatches({ agencyCode: 'BTG', active: true, eventTypes: [] }, event)).toBe(false);
    expect(subscriptionMatches({ agencyCode: 'BTG', active: true, eventTypes: [EventSubjects.intake.caseOpened] }, event)).toBe(false);
    expect(subscriptionMatches({ agencyCode: 'CA', active: true, eventTypes: [] }, { type: event.type, visibleTo: [] })).toBe(false);
    expect(subscriptionMatches({ agencyCode: 'CA', active: true, eventTypes: [] }, { type: event.type, visibleTo: undefined as unknown as string[] })).toBe(
      false,
    );
  });

  it('applies the filter and the active flag', () => {
    expect(subscriptionMatches({ agencyCode: 'CA', active: true, eventTypes: [EventSubjects.intake.caseOpened] }, event)).toBe(true);
    expect(subscriptionMatches({ agencyCode: 'CA', active: true, eventTypes: [EventSubjects.intake.caseDecided] }, event)).toBe(false);
    expect(subscriptionMatches({ agencyCode: 'CA', active: false, eventTypes: [] }, event)).toBe(false);
  });

  it('offers every intake and consultation event, and no directory event', () => {
    const subjects = caseEventSubjects();
    expect(subjects).toEqual(expect.arrayContaining([...Object.values(EventSubjects.intake), ...Object.values(EventSubjects.consultation)]));
    expect(subjects).not.toContain(EventSubjects.directory.agenciesReorganized);
    expect(unknownEventTypes([EventSubjects.intake.caseOpened, 'evt.intake.case.deleted', EventSubjects.directory.agenciesReorganized])).toEqual([
      'evt.intake.case.deleted',
      EventSubjects.directory.agenciesReorganized,
    ]);
  });

  it('accepts work e-mail addresses and https URLs, http only on loopback', () => {
    expect(targetProblem('EMAIL', 'vanthu@stttt.quangbinh.gov.vn')).toBeNull();
    expect(targetProblem('EMAIL', 'Văn thư <vanthu@stttt.gov.vn>')).toMatch(/e-mail/);
    expect(targetProblem('EMAIL', 'vanthu@localhost')).toMatch(/e-mail/);
    expect(targetProblem('WEBHOOK', 'https://hooks.ca.quangbinh.gov.vn/phoihop')).toBeNull();
    expect(targetProblem('WEBHOOK', 'http://127.0.0.1:8080/hook')).toBeNull();
    expect(targetProblem('WEBHOOK', 'http://localhost/hook')).toBeNull();
    expect(targetProblem('WEBHOOK', 'http://[::1]:9/hook')).toBeNull();
    expect(targetProblem('WEBHOOK', 'http://hooks.example.vn/hook')).toMatch(/https/);
    expect(targetProblem('WEBHOOK', 'http://127.0.0.1.example.vn/hook')).toMatch(/https/);
    expect(targetProblem('WEBHOOK', 'ftp://example.vn/x')).toMatch(/https/);
    expect(targetProblem('WEBHOOK', 'https://user:pw@example.vn/x')).toMatch(/credentials/);
    expect(targetProblem('WEBHOOK', 'not a url')).toMatch(/https/);
  });
});
