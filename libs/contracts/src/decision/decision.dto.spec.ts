import { contractProblem } from '../common/contract-validation';
import { DecideCaseRequest, UpdateHandlingActionRequest } from './decision.dto';

const CASE_ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const assessment = {
  isFactualClaim: true,
  verifiedFalseBy: 'UBND_LE_THUY',
  isPublicInterestReporting: false,
  isGenuineGrievance: false,
  proportionality: 'Gỡ bài và đính chính là biện pháp tối thiểu',
  concludesNotProtected: true,
};
const decision = {
  caseId: CASE_ID,
  finding: 'FALSE',
  provisionCodes: ['ND15_2020_D101'],
  assessment,
  statementOfReasons: 'Không có sự cố đập; thông tin sai sự thật gây hoang mang.',
  actions: [{ type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: '2026-12-31', removal: { platform: 'FACEBOOK', legalBasis: ['ND15_2020_D101'] } }],
};

describe('decision contracts', () => {
  it('accepts a decision with its assessment and a removal request', async () => {
    expect(await contractProblem(DecideCaseRequest, decision)).toBeNull();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown finding', { finding: 'FAKE' }, 'finding'],
    ['an empty statement of reasons', { statementOfReasons: '' }, 'statementOfReasons'],
    ['provisions that are not a list', { provisionCodes: 'ND15_2020_D101' }, 'provisionCodes'],
    ['an assessment without its booleans', { assessment: { proportionality: 'Tối thiểu' } }, 'assessment.isFactualClaim'],
    ['an action of an unknown type', { actions: [{ type: 'BLOCK_WEBSITE', assigneeAgencyCode: 'STTTT', dueDate: '2026-12-31' }] }, 'actions.0.type'],
    ['a due date that is not a calendar day', { actions: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: '2026-02-30' }] }, 'actions.0.dueDate'],
    [
      'an assignee that is not an agency code',
      { actions: [{ type: 'MONITOR', assigneeAgencyCode: 'stttt', dueDate: '2026-12-31' }] },
      'actions.0.assigneeAgencyCode',
    ],
    [
      'a removal platform that is not a code',
      { actions: [{ type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: '2026-12-31', removal: { platform: 'facebook.com' } }] },
      'actions.0.removal.platform',
    ],
    [
      'an unknown property of an action',
      { actions: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: '2026-12-31', priority: 1 }] },
      'actions.0.priority',
    ],
    ['a consultation id that is not a uuid', { consultationId: '42' }, 'consultationId'],
  ])('refuses a decision with %s, naming the field', async (_name, change, field) => {
    expect(await contractProblem(DecideCaseRequest, { ...decision, ...change })).toMatchObject({ field });
  });

  it.each<[Record<string, unknown>, string]>([
    [{ actionId: CASE_ID, status: 'PLANNED' }, 'status'],
    [{ actionId: 'x', status: 'DONE', result: 'Đã xử lý' }, 'actionId'],
    [{ actionId: CASE_ID, status: 'DONE', result: 'Đã xử lý', links: ['javascript:alert(1)'] }, 'links'],
  ])('refuses an action update %j', async (input, field) => {
    expect(await contractProblem(UpdateHandlingActionRequest, input)).toMatchObject({ field });
  });
});
