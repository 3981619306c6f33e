import { SeededUsers } from '@phoi-hop/testing';
import { BAD, HOSTILE, NO_ID, NUL, long, pressComplaintInput, refuse, viewer, type MutationEntry } from './harness';

const COMPLAINT_VIEW = `query($id: ID!) { pressComplaint(id: $id) { id status ruleCodes account replies { text } rulings { outcome } appeals { decision } } }`;
const complaintView = (id: string) => viewer(COMPLAINT_VIEW, { id }, SeededUsers.hnbOfficer);
const FILE = `mutation($i: FilePressComplaintInput!) { filePressComplaint(input: $i) { id status account byline: article { byline } } }`;
const tomorrow = () => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
const ruling = (complaintId: string, overrides: Record<string, unknown> = {}) => ({
  i: { complaintId, outcome: 'NO_VIOLATION', ruleCodes: ['DDNB_2017_D2'], reasons: 'Bài viết đã kiểm chứng nguồn tin; không vi phạm.', ...overrides },
});
const appeal = (complaintId: string, overrides: Record<string, unknown> = {}) => ({
  i: { complaintId, party: 'COMPLAINANT', grounds: ['PROCEDURAL_ERROR'], statement: 'Hội đồng chưa xem xét phản hồi của cơ quan khiếu nại.', ...overrides },
});
const decision = (complaintId: string, overrides: Record<string, unknown> = {}) => ({
  i: { complaintId, decision: 'UPHELD', reasons: 'Kết luận của Hội đồng có căn cứ, giữ nguyên.', ...overrides },
});

/** Press-ethics complaints, replies, rulings and appeals (press, Đ6.3). */
export const PRESS_MUTATIONS: Record<string, MutationEntry> = {
  filePressComplaint: {
    document: FILE,
    cases: [
      {
        name: 'a javascript: article address',
        as: SeededUsers.btgOfficer,
        variables: () => ({ i: pressComplaintInput({ articleUrl: 'javascript:alert(1)' }) }),
        expect: BAD('articleUrl'),
      },
      {
        name: 'a journalist e-mail that is not one',
        as: SeededUsers.btgOfficer,
        variables: () => ({ i: pressComplaintInput({ journalistEmail: 'phong-vien' }) }),
        expect: BAD('journalistEmail'),
      },
      {
        name: 'a rule that does not exist',
        as: SeededUsers.btgOfficer,
        variables: () => ({ i: pressComplaintInput({ ruleCodes: ['DDNB_2017_D99'] }) }),
        expect: BAD('ruleCodes'),
      },
      {
        name: 'a rule code that is not a code',
        as: SeededUsers.btgOfficer,
        variables: () => ({ i: pressComplaintInput({ ruleCodes: ["x'; DROP TABLE press_complaint; --"] }) }),
        expect: BAD('ruleCodes'),
      },
      {
        name: 'a publication date in the future',
        as: SeededUsers.btgOfficer,
        variables: () => ({ i: pressComplaintInput({ publicationDate: tomorrow() }) }),
        expect: BAD('publicationDate'),
      },
      {
        name: 'a publication date that does not exist',
        as: SeededUsers.btgOfficer,
        variables: () => ({ i: pressComplaintInput({ publicationDate: '2026-02-30' }) }),
        expect: BAD('publicationDate'),
      },
      {
        name: 'an account too short to say anything',
        as: SeededUsers.btgOfficer,
        variables: () => ({ i: pressComplaintInput({ account: 'sai' }) }),
        expect: BAD('account'),
      },
      {
        name: 'a NUL byte in the account',
        as: SeededUsers.btgOfficer,
        variables: () => ({ i: pressComplaintInput({ account: NUL }) }),
        expect: BAD('account'),
      },
      {
        name: 'an account over 10,000 characters',
        as: SeededUsers.btgOfficer,
        variables: () => ({ i: pressComplaintInput({ account: long(10_001) }) }),
        expect: BAD('account'),
      },
      {
        name: 'an editor e-mail without the editor’s name',
        as: SeededUsers.btgOfficer,
        variables: () => ({ i: pressComplaintInput({ editorEmail: 'tbt@baoquangbinh.vn' }) }),
        expect: BAD('editorName'),
      },
      {
        name: 'a case the caller may not see',
        as: SeededUsers.sytOfficer,
        variables: (w) => ({ i: pressComplaintInput({ caseId: w.openCase }) }),
        expect: refuse('NOT_FOUND', 'caseId'),
      },
      {
        name: 'a leader (not an agency that handles cases)',
        as: SeededUsers.leader,
        variables: () => ({ i: pressComplaintInput() }),
        expect: refuse('FORBIDDEN'),
      },
      {
        name: 'a hostile account and byline, stored verbatim',
        as: SeededUsers.btgOfficer,
        variables: () => ({ i: pressComplaintInput({ account: HOSTILE, byline: HOSTILE.slice(0, 300) }) }),
        expect: {
          stored: (data) => {
            expect(data['filePressComplaint']).toMatchObject({ status: 'AWAITING_REPLY', account: HOSTILE, byline: { byline: HOSTILE.slice(0, 300) } });
          },
        },
      },
    ],
  },

  completePressComplaint: {
    document: `mutation($i: CompletePressComplaintInput!) { completePressComplaint(input: $i) { id status } }`,
    cases: [
      { name: 'an unknown complaint', variables: () => ({ i: { complaintId: NO_ID, ...pressComplaintInput() } }), expect: refuse('NOT_FOUND', 'complaintId') },
      {
        name: 'a complaint id that is not an id',
        variables: () => ({ i: { complaintId: 'khieu-nai-1', ...pressComplaintInput() } }),
        expect: BAD('complaintId'),
      },
      {
        name: 'a complaint that has its details already',
        as: SeededUsers.btgOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, ...pressComplaintInput() } }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => complaintView(w.pressAwaiting),
      },
      {
        name: 'an agency that is neither the complainant nor the press association',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { complaintId: w.pressIncomplete, ...pressComplaintInput() } }),
        expect: refuse('FORBIDDEN'),
        watch: (w) => complaintView(w.pressIncomplete),
      },
      {
        name: 'a journalist e-mail that is not one',
        variables: (w) => ({ i: { complaintId: w.pressIncomplete, ...pressComplaintInput({ journalistEmail: 'a@' }) } }),
        expect: BAD('journalistEmail'),
        watch: (w) => complaintView(w.pressIncomplete),
      },
    ],
  },

  replyToPressComplaint: {
    document: `mutation($i: ReplyToPressComplaintInput!) { replyToPressComplaint(input: $i) { id status } }`,
    cases: [
      {
        name: 'a reply too short to say anything',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, text: 'Không' } }),
        expect: BAD('text'),
      },
      {
        name: 'an attachment that is not an http(s) address',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, text: 'Phản hồi của Báo Quảng Bình.', attachmentUrls: ['file:///etc/passwd'] } }),
        expect: BAD('attachmentUrls'),
      },
      {
        name: 'an agency that is not the outlet',
        as: SeededUsers.btgOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, text: 'Phản hồi thay cho cơ quan báo chí.' } }),
        expect: refuse('FORBIDDEN'),
        watch: (w) => complaintView(w.pressAwaiting),
      },
      {
        name: 'a complaint already ruled on',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressRuled, text: 'Phản hồi sau khi đã có kết luận.' } }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => complaintView(w.pressRuled),
      },
      {
        name: 'an unknown complaint',
        as: SeededUsers.baoqbOfficer,
        variables: () => ({ i: { complaintId: NO_ID, text: 'Phản hồi của Báo Quảng Bình.' } }),
        expect: refuse('NOT_FOUND'),
      },
      {
        name: 'an attachment id that is not an id',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, text: 'Phản hồi của Báo Quảng Bình.', attachmentIds: ['../../etc/passwd'] } }),
        expect: BAD('attachmentIds'),
      },
      {
        name: 'the same attachment twice',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, text: 'Phản hồi của Báo Quảng Bình.', attachmentIds: [NO_ID, NO_ID] } }),
        expect: BAD('attachmentIds'),
      },
      {
        name: 'more than 20 attachments',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => ({
          i: {
            complaintId: w.pressAwaiting,
            text: 'Phản hồi của Báo Quảng Bình.',
            attachmentIds: Array.from({ length: 21 }, (_, n) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`),
          },
        }),
        expect: BAD('attachmentIds'),
      },
      {
        name: 'an attachment nobody uploaded for this complaint',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, text: 'Phản hồi của Báo Quảng Bình.', attachmentIds: [NO_ID] } }),
        expect: BAD('attachmentIds'),
        watch: (w) => complaintView(w.pressAwaiting),
      },
    ],
  },

  requestPressReplyUpload: {
    document: `mutation($i: RequestPressReplyUploadInput!) { requestPressReplyUpload(input: $i) { uploadUrl maxFileBytes } }`,
    cases: [
      {
        name: 'a path as the file name',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, fileName: '../../etc/passwd' } }),
        expect: BAD('fileName'),
      },
      {
        name: 'a control character in the file name',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, fileName: 'giai-trinh\u0000.pdf' } }),
        expect: BAD('fileName'),
      },
      {
        name: 'a file name over 255 characters',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, fileName: `${'a'.repeat(256)}.pdf` } }),
        expect: BAD('fileName'),
      },
      {
        name: 'an empty file name',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, fileName: '' } }),
        expect: BAD('fileName'),
      },
      {
        name: 'an agency that is not the outlet',
        as: SeededUsers.btgOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, fileName: 'giai-trinh.pdf' } }),
        expect: refuse('FORBIDDEN'),
      },
      {
        name: 'a complaint already ruled on',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressRuled, fileName: 'giai-trinh.pdf' } }),
        expect: refuse('INVALID_STATE'),
      },
      {
        name: 'an unknown complaint',
        as: SeededUsers.baoqbOfficer,
        variables: () => ({ i: { complaintId: NO_ID, fileName: 'giai-trinh.pdf' } }),
        expect: refuse('NOT_FOUND'),
      },
    ],
  },

  issuePressRuling: {
    document: `mutation($i: IssuePressRulingInput!) { issuePressRuling(input: $i) { id status } }`,
    cases: [
      {
        name: 'a ruling before the reply or the end of the window',
        as: SeededUsers.hnbOfficer,
        variables: (w) => ruling(w.pressAwaiting),
        expect: refuse('REPLY_WINDOW_OPEN'),
        watch: (w) => complaintView(w.pressAwaiting),
      },
      {
        name: 'a ruling that cites no rule',
        as: SeededUsers.hnbOfficer,
        variables: (w) => ruling(w.pressAwaiting, { ruleCodes: [] }),
        expect: BAD('ruleCodes'),
      },
      { name: 'an outcome that does not exist', as: SeededUsers.hnbOfficer, variables: (w) => ruling(w.pressAwaiting, { outcome: 'BAN' }), expect: BAD() },
      {
        name: 'reasons too short to explain',
        as: SeededUsers.hnbOfficer,
        variables: (w) => ruling(w.pressAwaiting, { reasons: 'Vi phạm' }),
        expect: BAD('reasons'),
      },
      { name: 'a coordinator (not the ethics board)', variables: (w) => ruling(w.pressAwaiting), expect: refuse('FORBIDDEN') },
      {
        name: 'a complaint already ruled on',
        as: SeededUsers.hnbReviewer,
        variables: (w) => ruling(w.pressRuled),
        expect: refuse('INVALID_STATE'),
        watch: (w) => complaintView(w.pressRuled),
      },
    ],
  },

  reissuePressReplyLink: {
    document: `mutation($i: ReissuePressReplyLinkInput!) { reissuePressReplyLink(input: $i) { id status } }`,
    cases: [
      {
        name: 'a recipient who is neither the journalist nor the editor',
        as: SeededUsers.hnbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, recipientRole: 'OWNER', reason: 'Thư bị thất lạc' } }),
        expect: BAD(),
      },
      {
        name: 'no reason given',
        as: SeededUsers.hnbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, recipientRole: 'JOURNALIST', reason: ' ' } }),
        expect: BAD('reason'),
      },
      {
        name: 'a complaint already ruled on',
        as: SeededUsers.hnbOfficer,
        variables: (w) => ({ i: { complaintId: w.pressRuled, recipientRole: 'JOURNALIST', reason: 'Thư bị thất lạc' } }),
        expect: refuse('INVALID_STATE'),
        watch: (w) => complaintView(w.pressRuled),
      },
      {
        name: 'a coordinator (not the ethics board)',
        variables: (w) => ({ i: { complaintId: w.pressAwaiting, recipientRole: 'JOURNALIST', reason: 'Thư bị thất lạc' } }),
        expect: refuse('FORBIDDEN'),
      },
      {
        name: 'an unknown complaint',
        as: SeededUsers.hnbOfficer,
        variables: () => ({ i: { complaintId: NO_ID, recipientRole: 'JOURNALIST', reason: 'Thư bị thất lạc' } }),
        expect: refuse('NOT_FOUND'),
      },
    ],
  },

  lodgePressAppeal: {
    document: `mutation($i: LodgePressAppealInput!) { lodgePressAppeal(input: $i) { id status } }`,
    cases: [
      { name: 'an appeal on no ground', as: SeededUsers.btgOfficer, variables: (w) => appeal(w.pressRuled, { grounds: [] }), expect: BAD('grounds') },
      { name: 'a ground that does not exist', as: SeededUsers.btgOfficer, variables: (w) => appeal(w.pressRuled, { grounds: ['DISLIKE'] }), expect: BAD() },
      { name: 'a statement too short', as: SeededUsers.btgOfficer, variables: (w) => appeal(w.pressRuled, { statement: 'Sai' }), expect: BAD('statement') },
      {
        name: 'an appeal before any ruling',
        as: SeededUsers.btgOfficer,
        variables: (w) => appeal(w.pressAwaiting),
        expect: refuse('INVALID_STATE'),
        watch: (w) => complaintView(w.pressAwaiting),
      },
      {
        name: 'the complainant appealing as the respondent',
        as: SeededUsers.btgOfficer,
        variables: (w) => appeal(w.pressRuled, { party: 'RESPONDENT' }),
        expect: refuse('FORBIDDEN', 'party'),
        watch: (w) => complaintView(w.pressRuled),
      },
      {
        name: 'a second appeal while one is heard',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => appeal(w.pressAppealed, { party: 'RESPONDENT' }),
        expect: refuse('INVALID_STATE'),
      },
    ],
  },

  decidePressAppeal: {
    document: `mutation($i: DecidePressAppealInput!) { decidePressAppeal(input: $i) { id status } }`,
    cases: [
      {
        name: 'the member who ruled hearing the appeal',
        as: SeededUsers.hnbOfficer,
        variables: (w) => decision(w.pressAppealed),
        expect: refuse('FORBIDDEN'),
        watch: (w) => complaintView(w.pressAppealed),
      },
      {
        name: 'an overturned ruling without its replacement',
        as: SeededUsers.hnbReviewer,
        variables: (w) => decision(w.pressAppealed, { decision: 'OVERTURNED' }),
        expect: BAD('substitutedOutcome'),
      },
      {
        name: 'a replacement for a ruling that is upheld',
        as: SeededUsers.hnbReviewer,
        variables: (w) => decision(w.pressAppealed, { substitutedOutcome: 'WARNING' }),
        expect: BAD('substitutedOutcome'),
      },
      { name: 'reasons too short', as: SeededUsers.hnbReviewer, variables: (w) => decision(w.pressAppealed, { reasons: 'Đồng ý' }), expect: BAD('reasons') },
      { name: 'a complaint with no appeal', as: SeededUsers.hnbReviewer, variables: (w) => decision(w.pressRuled), expect: refuse('INVALID_STATE') },
      {
        name: 'an officer of the outlet (not the ethics board)',
        as: SeededUsers.baoqbOfficer,
        variables: (w) => decision(w.pressAppealed),
        expect: refuse('FORBIDDEN'),
      },
    ],
  },
};
