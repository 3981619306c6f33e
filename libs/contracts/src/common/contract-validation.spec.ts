import { AuditTrailRequest } from '../audit/audit.dto';
import { DecideCaseRequest, UpdateHandlingActionRequest } from '../decision/decision.dto';
import { CreateUserRequest } from '../directory/identity.dto';
import { contractProblem } from './contract-validation';

const ACTION = '6f1c1f0e-7a7b-4c55-9d0e-0c2b8f3f6a11';
const CASE = '0b8b5f0a-3c1e-4f7e-9a55-8d2c1f0e7a11';
const decision = {
  caseId: CASE,
  finding: 'FALSE',
  provisionCodes: [],
  statementOfReasons: 'Đã xác minh: thông tin sai sự thật.',
  actions: [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'CONG_TTDT', dueDate: '2099-01-01' }],
};

describe('contractProblem: the rule an input broke, with its parameters', () => {
  it.each([
    [
      'a text too short',
      CreateUserRequest,
      { username: 'syt.x', displayName: 'A', agencyCode: 'SYT', roles: ['OFFICER'] },
      'displayName',
      { rule: 'minLength', min: 2 },
    ],
    [
      'a text too long',
      UpdateHandlingActionRequest,
      { actionId: ACTION, status: 'DONE', result: 'x'.repeat(5_001) },
      'result',
      { rule: 'maxLength', max: 5_000 },
    ],
    ['a number too small', AuditTrailRequest, { targetId: 'QUANG_BINH', first: 0 }, 'first', { rule: 'min', min: 1 }],
    ['a number too large', AuditTrailRequest, { targetId: 'QUANG_BINH', first: 201 }, 'first', { rule: 'max', max: 200 }],
    [
      'a list too long',
      UpdateHandlingActionRequest,
      { actionId: ACTION, status: 'DONE', links: Array(21).fill('https://a.vn/x') },
      'links',
      { rule: 'arrayMaxSize', max: 20 },
    ],
    [
      'a value outside its set',
      UpdateHandlingActionRequest,
      { actionId: ACTION, status: 'PLANNED' },
      'status',
      { rule: 'isIn', values: ['IN_PROGRESS', 'DONE'] },
    ],
  ])('%s', async (_label, contract, input, field, rule) => {
    expect(await contractProblem(contract as new () => object, input)).toEqual({ field, message: expect.any(String), rule });
  });

  it('names the rule of a nested field by its path', async () => {
    const problem = await contractProblem(DecideCaseRequest, { ...decision, actions: [{ ...decision.actions[0], details: 'x'.repeat(2_001) }] });
    expect(problem).toEqual({ field: 'actions.0.details', message: expect.any(String), rule: { rule: 'maxLength', max: 2_000 } });
  });

  it('names a rule without parameters by its name alone', async () => {
    expect(await contractProblem(UpdateHandlingActionRequest, { actionId: 'not-an-id', status: 'DONE' })).toEqual({
      field: 'actionId',
      message: 'actionId must be an action id',
      rule: { rule: 'isUuid' },
    });
    expect((await contractProblem(UpdateHandlingActionRequest, { actionId: ACTION, status: 'DONE', extra: 1 }))?.rule).toEqual({ rule: 'whitelistValidation' });
  });
});
