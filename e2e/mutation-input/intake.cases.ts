import { SeededUsers } from '@phoi-hop/testing';
import {
  NO_ID,
  inAMonth,
  yesterday,
  HOSTILE,
  NUL,
  long,
  HOSTILE_10K,
  refuse,
  BAD,
  caseView,
  REPORT,
  reportInput,
  uniqueText,
  decision,
  type Json,
  type MutationEntry,
  type Vars,
} from './harness';

/** Reports, cases and their handling (intake). */
export const INTAKE_MUTATIONS: Record<string, MutationEntry> = {
  submitReport: {
    document: REPORT,
    cases: [
      { name: 'url of the wrong type', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ url: 42 }), expect: BAD() },
      { name: 'no excerpt', as: SeededUsers.lethuyOfficer, variables: () => ({ i: { url: 'https://example.vn/a', categoryCode: 'OTHER' } }), expect: BAD() },
      { name: 'a javascript: url', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ url: 'javascript:alert(1)' }), expect: BAD('url') },
      {
        name: 'a url over 2,048 characters',
        as: SeededUsers.lethuyOfficer,
        variables: () => reportInput({ url: `https://example.vn/${'a'.repeat(2_100)}` }),
        expect: BAD('url'),
      },
      {
        name: 'an excerpt over 20,000 characters',
        as: SeededUsers.lethuyOfficer,
        variables: () => reportInput({ excerpt: long(20_001) }),
        expect: BAD('excerpt'),
      },
      { name: 'a blank excerpt', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ excerpt: ' \n\t ' }), expect: BAD('excerpt') },
      { name: 'a NUL byte in the excerpt', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ excerpt: NUL }), expect: BAD('excerpt') },
      { name: 'a NUL byte in the note', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ note: NUL }), expect: BAD('note') },
      {
        name: 'an unknown category',
        as: SeededUsers.lethuyOfficer,
        variables: () => reportInput({ categoryCode: 'NO_SUCH_CATEGORY' }),
        expect: BAD('categoryCode'),
      },
      {
        name: 'SQL as a category',
        as: SeededUsers.lethuyOfficer,
        variables: () => reportInput({ categoryCode: "OTHER'; DROP TABLE report; --" }),
        expect: BAD('categoryCode'),
      },
      { name: 'an unknown locality', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ localityCode: 'ATLANTIS' }), expect: BAD('localityCode') },
      { name: 'observedAt not a date', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ observedAt: 'hôm qua' }), expect: BAD('observedAt') },
      {
        name: 'observedAt in year 0',
        as: SeededUsers.lethuyOfficer,
        variables: () => reportInput({ observedAt: '0000-01-01T00:00:00Z' }),
        expect: BAD('observedAt'),
      },
      {
        name: 'observedAt in the future',
        as: SeededUsers.lethuyOfficer,
        variables: () => reportInput({ observedAt: '2999-01-01T00:00:00Z' }),
        expect: BAD('observedAt'),
      },
      { name: 'a negative reach', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ estimatedReach: -5 }), expect: BAD('estimatedReach') },
      { name: 'an astronomical reach', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ estimatedReach: 1e300 }), expect: BAD('estimatedReach') },
      { name: 'an unknown channel', as: SeededUsers.lethuyOfficer, variables: () => reportInput({ channel: 'CARRIER_PIGEON' }), expect: BAD('channel') },
      {
        name: 'media monitoring claimed by an agency that is not the lead',
        as: SeededUsers.lethuyOfficer,
        variables: () => reportInput({ channel: 'MEDIA_MONITORING' }),
        expect: refuse('FORBIDDEN', 'channel'),
      },
      {
        name: 'hostile text of 10,000 characters, stored verbatim',
        as: SeededUsers.lethuyOfficer,
        variables: () => reportInput({ excerpt: `${HOSTILE_10K} ${uniqueText()}`, note: HOSTILE }),
        expect: {
          stored: (data, v) => {
            const input = v['i'] as Vars;
            expect(data['submitReport'].report).toMatchObject({ excerpt: input['excerpt'], note: HOSTILE });
          },
        },
      },
    ],
  },

  triageCase: {
    document: `mutation($id: ID!, $s: Severity, $o: [String!]) { triageCase(id: $id, severity: $s, assignedOfficers: $o) { id status severity assignedOfficers } }`,
    cases: [
      { name: 'a severity that does not exist', variables: (w) => ({ id: w.openCase, s: 'EXTREME' }), expect: BAD(), watch: (w) => caseView(w.openCase) },
      { name: 'an id that is not an id', variables: () => ({ id: "1' OR '1'='1" }), expect: BAD('caseId') },
      { name: 'an unknown case', variables: () => ({ id: NO_ID }), expect: refuse('NOT_FOUND') },
      { name: 'a case already triaged', variables: (w) => ({ id: w.triagedCase }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a closed case', variables: (w) => ({ id: w.closedCase }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.closedCase) },
      {
        name: 'markup as an officer',
        variables: (w) => ({ id: w.openCase, o: ['<script>'] }),
        expect: BAD('assignedOfficers'),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'an unknown officer',
        variables: (w) => ({ id: w.openCase, o: ['ghost.officer'] }),
        expect: BAD('assignedOfficers'),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'an officer of an agency not on the case',
        variables: (w) => ({ id: w.openCase, o: ['syt.officer'] }),
        expect: BAD('assignedOfficers'),
        watch: (w) => caseView(w.openCase),
      },
    ],
  },

  dismissCase: {
    document: `mutation($id: ID!, $r: String!) { dismissCase(id: $id, reason: $r) { id status } }`,
    cases: [
      {
        name: 'no reason',
        document: `mutation($id: ID!) { dismissCase(id: $id) { id } }`,
        variables: (w) => ({ id: w.openCase }),
        expect: BAD(),
        watch: (w) => caseView(w.openCase),
      },
      { name: 'an id of the wrong type', variables: () => ({ id: { id: NO_ID }, r: 'Không thuộc phạm vi' }), expect: BAD() },
      { name: 'a blank reason', variables: (w) => ({ id: w.openCase, r: '  ' }), expect: BAD('reason'), watch: (w) => caseView(w.openCase) },
      {
        name: 'a reason over 2,000 characters',
        variables: (w) => ({ id: w.openCase, r: long(2_001) }),
        expect: BAD('reason'),
        watch: (w) => caseView(w.openCase),
      },
      { name: 'a NUL byte in the reason', variables: (w) => ({ id: w.openCase, r: NUL }), expect: BAD('reason'), watch: (w) => caseView(w.openCase) },
      { name: 'an unknown case', variables: () => ({ id: NO_ID, r: 'Không có vụ việc này' }), expect: refuse('NOT_FOUND') },
      {
        name: 'a case being acted on',
        variables: (w) => ({ id: w.actingCase, r: 'Bác bỏ khi đang xử lý' }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.actingCase),
      },
      {
        name: 'a case already dismissed',
        variables: (w) => ({ id: w.dismissedCase, r: 'Bác bỏ lần thứ hai' }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.dismissedCase),
      },
      {
        name: 'a hostile reason, stored verbatim',
        variables: async (w) => ({ id: await w.newCase(), r: HOSTILE }),
        expect: {
          stored: async (data, v, w) => {
            expect(data['dismissCase'].status).toBe('DISMISSED');
            const [event] = await w.sql(
              `SELECT envelope->'data'->>'reason' AS reason FROM "${w.schema('intake')}".outbox WHERE subject = 'evt.intake.case.status-changed' AND envelope->>'aggregateId' = $1 AND envelope->'data'->>'to' = 'DISMISSED'`,
              [v['id']],
            );
            expect(event!['reason']).toBe(HOSTILE);
          },
        },
      },
    ],
  },

  reopenCase: {
    document: `mutation($id: ID!, $r: String!) { reopenCase(id: $id, reason: $r) { id status } }`,
    cases: [
      {
        name: 'a reason of the wrong type',
        variables: (w) => ({ id: w.dismissedCase, r: { text: 'x' } }),
        expect: BAD(),
        watch: (w) => caseView(w.dismissedCase),
      },
      {
        name: 'an open case',
        variables: (w) => ({ id: w.openCase, r: 'Mở lại một vụ việc đang mở' }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'a case being acted on',
        variables: (w) => ({ id: w.actingCase, r: 'Mở lại khi đang xử lý' }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.actingCase),
      },
      { name: 'a too short reason', variables: (w) => ({ id: w.dismissedCase, r: 'x' }), expect: BAD('reason'), watch: (w) => caseView(w.dismissedCase) },
      { name: 'a NUL byte in the reason', variables: (w) => ({ id: w.dismissedCase, r: NUL }), expect: BAD('reason'), watch: (w) => caseView(w.dismissedCase) },
      { name: 'an unknown case', variables: () => ({ id: NO_ID, r: 'Không có vụ việc này' }), expect: refuse('NOT_FOUND') },
    ],
  },

  closeCase: {
    document: `mutation($id: ID!, $o: String!) { closeCase(id: $id, outcome: $o) { id status } }`,
    cases: [
      { name: 'an outcome of the wrong type', variables: (w) => ({ id: w.actingCase, o: ['Đã xong'] }), expect: BAD(), watch: (w) => caseView(w.actingCase) },
      {
        name: 'with actions not done',
        variables: (w) => ({ id: w.actingCase, o: 'Đóng khi còn việc chưa làm' }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.actingCase),
      },
      {
        name: 'an open case',
        variables: (w) => ({ id: w.openCase, o: 'Đóng một vụ việc chưa quyết định' }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'a case already closed',
        variables: (w) => ({ id: w.closedCase, o: 'Đóng lần thứ hai cho chắc' }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.closedCase),
      },
      {
        name: 'an outcome over 2,000 characters',
        variables: (w) => ({ id: w.actingCase, o: long(2_001) }),
        expect: BAD('outcome'),
        watch: (w) => caseView(w.actingCase),
      },
      { name: 'a NUL byte in the outcome', variables: (w) => ({ id: w.actingCase, o: NUL }), expect: BAD('outcome'), watch: (w) => caseView(w.actingCase) },
      { name: 'an unknown case', variables: () => ({ id: NO_ID, o: 'Không có vụ việc này' }), expect: refuse('NOT_FOUND') },
    ],
  },

  mergeCases: {
    document: `mutation($c: ID!, $into: ID!, $r: String!) { mergeCases(caseId: $c, intoCaseId: $into, reason: $r) { id status } }`,
    cases: [
      {
        name: 'a reason of the wrong type',
        variables: (w) => ({ c: w.openCase, into: w.triagedCase, r: 12 }),
        expect: BAD(),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'a case into itself',
        variables: (w) => ({ c: w.openCase, into: w.openCase, r: 'Cùng nội dung' }),
        expect: BAD('intoCaseId'),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'an id that is not an id',
        variables: (w) => ({ c: w.openCase, into: 'không-phải-id', r: 'Cùng nội dung' }),
        expect: BAD('intoCaseId'),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'into an unknown case',
        variables: (w) => ({ c: w.openCase, into: NO_ID, r: 'Cùng nội dung' }),
        expect: refuse('NOT_FOUND', 'intoCaseId'),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'an unknown case',
        variables: (w) => ({ c: NO_ID, into: w.openCase, r: 'Cùng nội dung' }),
        expect: refuse('NOT_FOUND'),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'a case being acted on',
        variables: (w) => ({ c: w.actingCase, into: w.openCase, r: 'Cùng nội dung' }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.actingCase),
      },
      {
        name: 'into a closed case',
        variables: (w) => ({ c: w.openCase, into: w.closedCase, r: 'Cùng nội dung' }),
        expect: refuse('INVALID_STATE', 'intoCaseId'),
        watch: (w) => caseView(w.openCase),
      },
      { name: 'a blank reason', variables: (w) => ({ c: w.openCase, into: w.triagedCase, r: ' ' }), expect: BAD('reason'), watch: (w) => caseView(w.openCase) },
      {
        name: 'a NUL byte in the reason',
        variables: (w) => ({ c: w.openCase, into: w.triagedCase, r: NUL }),
        expect: BAD('reason'),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'a reason over 2,000 characters',
        variables: (w) => ({ c: w.openCase, into: w.triagedCase, r: long(2_001) }),
        expect: BAD('reason'),
        watch: (w) => caseView(w.openCase),
      },
    ],
  },

  rejectDuplicate: {
    document: `mutation($c: ID!, $d: ID!) { rejectDuplicate(caseId: $c, duplicateCaseId: $d) { id possibleDuplicates { caseId } } }`,
    cases: [
      {
        name: 'a case that is not a suggestion',
        variables: (w) => ({ c: w.openCase, d: w.triagedCase }),
        expect: BAD('duplicateCaseId'),
        watch: (w) => caseView(w.openCase),
      },
      { name: 'an unknown case', variables: (w) => ({ c: NO_ID, d: w.openCase }), expect: refuse('NOT_FOUND') },
      {
        name: 'an id that is not an id',
        variables: (w) => ({ c: w.openCase, d: '<script>' }),
        expect: BAD('duplicateCaseId'),
        watch: (w) => caseView(w.openCase),
      },
      { name: 'ids of the wrong type', variables: () => ({ c: [1, 2], d: true }), expect: BAD() },
    ],
  },

  decideCase: {
    document: `mutation($i: DecideCaseInput!) { decideCase(input: $i) { decisionId case { id status } actions { id type assigneeAgencyCode dueDate status } } }`,
    cases: [
      { name: 'an open case', variables: (w) => ({ i: decision(w.openCase) }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.openCase) },
      { name: 'a closed case', variables: (w) => ({ i: decision(w.closedCase) }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.closedCase) },
      {
        name: 'a case already decided',
        variables: (w) => ({ i: decision(w.actingCase) }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.actingCase),
      },
      { name: 'an unknown case', variables: () => ({ i: decision(NO_ID) }), expect: refuse('NOT_FOUND') },
      {
        name: 'actions of the wrong type',
        variables: (w) => ({ i: decision(w.triagedCase, { actions: 'none' }) }),
        expect: BAD(),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'a finding that does not exist',
        variables: (w) => ({ i: decision(w.triagedCase, { finding: 'MAYBE' }) }),
        expect: BAD('finding'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'a due date that is no date',
        variables: (w) => ({ i: decision(w.triagedCase, { actions: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: '2099-02-30' }] }) }),
        expect: BAD('actions.0.dueDate'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'a due date in the past',
        variables: (w) => ({ i: decision(w.triagedCase, { actions: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: yesterday() }] }) }),
        expect: BAD('actions.0.dueDate'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'an action for an agency that does not exist',
        variables: (w) => ({ i: decision(w.triagedCase, { actions: [{ type: 'MONITOR', assigneeAgencyCode: 'GHOST_AGENCY', dueDate: inAMonth() }] }) }),
        expect: BAD('actions.0.assigneeAgencyCode'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'an action type that does not exist',
        variables: (w) => ({ i: decision(w.triagedCase, { actions: [{ type: 'ARREST', assigneeAgencyCode: 'CA', dueDate: inAMonth() }] }) }),
        expect: BAD('actions.0.type'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'an unknown provision',
        variables: (w) => ({ i: decision(w.triagedCase, { provisionCodes: ['NO_SUCH_LAW'] }) }),
        expect: BAD('provisionCodes'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'a removal without grounds',
        variables: (w) => ({ i: decision(w.triagedCase, { actions: [{ type: 'REQUEST_REMOVAL', assigneeAgencyCode: 'STTTT', dueDate: inAMonth() }] }) }),
        expect: refuse('RESTRICTIVE_ACTION_NOT_GROUNDED', 'finding'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'a consultation that does not exist',
        variables: (w) => ({ i: decision(w.triagedCase, { consultationId: NO_ID, actions: [] }) }),
        expect: BAD('consultationId'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'reasons over 10,000 characters',
        variables: (w) => ({ i: decision(w.triagedCase, { statementOfReasons: long(10_001) }) }),
        expect: BAD('statementOfReasons'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'a NUL byte in the reasons',
        variables: (w) => ({ i: decision(w.triagedCase, { statementOfReasons: NUL }) }),
        expect: BAD('statementOfReasons'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'a NUL byte in the assessment',
        variables: (w) => ({
          i: decision(w.triagedCase, {
            assessment: {
              isFactualClaim: true,
              isPublicInterestReporting: false,
              isGenuineGrievance: false,
              proportionality: NUL,
              concludesNotProtected: false,
            },
          }),
        }),
        expect: BAD('assessment.proportionality'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'hostile reasons of 10,000 characters and details, stored verbatim',
        variables: async (w) => ({
          i: decision(await w.newCase(true), {
            statementOfReasons: HOSTILE_10K,
            actions: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: inAMonth(), details: HOSTILE }],
          }),
        }),
        expect: {
          stored: async (data, _v, w) => {
            expect(data['decideCase'].case.status).toBe('ACTING');
            const [row] = await w.sql(
              `SELECT d.statement_of_reasons, a.details FROM "${w.schema('intake')}".decision d JOIN "${w.schema('intake')}".handling_action a ON a.decision_id = d.id WHERE d.id = $1`,
              [data['decideCase'].decisionId],
            );
            expect(row).toEqual({ statement_of_reasons: HOSTILE_10K, details: HOSTILE });
          },
        },
      },
    ],
  },

  updateHandlingAction: {
    document: `mutation($i: UpdateHandlingActionInput!) { updateHandlingAction(input: $i) { id status } }`,
    cases: [
      {
        name: 'links of the wrong type',
        variables: (w) => ({ i: { actionId: w.plannedAction, status: 'IN_PROGRESS', links: [{ href: 'https://example.vn' }] } }),
        expect: BAD(),
        watch: (w) => caseView(w.actingCase),
      },
      {
        name: 'a status that does not exist',
        variables: (w) => ({ i: { actionId: w.plannedAction, status: 'CANCELLED' } }),
        expect: BAD('status'),
        watch: (w) => caseView(w.actingCase),
      },
      {
        name: 'done without a result',
        variables: (w) => ({ i: { actionId: w.plannedAction, status: 'DONE' } }),
        expect: BAD('result'),
        watch: (w) => caseView(w.actingCase),
      },
      {
        name: 'an action of a closed case',
        variables: (w) => ({ i: { actionId: w.doneAction, status: 'IN_PROGRESS' } }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.closedCase),
      },
      { name: 'an unknown action', variables: () => ({ i: { actionId: NO_ID, status: 'IN_PROGRESS' } }), expect: refuse('NOT_FOUND') },
      {
        name: 'another agency’s action',
        as: SeededUsers.sytOfficer,
        variables: (w) => ({ i: { actionId: w.plannedAction, status: 'IN_PROGRESS' } }),
        expect: refuse('NOT_FOUND'),
        watch: (w) => caseView(w.actingCase),
      },
      {
        name: 'a javascript: link',
        variables: (w) => ({ i: { actionId: w.plannedAction, status: 'IN_PROGRESS', links: ['javascript:alert(1)'] } }),
        expect: BAD('links'),
        watch: (w) => caseView(w.actingCase),
      },
      {
        name: 'too many links',
        variables: (w) => ({ i: { actionId: w.plannedAction, status: 'IN_PROGRESS', links: Array.from({ length: 21 }, (_, i) => `https://example.vn/${i}`) } }),
        expect: BAD('links'),
      },
      {
        name: 'a result over 5,000 characters',
        variables: (w) => ({ i: { actionId: w.plannedAction, status: 'DONE', result: long(5_001) } }),
        expect: BAD('result'),
        watch: (w) => caseView(w.actingCase),
      },
      {
        name: 'a NUL byte in the result',
        variables: (w) => ({ i: { actionId: w.plannedAction, status: 'DONE', result: NUL } }),
        expect: BAD('result'),
        watch: (w) => caseView(w.actingCase),
      },
      {
        name: 'a hostile result, stored verbatim',
        variables: async (w) => ({
          i: { actionId: await w.newPlannedAction(), status: 'IN_PROGRESS', result: HOSTILE, links: ['https://example.vn/?q=<script>'] },
        }),
        expect: {
          stored: async (data, _v, w) => {
            const [row] = await w.sql(`SELECT result, links FROM "${w.schema('intake')}".handling_action WHERE id = $1`, [data['updateHandlingAction'].id]);
            expect(row).toEqual({ result: HOSTILE, links: ['https://example.vn/?q=<script>'] });
          },
        },
      },
    ],
  },

  updateRemovalRequest: {
    document: `mutation($i: UpdateRemovalRequestInput!) { updateRemovalRequest(input: $i) { id status } }`,
    cases: [
      {
        name: 'an action that is not a removal request',
        variables: (w) => ({ i: { actionId: w.plannedAction, requestReference: 'CV-1' } }),
        expect: BAD('actionId'),
        watch: (w) => caseView(w.actingCase),
      },
      { name: 'an unknown action', variables: () => ({ i: { actionId: NO_ID, requestReference: 'CV-1' } }), expect: refuse('NOT_FOUND') },
      {
        name: 'an outcome that does not exist',
        variables: (w) => ({ i: { actionId: w.plannedAction, outcome: 'VANISHED' } }),
        expect: BAD('outcome'),
        watch: (w) => caseView(w.actingCase),
      },
      {
        name: 'a reference over 200 characters',
        variables: (w) => ({ i: { actionId: w.plannedAction, requestReference: long(201) } }),
        expect: BAD('requestReference'),
        watch: (w) => caseView(w.actingCase),
      },
      { name: 'a NUL byte in the reference', variables: (w) => ({ i: { actionId: w.plannedAction, requestReference: NUL } }), expect: BAD('requestReference') },
      {
        name: 'an action of a closed case',
        variables: (w) => ({ i: { actionId: w.doneAction, requestReference: 'CV-1' } }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.closedCase),
      },
    ],
  },

  splitReport: {
    document: `mutation($c: ID!, $r: ID!, $why: String!) { splitReport(caseId: $c, reportId: $r, reason: $why) { newCase { id } } }`,
    cases: [
      {
        name: 'a report id that is not an id',
        variables: (w) => ({ c: w.openCase, r: HOSTILE, why: 'Nội dung khác' }),
        expect: BAD('reportId'),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'an unknown report',
        variables: (w) => ({ c: w.openCase, r: NO_ID, why: 'Nội dung khác' }),
        expect: refuse('NOT_FOUND', 'reportId'),
        watch: (w) => caseView(w.openCase),
      },
      { name: 'an unknown case', variables: () => ({ c: NO_ID, r: NO_ID, why: 'Nội dung khác' }), expect: refuse('NOT_FOUND') },
      { name: 'a blank reason', variables: (w) => ({ c: w.openCase, r: NO_ID, why: '  ' }), expect: BAD('reason'), watch: (w) => caseView(w.openCase) },
      {
        name: 'the only report of a case',
        variables: async (w) => ({
          c: w.openCase,
          r: ((await w.sql(`SELECT id FROM "${w.schema('intake')}".report WHERE case_id = $1`, [w.openCase]))[0] as Json)['id'],
          why: 'Nội dung khác',
        }),
        expect: refuse('INVALID_STATE', 'reportId'),
        watch: (w) => caseView(w.openCase),
      },
      {
        name: 'a decided case',
        variables: async (w) => ({
          c: w.actingCase,
          r: ((await w.sql(`SELECT id FROM "${w.schema('intake')}".report WHERE case_id = $1`, [w.actingCase]))[0] as Json)['id'],
          why: 'Nội dung khác',
        }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => caseView(w.actingCase),
      },
    ],
  },
};
