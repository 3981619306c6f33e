import { FLOOD_RUMOUR, SeededUsers, graphqlRequest, type GraphQLResponse, type TestUser } from '@phoi-hop/testing';
import { startPlatform, type Platform } from './support/platform';

const ME = `query { me { username agency { code } } }`;
const REFERENCE = `query { referenceData { categories { code name legalBases { code } } agencies { code name kind localityCode } } }`;
const LABELS = `query($names: [String!]) { enumLabels(names: $names) { name values { value label } } }`;
const QUEUE = `query($first: Int, $after: String) { workQueue(first: $first, after: $after) {
  totalCount edges { cursor node { kind caseId caseNumber owedBy { code } deadline actionId actionType consultationId } } pageInfo { hasNextPage endCursor } } }`;
const CASE = `query($id: ID!) { case(id: $id) { id number status viewerCan mergedInto reportCount
  access { agency { code } reasons { reason } }
  statusHistory { to }
  actions { id decisionId type assigneeAgencyCode status result links doneAt withheld removal { url platform sentAt outcome } } } }`;
const SUBMIT = `mutation($i: SubmitReportInput!) { submitReport(input: $i) { merged case { id number status } } }`;
const ACTION_FIELDS = `id decisionId type assigneeAgencyCode dueDate status details result links doneAt withheld removal { url platform legalBasis requestReference sentAt effectedAt outcome }`;
const UPDATE_ACTION = `mutation($i: UpdateHandlingActionInput!) { updateHandlingAction(input: $i) { ${ACTION_FIELDS} } }`;
const UPDATE_REMOVAL = `mutation($i: UpdateRemovalRequestInput!) { updateRemovalRequest(input: $i) { ${ACTION_FIELDS} } }`;
const TRAIL = `query($t: String!, $after: String) { auditTrail(targetId: $t, first: 4, after: $after) {
  totalCount edges { cursor node { service action } } pageInfo { hasNextPage endCursor } } }`;

interface WorkItem {
  kind: string;
  caseId: string;
  caseNumber: string;
  owedBy: { code: string };
  deadline: string | null;
  actionId: string | null;
  actionType: string | null;
  consultationId: string | null;
}
interface QueuePage {
  totalCount: number;
  edges: Array<{ node: WorkItem }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
interface HandlingAction {
  id: string | null;
  decisionId: string | null;
  type: string;
  assigneeAgencyCode: string;
  status: string | null;
  result: string | null;
  links: string[];
  doneAt: string | null;
  withheld: boolean;
  removal: { url: string; platform: string; sentAt: string | null; outcome: string | null } | null;
}
interface CaseView {
  id: string;
  number: string;
  status: string;
  viewerCan: string[];
  mergedInto: string | null;
  reportCount: number;
  access: Array<{ agency: { code: string }; reasons: Array<{ reason: string }> }>;
  statusHistory: Array<{ to: string }>;
  actions: HandlingAction[];
}
interface Reference {
  categories: Array<{ code: string; name: string; legalBases: Array<{ code: string }> }>;
  agencies: Array<{ code: string; name: string; kind: string; localityCode: string | null }>;
}

const congttdtOfficer: TestUser = { username: 'congttdt.officer', agencyCode: 'CONG_TTDT', roles: ['OFFICER'] };
const inDays = (days: number) => new Date(Date.now() + days * 86400_000);

/**
 * The whole regulation scenario played as a front end plays it, from what the schema offers alone:
 * categories, provisions and agencies come from referenceData, enum values from enumLabels, the
 * next step from the work queue and the case's viewerCan, ids from the answers. Report, merge,
 * triage, written consultation, decision, clarification, removal request, close; a grievance;
 * an outsider refused; an auditor reading the trail.
 */
describe('the regulation scenario through the schema alone', () => {
  let platform: Platform;
  const tokens: Record<string, string> = {};
  const agencyOf: Record<string, string> = {};
  let reference: Reference;
  let rumour: CaseView;
  let repost: CaseView;
  let consultationId: string;

  const call = <T>(query: string, variables: Record<string, unknown>, who: string): Promise<GraphQLResponse<T>> =>
    graphqlRequest<T>(platform.graphqlUrl, query, variables, tokens[who]);
  const gql = async <T>(query: string, variables: Record<string, unknown>, who: string): Promise<T> => {
    const result = await call<T>(query, variables, who);
    if (result.errors) throw new Error(`${who}: ${JSON.stringify(result.errors)}`);
    return result.data!;
  };
  const caseAs = async (id: string, who: string) => (await gql<{ case: CaseView }>(CASE, { id }, who)).case;
  /** Every item of the viewer's queue, page by page, as a front end lists it. */
  const queueOf = async (who: string): Promise<WorkItem[]> => {
    const items: WorkItem[] = [];
    let after: string | null = null;
    let total = -1;
    do {
      const page: { workQueue: QueuePage } = await gql<{ workQueue: QueuePage }>(QUEUE, { first: 2, after }, who);
      const { workQueue } = page;
      total = workQueue.totalCount;
      items.push(...workQueue.edges.map((e) => e.node));
      after = workQueue.pageInfo.hasNextPage ? workQueue.pageInfo.endCursor : null;
    } while (after);
    expect(items).toHaveLength(total);
    return items;
  };
  const owed = async (who: string, caseId: string, kind: string) => {
    const item = (await queueOf(who)).find((i) => i.caseId === caseId && i.kind === kind);
    if (!item) throw new Error(`${who} owes no ${kind} on ${caseId}`);
    return item;
  };
  const categoryNamed = (words: string) => {
    const found = reference.categories.find((c) => c.name.toLowerCase().includes(words));
    if (!found) throw new Error(`no category named like "${words}"`);
    return found;
  };
  const localityOf = (who: string) => reference.agencies.find((a) => a.code === agencyOf[who])!.localityCode;

  beforeAll(async () => {
    platform = await startPlatform();
    const users: Record<string, TestUser> = {
      coordinator: SeededUsers.stttLead,
      lethuy: SeededUsers.lethuyOfficer,
      donghoi: SeededUsers.donghoiOfficer,
      police: SeededUsers.caOfficer,
      portal: congttdtOfficer,
      outsider: SeededUsers.btgOfficer,
      auditor: SeededUsers.auditor,
    };
    for (const [who, user] of Object.entries(users)) tokens[who] = await platform.env.token(user);
    for (const who of Object.keys(users)) agencyOf[who] = (await gql<{ me: { agency: { code: string } } }>(ME, {}, who)).me.agency.code;
    reference = (await gql<{ referenceData: Reference }>(REFERENCE, {}, 'lethuy')).referenceData;
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('reports the rumour twice, and the coordinator merges the repost found in its triage queue', async () => {
    const panic = categoryNamed('gây hoang mang');
    const first = await gql<{ submitReport: { merged: boolean; case: { id: string } } }>(
      SUBMIT,
      {
        i: {
          url: 'https://www.facebook.com/groups/kiengiang.tin/posts/551100?fbclid=x1',
          excerpt: FLOOD_RUMOUR,
          categoryCode: panic.code,
          localityCode: localityOf('lethuy'),
        },
      },
      'lethuy',
    );
    const second = await gql<{ submitReport: { merged: boolean; case: { id: string } } }>(
      SUBMIT,
      {
        i: {
          url: 'https://zalo.me/g/lethuy-canhbao/7788',
          excerpt: 'Ảnh chụp màn hình lan truyền trên Zalo: thượng nguồn Kiến Giang vỡ đập, yêu cầu dân Lệ Thủy bỏ nhà chạy lên núi ngay trong đêm',
          categoryCode: panic.code,
          localityCode: localityOf('donghoi'),
        },
      },
      'donghoi',
    );
    expect([first.submitReport.merged, second.submitReport.merged]).toEqual([false, false]);
    const triage = (await queueOf('coordinator')).filter((i) => i.kind === 'TRIAGE').map((i) => i.caseId);
    expect(triage).toEqual(expect.arrayContaining([first.submitReport.case.id, second.submitReport.case.id]));

    repost = await caseAs(second.submitReport.case.id, 'coordinator');
    expect(repost.viewerCan).toContain('MERGE');
    // The answer is the case it went into; the repost is MERGED, pointing at it.
    const merged = await gql<{ mergeCases: { id: string; reportCount: number } }>(
      `mutation($c: ID!, $into: ID!, $r: String!) { mergeCases(caseId: $c, intoCaseId: $into, reason: $r) { id reportCount } }`,
      { c: repost.id, into: first.submitReport.case.id, r: 'Cùng một tin đồn vỡ đập, đăng lại trên Zalo' },
      'coordinator',
    );
    expect(merged.mergeCases).toEqual({ id: first.submitReport.case.id, reportCount: 2 });
    expect(await caseAs(repost.id, 'coordinator')).toMatchObject({ status: 'MERGED', mergedInto: first.submitReport.case.id });
    rumour = await caseAs(first.submitReport.case.id, 'coordinator');
    expect(rumour.reportCount).toBe(2);
    expect((await queueOf('coordinator')).filter((i) => i.caseId === repost.id)).toEqual([]);
  });

  it('triages the case and consults the participating agencies in writing; each answers from its queue', async () => {
    expect((await owed('coordinator', rumour.id, 'TRIAGE')).owedBy.code).toBe(agencyOf['coordinator']);
    expect(rumour.viewerCan).toContain('TRIAGE');
    await gql(`mutation($id: ID!) { triageCase(id: $id) { status } }`, { id: rumour.id }, 'coordinator');
    rumour = await caseAs(rumour.id, 'coordinator');
    expect(rumour.viewerCan).toEqual(expect.arrayContaining(['OPEN_CONSULTATION', 'DECIDE']));

    const participants = rumour.access.filter((a) => a.reasons.some((r) => r.reason === 'PARTICIPANT')).map((a) => a.agency.code);
    expect(participants).toContain(agencyOf['police']);
    const modes = (await gql<{ enumLabels: Array<{ values: Array<{ value: string }> }> }>(LABELS, { names: ['ConsultationMode'] }, 'coordinator'))
      .enumLabels[0]!;
    expect(modes.values.map((v) => v.value)).toContain('WRITTEN');
    const opened = await gql<{ openConsultation: { id: string; status: string } }>(
      `mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id status } }`,
      {
        i: {
          caseId: rumour.id,
          mode: 'WRITTEN',
          invitedAgencyCodes: participants,
          subject: 'Đề nghị cho ý kiến về việc đính chính và đề nghị gỡ tin vỡ đập Kiến Giang',
          proposedHandling: 'Đính chính trên Cổng TTĐT tỉnh, đề nghị nền tảng gỡ bài',
          deadline: inDays(3).toISOString(),
        },
      },
      'coordinator',
    );
    const positions = (await gql<{ enumLabels: Array<{ values: Array<{ value: string; label: string }> }> }>(LABELS, { names: ['OpinionPosition'] }, 'police'))
      .enumLabels[0]!.values;
    expect(positions.find((p) => p.value === 'AGREE')?.label).toBeTruthy();
    // Every invited agency finds the opinion it owes in its own queue and gives it.
    for (const code of participants) {
      const who = Object.keys(agencyOf).find((w) => agencyOf[w] === code);
      if (!who) throw new Error(`no user of ${code} in this scenario`);
      const opinion = await owed(who, rumour.id, 'OPINION');
      expect(opinion).toMatchObject({ consultationId: opened.openConsultation.id, owedBy: { code }, deadline: expect.any(String) });
      await gql(
        `mutation($i: SubmitOpinionInput!) { submitOpinion(input: $i) { id } }`,
        {
          i: { consultationId: opinion.consultationId, position: 'AGREE', reasoning: 'Đã xác minh: không có sự cố đập; đồng ý đính chính và đề nghị gỡ bài.' },
        },
        who,
      );
      expect((await queueOf(who)).filter((i) => i.caseId === rumour.id && i.kind === 'OPINION')).toEqual([]);
    }

    const portal = reference.agencies.find((a) => a.kind === 'PRESS_ORGAN' && a.name.startsWith('Cổng Thông tin điện tử'))!;
    const resolved = await gql<{ resolveConsultation: { status: string; resolution: { plan: HandlingAction[] } } }>(
      `mutation($i: ResolveConsultationInput!) { resolveConsultation(input: $i) { status resolution { plan { ${ACTION_FIELDS} } } } }`,
      {
        i: {
          consultationId: opened.openConsultation.id,
          summary: 'Thống nhất: thông tin sai sự thật; đính chính và đề nghị gỡ bài',
          plan: [
            { type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: portal.code, dueDate: inDays(2).toISOString().slice(0, 10) },
            { type: 'REQUEST_REMOVAL', assigneeAgencyCode: agencyOf['coordinator'], dueDate: inDays(2).toISOString().slice(0, 10) },
          ],
        },
      },
      'coordinator',
    );
    // A planned action is a handling action no decision has made yet: no id, decision or status.
    expect(resolved.resolveConsultation.resolution.plan).toEqual([
      expect.objectContaining({
        id: null,
        decisionId: null,
        status: null,
        type: 'PUBLISH_CLARIFICATION',
        assigneeAgencyCode: portal.code,
        links: [],
        withheld: false,
      }),
      expect.objectContaining({ id: null, decisionId: null, status: null, type: 'REQUEST_REMOVAL', removal: null }),
    ]);
    consultationId = opened.openConsultation.id;
  });

  it('decides with the category’s provisions in force, following the agreed plan; the answer holds the actions in full', async () => {
    expect((await owed('coordinator', rumour.id, 'DECIDE')).caseNumber).toBe(rumour.number);
    expect((await caseAs(rumour.id, 'coordinator')).viewerCan).toContain('DECIDE');
    const panic = categoryNamed('gây hoang mang');
    const decided = await gql<{ decideCase: { decision: { id: string; finding: string }; case: { status: string }; actions: HandlingAction[] } }>(
      `mutation($i: DecideCaseInput!) { decideCase(input: $i) { decision { id finding } case { status } actions { ${ACTION_FIELDS} } } }`,
      {
        i: {
          caseId: rumour.id,
          finding: 'FALSE',
          provisionCodes: panic.legalBases.map((b) => b.code),
          assessment: {
            isFactualClaim: true,
            verifiedFalseBy: agencyOf['lethuy'],
            isPublicInterestReporting: false,
            isGenuineGrievance: false,
            proportionality: 'Tin gây hoang mang trong mùa lũ; đính chính và gỡ bài là biện pháp tối thiểu',
            concludesNotProtected: true,
          },
          statementOfReasons: 'Công an tỉnh và UBND huyện Lệ Thủy xác minh: không có sự cố đập; thông tin sai sự thật gây hoang mang.',
          consultationId,
          actions: [],
        },
      },
      'coordinator',
    );
    const { decision, actions } = decided.decideCase;
    expect(decision.finding).toBe('FALSE');
    expect(decided.decideCase.case.status).toBe('ACTING');
    expect(actions.map((a) => [a.type, a.status, a.decisionId])).toEqual([
      ['PUBLISH_CLARIFICATION', 'PLANNED', decision.id],
      ['REQUEST_REMOVAL', 'PLANNED', decision.id],
    ]);
    // The request goes to the platform of the first report, at its canonical link (no tracking parameters).
    expect(actions[1]!.removal).toMatchObject({
      platform: 'FACEBOOK',
      url: expect.stringContaining('/groups/kiengiang.tin/posts/551100'),
      sentAt: null,
      outcome: null,
    });
    expect(actions[1]!.removal!.url).not.toContain('fbclid');
  });

  it('the portal publishes the clarification from its queue; a too-short result is refused with the rule’s parameters', async () => {
    const item = await owed('portal', rumour.id, 'HANDLING_ACTION');
    expect(item.actionType).toBe('PUBLISH_CLARIFICATION');
    expect((await caseAs(rumour.id, 'portal')).viewerCan).toEqual(['UPDATE_HANDLING_ACTION']);
    const short = await call(UPDATE_ACTION, { i: { actionId: item.actionId, status: 'DONE', result: 'Xong' } }, 'portal');
    expect(short.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'result', rule: 'minLength', min: 10 });
    const tooMany = await call(UPDATE_ACTION, { i: { actionId: item.actionId, status: 'IN_PROGRESS', links: Array(21).fill('https://a.vn/x') } }, 'portal');
    expect(tooMany.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'links', rule: 'arrayMaxSize', max: 20 });
    const done = await gql<{ updateHandlingAction: HandlingAction }>(
      UPDATE_ACTION,
      {
        i: {
          actionId: item.actionId,
          status: 'DONE',
          result: 'Đã đăng tin đính chính trên Cổng Thông tin điện tử tỉnh',
          links: ['https://quangbinh.gov.vn/dinh-chinh-tin-vo-dap'],
        },
      },
      'portal',
    );
    expect(done.updateHandlingAction).toMatchObject({
      id: item.actionId,
      type: 'PUBLISH_CLARIFICATION',
      status: 'DONE',
      result: 'Đã đăng tin đính chính trên Cổng Thông tin điện tử tỉnh',
      links: ['https://quangbinh.gov.vn/dinh-chinh-tin-vo-dap'],
      doneAt: expect.any(String),
      withheld: false,
    });
  });

  it('the coordinator records the removal request to the platform’s answer, then closes the case', async () => {
    const item = await owed('coordinator', rumour.id, 'HANDLING_ACTION');
    expect(item.actionType).toBe('REQUEST_REMOVAL');
    const sentAt = new Date().toISOString();
    const sent = await gql<{ updateRemovalRequest: HandlingAction }>(
      UPDATE_REMOVAL,
      { i: { actionId: item.actionId, requestReference: '245/STTTT-TTĐT', sentAt } },
      'coordinator',
    );
    expect(sent.updateRemovalRequest).toMatchObject({ id: item.actionId, status: 'IN_PROGRESS', removal: { requestReference: '245/STTTT-TTĐT', sentAt } });
    const outcomes = (await gql<{ enumLabels: Array<{ values: Array<{ value: string }> }> }>(LABELS, { names: ['RemovalOutcome'] }, 'coordinator'))
      .enumLabels[0]!;
    expect(outcomes.values.map((v) => v.value)).toContain('REMOVED');
    const answered = await gql<{ updateRemovalRequest: HandlingAction }>(
      UPDATE_REMOVAL,
      { i: { actionId: item.actionId, outcome: 'REMOVED', effectedAt: new Date().toISOString() } },
      'coordinator',
    );
    expect(answered.updateRemovalRequest.removal).toMatchObject({ outcome: 'REMOVED', effectedAt: expect.any(String) });
    await gql(UPDATE_ACTION, { i: { actionId: item.actionId, status: 'DONE', result: 'Nền tảng đã gỡ bài viết theo đề nghị của Sở' } }, 'coordinator');

    const before = await caseAs(rumour.id, 'coordinator');
    expect(before.actions.every((a) => a.status === 'DONE')).toBe(true);
    expect(before.viewerCan).toContain('CLOSE');
    const closed = await gql<{ closeCase: { status: string } }>(
      `mutation($id: ID!, $o: String!) { closeCase(id: $id, outcome: $o) { status } }`,
      { id: rumour.id, o: 'Đã đính chính và gỡ bài; tin đồn không còn lan truyền' },
      'coordinator',
    );
    expect(closed.closeCase.status).toBe('CLOSED');
    const after = await caseAs(rumour.id, 'coordinator');
    const history = after.statusHistory.map((s) => s.to);
    expect(history.filter((to) => ['OPEN', 'IN_CONSULTATION', 'DECIDED', 'ACTING', 'CLOSED'].includes(to))).toEqual([
      'OPEN',
      'IN_CONSULTATION',
      'DECIDED',
      'ACTING',
      'CLOSED',
    ]);
    expect(history).toContain('TRIAGED');
    expect(after.viewerCan).not.toContain('CLOSE');
  });

  it('a citizen grievance is resolved by the locality, never restricted', async () => {
    const grievance = categoryNamed('phản ánh, kiến nghị');
    const reported = await gql<{ submitReport: { case: { id: string } } }>(
      SUBMIT,
      {
        i: {
          url: 'https://www.facebook.com/dongHoi.phananh/posts/3030',
          excerpt: 'Người dân phường Đồng Phú phản ánh đèn đường hỏng hai tháng chưa được thay, ban đêm rất nguy hiểm',
          categoryCode: grievance.code,
          localityCode: localityOf('donghoi'),
        },
      },
      'donghoi',
    );
    const caseId = reported.submitReport.case.id;
    await owed('coordinator', caseId, 'TRIAGE');
    await gql(`mutation($id: ID!) { triageCase(id: $id) { status } }`, { id: caseId }, 'coordinator');
    const dueDate = inDays(14).toISOString().slice(0, 10);
    const decide = (type: string) =>
      call<{ decideCase: { actions: HandlingAction[] } }>(
        `mutation($i: DecideCaseInput!) { decideCase(input: $i) { actions { id type assigneeAgencyCode } } }`,
        {
          i: {
            caseId,
            finding: 'GRIEVANCE',
            provisionCodes: [],
            statementOfReasons: 'Đèn đường hỏng là có thật; đây là phản ánh chính đáng cần được giải quyết (Đ7.2).',
            actions: [{ type, assigneeAgencyCode: agencyOf['donghoi'], dueDate }],
          },
        },
        'coordinator',
      );
    expect((await decide('REQUEST_REMOVAL')).errors?.[0]?.extensions).toMatchObject({ code: 'RESTRICTIVE_ACTION_NOT_GROUNDED' });
    const resolved = await decide('RESOLVE_GRIEVANCE');
    expect(resolved.errors).toBeUndefined();
    const item = await owed('donghoi', caseId, 'HANDLING_ACTION');
    expect(item).toMatchObject({ actionType: 'RESOLVE_GRIEVANCE', owedBy: { code: agencyOf['donghoi'] } });
    await gql(UPDATE_ACTION, { i: { actionId: item.actionId, status: 'DONE', result: 'Đã thay toàn bộ đèn đường phường Đồng Phú' } }, 'donghoi');
    await gql(
      `mutation($id: ID!, $o: String!) { closeCase(id: $id, outcome: $o) { status } }`,
      { id: caseId, o: 'Phản ánh đã được giải quyết' },
      'coordinator',
    );
    expect((await caseAs(caseId, 'donghoi')).status).toBe('CLOSED');
  });

  it('refuses an outsider: it neither finds the case nor touches its actions', async () => {
    expect(rumour.access.map((a) => a.agency.code)).not.toContain(agencyOf['outsider']);
    expect((await gql<{ case: CaseView | null }>(CASE, { id: rumour.id }, 'outsider')).case).toBeNull();
    const found = await gql<{ cases: { totalCount: number; edges: unknown[] } }>(
      `query($f: CaseFilterInput) { cases(filter: $f) { totalCount edges { cursor } } }`,
      { f: { text: rumour.number } },
      'outsider',
    );
    expect(found.cases).toEqual({ totalCount: 0, edges: [] });
    const actionId = (await caseAs(rumour.id, 'coordinator')).actions[0]!.id;
    const touched = await call(UPDATE_ACTION, { i: { actionId, status: 'IN_PROGRESS' } }, 'outsider');
    expect(touched.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'actionId' });
    expect((await queueOf('outsider')).filter((i) => i.caseId === rumour.id)).toEqual([]);
  });

  it('lets an auditor read the whole trail of the case, page by page, and change nothing', async () => {
    const seen: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    do {
      const page: {
        auditTrail: { totalCount: number; edges: Array<{ node: { action: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      } = await gql(TRAIL, { t: rumour.id, after }, 'auditor');
      totals.add(page.auditTrail.totalCount);
      seen.push(...page.auditTrail.edges.map((e) => e.node.action));
      after = page.auditTrail.pageInfo.hasNextPage ? page.auditTrail.pageInfo.endCursor : null;
    } while (after);
    expect([...totals]).toEqual([seen.length]);
    expect(seen).toEqual(expect.arrayContaining(['case.opened', 'case.merged-into', 'case.decided', 'action.updated', 'action.removal-updated']));
    const bad = await call(TRAIL, { t: rumour.id, after: 'bm90LWEtY3Vyc29y' }, 'auditor');
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const write = await call(`mutation($id: ID!) { reopenCase(id: $id, reason: "Kiểm toán thử") { status } }`, { id: rumour.id }, 'auditor');
    expect(write.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
