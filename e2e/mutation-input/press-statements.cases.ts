import { SeededUsers, type TestUser } from '@phoi-hop/testing';
import { NO_ID, HOSTILE, NUL, HOSTILE_10K, refuse, BAD, viewer, type Json, type MutationEntry, type Vars, type World } from './harness';

// Correction requests (Press Law 2016 Art. 42) and spokesperson statements (Đ6.6–6.7), press service.
// Fixtures are made on first use, through the API, by the lead agency (Sở TT&TT) and Báo Quảng Bình.

const baoqb: TestUser = { username: 'baoqb.officer', agencyCode: 'BAO_QB', roles: ['OFFICER'] };
const outsider = SeededUsers.donghoiOfficer;

const CORRECTION_FIELDS = `id status deadline overdueAt requestedText whatIsWrong answer { publishedUrl publishedAt refusalReasons late }`;
const STATEMENT_FIELDS = `id status title body claimReview { claim appearanceUrl firstAppearedOn rating } publishedAt withdrawnAt revisions { revision note }`;
const CORRECTION_VIEW = `query($id: ID!) { correctionRequest(id: $id) { ${CORRECTION_FIELDS} } }`;
const STATEMENT_VIEW = `query($id: ID!) { pressStatement(id: $id) { ${STATEMENT_FIELDS} } }`;
const correctionView = (id: string) => viewer(CORRECTION_VIEW, { id });
const statementView = (id: string) => viewer(STATEMENT_VIEW, { id });

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
const tomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

const correctionInput = (caseId: string, overrides: Vars = {}) => ({
  caseId,
  outletAgencyCode: 'BAO_QB',
  workTitle: 'Đập Rào Quán có nguy cơ vỡ',
  workSection: 'Thời sự',
  workPublishedOn: '2026-11-29',
  workUrl: 'https://baoquangbinh.vn/thoi-su/dap-rao-quan',
  whatIsWrong: 'Bài viết nói đập có nguy cơ vỡ, trong khi đập vẫn an toàn',
  falseContent: 'Đập Rào Quán đã nứt và có nguy cơ vỡ',
  correctedContent: 'Đập Rào Quán vận hành bình thường',
  requestedText: 'Báo Quảng Bình xin cải chính: đập Rào Quán vận hành an toàn, xin lỗi bạn đọc.',
  deadline: inHours(48),
  ...overrides,
});
const REVIEW = {
  claim: 'Đập thủy điện Rào Quán đã vỡ',
  appearanceUrl: 'https://facebook.com/trang-tin-gia/posts/1',
  firstAppearedOn: '2026-11-30',
  rating: 'FALSE',
};
const statementInput = (caseId: string, overrides: Vars = {}) => ({
  caseIds: [caseId],
  title: 'Thông tin về tin đồn vỡ đập Rào Quán',
  body: 'Thông tin đập Rào Quán bị vỡ là sai sự thật; đập vận hành bình thường.',
  claimReview: REVIEW,
  ...overrides,
});

const REQUEST = `mutation($i: RequestCorrectionInput!) { requestCorrection(input: $i) { correctionRequest { ${CORRECTION_FIELDS} } } }`;
const DRAFT = `mutation($i: DraftPressStatementInput!) { draftPressStatement(input: $i) { statement { ${STATEMENT_FIELDS} } } }`;

/** Fixtures made once, on first use. */
const once = <T>(make: (w: World) => Promise<T>) => {
  let made: Promise<T> | null = null;
  return (w: World) => (made ??= make(w));
};
const fixtureCase = once((w) => w.newCase(true));
const requested = once(async (w) => {
  const data = (await viewer(REQUEST, { i: correctionInput(await fixtureCase(w)) })) as Json;
  return data['requestCorrection'].correctionRequest.id as string;
});
const published = once(async (w) => {
  const data = (await viewer(REQUEST, { i: correctionInput(await fixtureCase(w), { workTitle: 'Bài đã được cải chính' }) })) as Json;
  const id = data['requestCorrection'].correctionRequest.id as string;
  await viewer(
    `mutation($i: PublishCorrectionInput!) { publishCorrection(input: $i) { correctionRequest { id } } }`,
    { i: { correctionId: id, publishedUrl: 'https://baoquangbinh.vn/cai-chinh/1', publishedAt: new Date().toISOString() } },
    baoqb,
  );
  return id;
});
const draftStatement = once(
  async (w) => ((await viewer(DRAFT, { i: statementInput(await fixtureCase(w)) })) as Json)['draftPressStatement'].statement.id as string,
);
const publishStatement = async (id: string) =>
  viewer(`mutation($i: PublishPressStatementInput!) { publishPressStatement(input: $i) { statement { id } } }`, { i: { statementId: id } });
const publishedStatement = once(async (w) => {
  const id = ((await viewer(DRAFT, { i: statementInput(await fixtureCase(w), { title: 'Thông cáo đã công bố' }) })) as Json)['draftPressStatement'].statement
    .id as string;
  await publishStatement(id);
  return id;
});
const withdrawnStatement = once(async (w) => {
  const id = ((await viewer(DRAFT, { i: statementInput(await fixtureCase(w), { title: 'Thông cáo đã thu hồi' }) })) as Json)['draftPressStatement'].statement
    .id as string;
  await publishStatement(id);
  await viewer(`mutation($i: WithdrawPressStatementInput!) { withdrawPressStatement(input: $i) { statement { id } } }`, {
    i: { statementId: id, reason: 'Đăng nhầm nội dung, đã thu hồi' },
  });
  return id;
});

export const PRESS_STATEMENT_MUTATIONS: Record<string, MutationEntry> = {
  requestCorrection: {
    document: REQUEST,
    cases: [
      { name: 'a blank work title', variables: async (w) => ({ i: correctionInput(await fixtureCase(w), { workTitle: ' \n ' }) }), expect: BAD('workTitle') },
      {
        name: 'an outlet that is not a press organ',
        variables: async (w) => ({ i: correctionInput(await fixtureCase(w), { outletAgencyCode: 'SYT' }) }),
        expect: BAD('outletAgencyCode'),
      },
      {
        name: 'an unknown outlet',
        variables: async (w) => ({ i: correctionInput(await fixtureCase(w), { outletAgencyCode: 'GHOST' }) }),
        expect: BAD('outletAgencyCode'),
      },
      {
        name: 'an outlet code that is not a code',
        variables: async (w) => ({ i: correctionInput(await fixtureCase(w), { outletAgencyCode: 'bao qb' }) }),
        expect: BAD('outletAgencyCode'),
      },
      {
        name: 'a deadline ten minutes away',
        variables: async (w) => ({ i: correctionInput(await fixtureCase(w), { deadline: inHours(1 / 6) }) }),
        expect: BAD('deadline'),
      },
      {
        name: 'a deadline that is not an instant',
        variables: async (w) => ({ i: correctionInput(await fixtureCase(w), { deadline: 'ngày mai' }) }),
        expect: BAD(),
      },
      {
        name: 'a work published in the future',
        variables: async (w) => ({ i: correctionInput(await fixtureCase(w), { workPublishedOn: tomorrow() }) }),
        expect: BAD('workPublishedOn'),
      },
      {
        name: 'a javascript: work address',
        variables: async (w) => ({ i: correctionInput(await fixtureCase(w), { workUrl: 'javascript:alert(1)' }) }),
        expect: BAD('workUrl'),
      },
      {
        name: 'a NUL byte in the requested text',
        variables: async (w) => ({ i: correctionInput(await fixtureCase(w), { requestedText: NUL }) }),
        expect: BAD('requestedText'),
      },
      {
        name: 'a requested text over 10,000 characters',
        variables: async (w) => ({ i: correctionInput(await fixtureCase(w), { requestedText: 'a'.repeat(10_001) }) }),
        expect: BAD('requestedText'),
      },
      {
        name: 'a case the caller does not see',
        as: outsider,
        variables: async (w) => ({ i: correctionInput(await fixtureCase(w)) }),
        expect: refuse('NOT_FOUND', 'caseId'),
      },
      { name: 'an unknown case', variables: () => ({ i: correctionInput(NO_ID) }), expect: refuse('NOT_FOUND', 'caseId') },
      {
        name: 'hostile texts of up to 10,000 characters, stored verbatim',
        variables: async (w) => ({ i: correctionInput(await fixtureCase(w), { requestedText: HOSTILE_10K, whatIsWrong: HOSTILE }) }),
        expect: {
          stored: async (data) => {
            const created = data['requestCorrection'].correctionRequest;
            expect(created).toMatchObject({ status: 'REQUESTED', requestedText: HOSTILE_10K, whatIsWrong: HOSTILE });
            expect(await correctionView(created.id)).toEqual({ correctionRequest: created });
          },
        },
      },
    ],
  },

  publishCorrection: {
    document: `mutation($i: PublishCorrectionInput!) { publishCorrection(input: $i) { correctionRequest { ${CORRECTION_FIELDS} } } }`,
    cases: [
      {
        name: 'by an agency that is not the outlet',
        variables: async (w) => ({
          i: { correctionId: await requested(w), publishedUrl: 'https://baoquangbinh.vn/cc', publishedAt: new Date().toISOString() },
        }),
        expect: refuse('FORBIDDEN'),
        watch: async (w) => correctionView(await requested(w)),
      },
      {
        name: 'a publication in the future',
        as: baoqb,
        variables: async (w) => ({ i: { correctionId: await requested(w), publishedUrl: 'https://baoquangbinh.vn/cc', publishedAt: inHours(3) } }),
        expect: BAD('publishedAt'),
        watch: async (w) => correctionView(await requested(w)),
      },
      {
        name: 'a published address that is not http(s)',
        as: baoqb,
        variables: async (w) => ({ i: { correctionId: await requested(w), publishedUrl: 'ftp://baoquangbinh.vn/cc', publishedAt: new Date().toISOString() } }),
        expect: BAD('publishedUrl'),
        watch: async (w) => correctionView(await requested(w)),
      },
      {
        name: 'a request already answered',
        as: baoqb,
        variables: async (w) => ({
          i: { correctionId: await published(w), publishedUrl: 'https://baoquangbinh.vn/cc-2', publishedAt: new Date().toISOString() },
        }),
        expect: refuse('INVALID_STATE'),
        watch: async (w) => correctionView(await published(w)),
      },
      {
        name: 'an unknown request',
        as: baoqb,
        variables: () => ({ i: { correctionId: NO_ID, publishedUrl: 'https://baoquangbinh.vn/cc', publishedAt: new Date().toISOString() } }),
        expect: refuse('NOT_FOUND', 'correctionId'),
      },
    ],
  },

  refuseCorrection: {
    document: `mutation($i: RefuseCorrectionInput!) { refuseCorrection(input: $i) { correctionRequest { ${CORRECTION_FIELDS} } } }`,
    cases: [
      {
        name: 'reasons too short',
        as: baoqb,
        variables: async (w) => ({ i: { correctionId: await requested(w), reasons: 'Không' } }),
        expect: BAD('reasons'),
        watch: async (w) => correctionView(await requested(w)),
      },
      {
        name: 'a request already published',
        as: baoqb,
        variables: async (w) => ({ i: { correctionId: await published(w), reasons: 'Bài viết đúng sự thật, có nguồn kiểm chứng' } }),
        expect: refuse('INVALID_STATE'),
        watch: async (w) => correctionView(await published(w)),
      },
      {
        name: 'by an agency not party to it',
        as: outsider,
        variables: async (w) => ({ i: { correctionId: await requested(w), reasons: 'Bài viết đúng sự thật, có nguồn kiểm chứng' } }),
        expect: refuse('NOT_FOUND', 'correctionId'),
        watch: async (w) => correctionView(await requested(w)),
      },
    ],
  },

  draftPressStatement: {
    document: DRAFT,
    cases: [
      { name: 'no case', variables: () => ({ i: statementInput(NO_ID, { caseIds: [] }) }), expect: BAD('caseIds') },
      { name: 'a case id that is not an id', variables: () => ({ i: statementInput("1'; DROP TABLE press_statement; --") }), expect: BAD('caseIds') },
      { name: 'a blank title', variables: async (w) => ({ i: statementInput(await fixtureCase(w), { title: '   ' }) }), expect: BAD('title') },
      { name: 'a body too short', variables: async (w) => ({ i: statementInput(await fixtureCase(w), { body: 'Ngắn' }) }), expect: BAD('body') },
      {
        name: 'a rating that does not exist',
        variables: async (w) => ({ i: statementInput(await fixtureCase(w), { claimReview: { ...REVIEW, rating: 'PANTS_ON_FIRE' } }) }),
        expect: BAD(),
      },
      {
        name: 'a claim that appeared at a javascript: address',
        variables: async (w) => ({ i: statementInput(await fixtureCase(w), { claimReview: { ...REVIEW, appearanceUrl: 'javascript:alert(1)' } }) }),
        expect: BAD('claimReview.appearanceUrl'),
      },
      {
        name: 'a claim from the future',
        variables: async (w) => ({ i: statementInput(await fixtureCase(w), { claimReview: { ...REVIEW, firstAppearedOn: tomorrow() } }) }),
        expect: BAD('claimReview.firstAppearedOn'),
      },
      {
        name: 'a case the caller does not see',
        as: outsider,
        variables: async (w) => ({ i: statementInput(await fixtureCase(w)) }),
        expect: refuse('NOT_FOUND', 'caseIds.0'),
      },
      {
        name: 'hostile text of 10,000 characters, stored verbatim',
        variables: async (w) => ({ i: statementInput(await fixtureCase(w), { title: HOSTILE, body: HOSTILE_10K }) }),
        expect: {
          stored: async (data) => {
            const created = data['draftPressStatement'].statement;
            expect(created).toMatchObject({ status: 'DRAFT', title: HOSTILE, body: HOSTILE_10K });
            expect(await statementView(created.id)).toEqual({ pressStatement: created });
          },
        },
      },
    ],
  },

  updatePressStatementDraft: {
    document: `mutation($i: UpdatePressStatementDraftInput!) { updatePressStatementDraft(input: $i) { statement { ${STATEMENT_FIELDS} } } }`,
    cases: [
      {
        name: 'another agency’s draft',
        as: outsider,
        variables: async (w) => ({ i: { statementId: await draftStatement(w), title: 'Tiêu đề của cơ quan khác' } }),
        expect: refuse('NOT_FOUND', 'statementId'),
        watch: async (w) => statementView(await draftStatement(w)),
      },
      {
        name: 'a published statement',
        variables: async (w) => ({ i: { statementId: await publishedStatement(w), title: 'Sửa sau khi công bố' } }),
        expect: refuse('INVALID_STATE'),
        watch: async (w) => statementView(await publishedStatement(w)),
      },
      {
        name: 'a change that changes nothing',
        variables: async (w) => ({ i: { statementId: await draftStatement(w) } }),
        expect: BAD('body'),
        watch: async (w) => statementView(await draftStatement(w)),
      },
      {
        name: 'a blank title',
        variables: async (w) => ({ i: { statementId: await draftStatement(w), title: ' ' } }),
        expect: BAD('title'),
        watch: async (w) => statementView(await draftStatement(w)),
      },
      {
        name: 'no case at all',
        variables: async (w) => ({ i: { statementId: await draftStatement(w), caseIds: [] } }),
        expect: BAD('caseIds'),
        watch: async (w) => statementView(await draftStatement(w)),
      },
      {
        name: 'hostile text, stored verbatim',
        variables: async (w) => ({
          i: { statementId: ((await viewer(DRAFT, { i: statementInput(await fixtureCase(w)) })) as Json)['draftPressStatement'].statement.id, title: HOSTILE },
        }),
        expect: {
          stored: async (data) => {
            const updated = data['updatePressStatementDraft'].statement;
            expect(updated).toMatchObject({ status: 'DRAFT', title: HOSTILE });
            expect(await statementView(updated.id)).toEqual({ pressStatement: updated });
          },
        },
      },
    ],
  },

  publishPressStatement: {
    document: `mutation($i: PublishPressStatementInput!) { publishPressStatement(input: $i) { statement { ${STATEMENT_FIELDS} } } }`,
    cases: [
      {
        name: 'another agency’s draft',
        as: outsider,
        variables: async (w) => ({ i: { statementId: await draftStatement(w) } }),
        expect: refuse('NOT_FOUND', 'statementId'),
        watch: async (w) => statementView(await draftStatement(w)),
      },
      {
        name: 'a statement already published',
        variables: async (w) => ({ i: { statementId: await publishedStatement(w) } }),
        expect: refuse('INVALID_STATE'),
        watch: async (w) => statementView(await publishedStatement(w)),
      },
      { name: 'an id that is not an id', variables: () => ({ i: { statementId: 'thong-cao-1' } }), expect: BAD('statementId') },
      { name: 'an unknown statement', variables: () => ({ i: { statementId: NO_ID } }), expect: refuse('NOT_FOUND', 'statementId') },
    ],
  },

  correctPressStatement: {
    document: `mutation($i: CorrectPressStatementInput!) { correctPressStatement(input: $i) { statement { ${STATEMENT_FIELDS} } } }`,
    cases: [
      {
        name: 'a draft',
        variables: async (w) => ({ i: { statementId: await draftStatement(w), body: 'Nội dung sửa lại cho bản dự thảo', note: 'Sửa nội dung dự thảo' } }),
        expect: refuse('INVALID_STATE'),
        watch: async (w) => statementView(await draftStatement(w)),
      },
      {
        name: 'a correction that changes nothing',
        variables: async (w) => ({ i: { statementId: await publishedStatement(w), note: 'Không thay đổi gì cả' } }),
        expect: BAD('body'),
        watch: async (w) => statementView(await publishedStatement(w)),
      },
      {
        name: 'a note too short',
        variables: async (w) => ({ i: { statementId: await publishedStatement(w), body: 'Nội dung đính chính đủ dài để hợp lệ', note: 'Sửa' } }),
        expect: BAD('note'),
        watch: async (w) => statementView(await publishedStatement(w)),
      },
      {
        name: 'another agency’s statement',
        as: outsider,
        variables: async (w) => ({
          i: { statementId: await publishedStatement(w), body: 'Nội dung đính chính đủ dài để hợp lệ', note: 'Đính chính của cơ quan khác' },
        }),
        expect: refuse('FORBIDDEN'),
        watch: async (w) => statementView(await publishedStatement(w)),
      },
      {
        name: 'a withdrawn statement',
        variables: async (w) => ({
          i: { statementId: await withdrawnStatement(w), body: 'Nội dung đính chính đủ dài để hợp lệ', note: 'Đính chính sau khi thu hồi' },
        }),
        expect: refuse('INVALID_STATE'),
        watch: async (w) => statementView(await withdrawnStatement(w)),
      },
    ],
  },

  withdrawPressStatement: {
    document: `mutation($i: WithdrawPressStatementInput!) { withdrawPressStatement(input: $i) { statement { ${STATEMENT_FIELDS} } } }`,
    cases: [
      {
        name: 'a statement already withdrawn',
        variables: async (w) => ({ i: { statementId: await withdrawnStatement(w), reason: 'Thu hồi thêm một lần nữa' } }),
        expect: refuse('INVALID_STATE'),
        watch: async (w) => statementView(await withdrawnStatement(w)),
      },
      {
        name: 'a draft',
        variables: async (w) => ({ i: { statementId: await draftStatement(w), reason: 'Thu hồi bản dự thảo chưa công bố' } }),
        expect: refuse('INVALID_STATE'),
        watch: async (w) => statementView(await draftStatement(w)),
      },
      {
        name: 'a reason too short',
        variables: async (w) => ({ i: { statementId: await publishedStatement(w), reason: 'Nhầm' } }),
        expect: BAD('reason'),
        watch: async (w) => statementView(await publishedStatement(w)),
      },
    ],
  },
};
