import { SeededUsers } from '@phoi-hop/testing';
import {
  NO_ID,
  yesterday,
  HOSTILE,
  NUL,
  long,
  HOSTILE_10K,
  refuse,
  BAD,
  viewer,
  ADD_EXCERPT,
  itemView,
  SOURCE_VIEW,
  INDICATOR_VIEW,
  type MutationEntry,
} from './harness';

/** Evidence items, legal holds, packages, public sources and police referrals (evidence). */
export const EVIDENCE_MUTATIONS: Record<string, MutationEntry> = {
  addTextExcerpt: {
    document: ADD_EXCERPT,
    cases: [
      { name: 'an empty text', as: SeededUsers.lethuyOfficer, variables: (w) => ({ i: { caseId: w.evidenceCase, text: '' } }), expect: BAD('text') },
      { name: 'a blank text', as: SeededUsers.lethuyOfficer, variables: (w) => ({ i: { caseId: w.evidenceCase, text: ' \n\t ' } }), expect: BAD('text') },
      { name: 'a NUL byte in the text', as: SeededUsers.lethuyOfficer, variables: (w) => ({ i: { caseId: w.evidenceCase, text: NUL } }), expect: BAD('text') },
      {
        name: 'a text over 100,000 characters',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { caseId: w.evidenceCase, text: 'a'.repeat(100_001) } }),
        expect: BAD('text'),
      },
      {
        name: 'a javascript: source',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { caseId: w.evidenceCase, text: 'Trích đoạn', sourceUrl: 'javascript:alert(1)' } }),
        expect: BAD('sourceUrl'),
      },
      {
        name: 'a case id that is not an id',
        as: SeededUsers.lethuyOfficer,
        variables: () => ({ i: { caseId: "1'; DROP TABLE evidence_item; --", text: 'Trích đoạn' } }),
        expect: BAD('caseId'),
      },
      {
        name: 'an unknown case',
        as: SeededUsers.lethuyOfficer,
        variables: () => ({ i: { caseId: NO_ID, text: 'Trích đoạn' } }),
        expect: refuse('NOT_FOUND', 'caseId'),
      },
      {
        name: 'a case the caller may not see',
        as: SeededUsers.donghoiOfficer,
        variables: (w) => ({ i: { caseId: w.evidenceCase, text: 'Trích đoạn' } }),
        expect: refuse('NOT_FOUND', 'caseId'),
      },
      {
        name: 'a hostile text of 10,000 characters, stored verbatim',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { caseId: w.evidenceCase, text: HOSTILE_10K, note: HOSTILE } }),
        expect: {
          stored: async (data) => {
            expect(data['addTextExcerpt']).toMatchObject({
              kind: 'TEXT_EXCERPT',
              sizeBytes: Buffer.byteLength(HOSTILE_10K),
              mimeType: 'text/plain; charset=utf-8',
              note: HOSTILE,
              contentWithheld: false,
            });
            const content = await viewer(
              `query($i: ID!) { evidenceContent(itemId: $i) { text } }`,
              { i: data['addTextExcerpt'].id },
              SeededUsers.lethuyOfficer,
            );
            expect(content).toEqual({ evidenceContent: { text: HOSTILE_10K } });
          },
        },
      },
    ],
  },

  editPublicSource: {
    document: `mutation($i: EditPublicSourceInput!) { editPublicSource(input: $i) { id kind displayName } }`,
    cases: [
      {
        name: 'a kind that does not exist',
        variables: (w) => ({ i: { sourceId: w.publicSource, kind: 'PERSON' } }),
        expect: BAD(),
        watch: (w) => viewer(SOURCE_VIEW, { c: w.openCase }),
      },
      {
        name: 'a NUL byte in the display name',
        variables: (w) => ({ i: { sourceId: w.publicSource, displayName: NUL } }),
        expect: BAD('displayName'),
        watch: (w) => viewer(SOURCE_VIEW, { c: w.openCase }),
      },
      {
        name: 'a blank display name',
        variables: (w) => ({ i: { sourceId: w.publicSource, displayName: '   ' } }),
        expect: BAD('displayName'),
        watch: (w) => viewer(SOURCE_VIEW, { c: w.openCase }),
      },
      {
        name: 'a display name over 200 characters',
        variables: (w) => ({ i: { sourceId: w.publicSource, displayName: long(201) } }),
        expect: BAD('displayName'),
      },
      { name: 'a field for a phone number', variables: (w) => ({ i: { sourceId: w.publicSource, phoneNumber: '0912345678' } }), expect: BAD() },
      { name: 'a field for a real name', variables: (w) => ({ i: { sourceId: w.publicSource, realName: 'Nguyễn Văn A' } }), expect: BAD() },
      { name: 'an unknown source', variables: () => ({ i: { sourceId: NO_ID, displayName: 'Trang không có' } }), expect: refuse('NOT_FOUND', 'sourceId') },
      {
        name: 'by an officer',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { sourceId: w.publicSource, displayName: 'Cán bộ không có quyền sửa' } }),
        expect: refuse('FORBIDDEN'),
        watch: (w) => viewer(SOURCE_VIEW, { c: w.openCase }),
      },
      {
        name: 'a hostile display name, stored verbatim',
        variables: (w) => ({ i: { sourceId: w.publicSource, kind: 'WEBSITE', displayName: HOSTILE.slice(0, 200) } }),
        expect: {
          stored: (data) => {
            expect(data['editPublicSource']).toMatchObject({ kind: 'WEBSITE', displayName: HOSTILE.slice(0, 200) });
          },
        },
      },
    ],
  },

  requestEvidenceUpload: {
    document: `mutation($i: RequestEvidenceUploadInput!) { requestEvidenceUpload(input: $i) { ticketId uploadUrl maxBytes } }`,
    cases: [
      {
        name: 'a path as the file name',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { caseId: w.evidenceCase, fileName: '../../etc/passwd' } }),
        expect: BAD('fileName'),
      },
      {
        name: 'a file name over 255 characters',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { caseId: w.evidenceCase, fileName: `${'a'.repeat(256)}.png` } }),
        expect: BAD('fileName'),
      },
      {
        name: 'a NUL byte in the note',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { caseId: w.evidenceCase, fileName: 'anh.png', note: NUL } }),
        expect: BAD('note'),
      },
      {
        name: 'a file name of the wrong type',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { caseId: w.evidenceCase, fileName: 42 } }),
        expect: BAD(),
      },
      {
        name: 'an unknown case',
        as: SeededUsers.lethuyOfficer,
        variables: () => ({ i: { caseId: NO_ID, fileName: 'anh.png' } }),
        expect: refuse('NOT_FOUND', 'caseId'),
      },
    ],
  },

  captureWebPage: {
    document: `mutation($i: CaptureWebPageInput!) { captureWebPage(input: $i) { id } }`,
    cases: [
      {
        name: 'a loopback address',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { caseId: w.evidenceCase, url: 'http://127.0.0.1/' } }),
        expect: BAD('url'),
      },
      {
        name: 'the metadata service',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { caseId: w.evidenceCase, url: 'http://169.254.169.254/latest/meta-data/' } }),
        expect: BAD('url'),
      },
      {
        name: 'a file: address',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { caseId: w.evidenceCase, url: 'file:///etc/passwd' } }),
        expect: BAD('url'),
      },
      {
        name: 'a port other than 80 and 443',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { caseId: w.evidenceCase, url: 'https://example.vn:8443/' } }),
        expect: BAD('url'),
      },
      {
        name: 'an unknown case',
        as: SeededUsers.lethuyOfficer,
        variables: () => ({ i: { caseId: NO_ID, url: 'https://example.vn/bai-viet' } }),
        expect: refuse('NOT_FOUND', 'caseId'),
      },
    ],
  },

  placeLegalHold: {
    document: `mutation($i: LegalHoldInput!) { placeLegalHold(input: $i) { id legalHold { reason } } }`,
    cases: [
      {
        name: 'a too short reason',
        variables: (w) => ({ i: { itemId: w.excerptItem, reason: 'giữ' } }),
        expect: BAD('reason'),
        watch: (w) => itemView(w.excerptItem),
      },
      {
        name: 'a NUL byte in the reason',
        variables: (w) => ({ i: { itemId: w.excerptItem, reason: NUL } }),
        expect: BAD('reason'),
        watch: (w) => itemView(w.excerptItem),
      },
      {
        name: 'an item already under hold',
        variables: (w) => ({ i: { itemId: w.heldItem, reason: 'Phong tỏa lần thứ hai' } }),
        expect: refuse('INVALID_STATE', 'itemId'),
        watch: (w) => itemView(w.heldItem),
      },
      { name: 'an unknown item', variables: () => ({ i: { itemId: NO_ID, reason: 'Không có chứng cứ này' } }), expect: refuse('NOT_FOUND', 'itemId') },
      {
        name: 'by an officer',
        as: SeededUsers.lethuyOfficer,
        variables: (w) => ({ i: { itemId: w.excerptItem, reason: 'Cán bộ không có quyền phong tỏa' } }),
        expect: refuse('FORBIDDEN'),
        watch: (w) => itemView(w.excerptItem),
      },
    ],
  },

  releaseLegalHold: {
    document: `mutation($i: LegalHoldInput!) { releaseLegalHold(input: $i) { id legalHold { reason } } }`,
    cases: [
      {
        name: 'an item not under hold',
        variables: (w) => ({ i: { itemId: w.excerptItem, reason: 'Không còn cần phong tỏa' } }),
        expect: refuse('INVALID_STATE', 'itemId'),
        watch: (w) => itemView(w.excerptItem),
      },
      {
        name: 'a reason over 2,000 characters',
        variables: (w) => ({ i: { itemId: w.heldItem, reason: long(2_001) } }),
        expect: BAD('reason'),
        watch: (w) => itemView(w.heldItem),
      },
      { name: 'an item id that is not an id', variables: () => ({ i: { itemId: 'null', reason: 'Không còn cần phong tỏa' } }), expect: BAD('itemId') },
    ],
  },

  exportEvidencePackage: {
    document: `mutation($i: ExportEvidencePackageInput!) { exportEvidencePackage(input: $i) { id } }`,
    cases: [
      { name: 'a case without evidence', variables: (w) => ({ i: { caseId: w.openCase } }), expect: refuse('INVALID_STATE', 'caseId') },
      { name: 'an unknown case', variables: () => ({ i: { caseId: NO_ID } }), expect: refuse('NOT_FOUND', 'caseId') },
      { name: 'by an officer', as: SeededUsers.lethuyOfficer, variables: (w) => ({ i: { caseId: w.evidenceCase } }), expect: refuse('FORBIDDEN') },
    ],
  },

  requestPoliceReferral: {
    document: `mutation($i: RequestPoliceReferralInput!) { requestPoliceReferral(input: $i) { id } }`,
    cases: [
      { name: 'an action that is no police referral', variables: (w) => ({ i: { caseId: w.actingCase, actionId: w.plannedAction } }), expect: BAD('actionId') },
      { name: 'an action id that is not an id', variables: (w) => ({ i: { caseId: w.actingCase, actionId: 'REFER_TO_POLICE' } }), expect: BAD('actionId') },
      { name: 'an unknown case', variables: () => ({ i: { caseId: NO_ID, actionId: NO_ID } }), expect: refuse('NOT_FOUND', 'caseId') },
      {
        name: 'by the police',
        as: SeededUsers.caOfficer,
        variables: (w) => ({ i: { caseId: w.actingCase, actionId: w.plannedAction } }),
        expect: refuse('FORBIDDEN'),
      },
    ],
  },

  updatePoliceReferral: {
    document: `mutation($i: UpdatePoliceReferralInput!) { updatePoliceReferral(input: $i) { id status } }`,
    cases: [
      {
        name: 'by the coordinator',
        variables: (w) => ({ i: { referralId: w.referral, status: 'ACCEPTED', policeReference: '12/PA05' } }),
        expect: refuse('FORBIDDEN'),
      },
      {
        name: 'concluding a referral not yet accepted',
        as: SeededUsers.caOfficer,
        variables: (w) => ({
          i: { referralId: w.referral, status: 'CONCLUDED', policeReference: '12/PA05', outcomeCategory: 'WARNING', outcomeDate: yesterday() },
        }),
        expect: refuse('INVALID_STATE', 'status'),
      },
      {
        name: 'accepting without the police reference number',
        as: SeededUsers.caOfficer,
        variables: (w) => ({ i: { referralId: w.referral, status: 'ACCEPTED' } }),
        expect: BAD('policeReference'),
      },
      {
        name: 'a status that does not exist',
        as: SeededUsers.caOfficer,
        variables: (w) => ({ i: { referralId: w.referral, status: 'ARRESTED', policeReference: '12/PA05' } }),
        expect: BAD(),
      },
      {
        name: 'a NUL byte in the police reference',
        as: SeededUsers.caOfficer,
        variables: (w) => ({ i: { referralId: w.referral, status: 'ACCEPTED', policeReference: NUL } }),
        expect: BAD('policeReference'),
      },
      {
        name: 'an outcome before concluding',
        as: SeededUsers.caOfficer,
        variables: (w) => ({ i: { referralId: w.referral, status: 'ACCEPTED', policeReference: '12/PA05', outcomeCategory: 'WARNING' } }),
        expect: BAD('outcomeCategory'),
      },
      {
        name: 'a field for the author’s identity',
        as: SeededUsers.caOfficer,
        variables: (w) => ({ i: { referralId: w.referral, status: 'ACCEPTED', policeReference: '12/PA05', authorName: 'Nguyễn Văn A' } }),
        expect: BAD(),
      },
      {
        name: 'an unknown referral',
        as: SeededUsers.caOfficer,
        variables: () => ({ i: { referralId: NO_ID, status: 'ACCEPTED', policeReference: '12/PA05' } }),
        expect: refuse('NOT_FOUND', 'referralId'),
      },
    ],
  },

  handOverEvidencePackage: {
    document: `mutation($i: HandOverEvidencePackageInput!) { handOverEvidencePackage(input: $i) { id handedOver { packageId } } }`,
    cases: [
      {
        name: 'to an agency that is not the referral’s police',
        variables: (w) => ({ i: { referralId: w.referral, packageId: w.referralPackage, receivedByAgency: 'BTG' } }),
        expect: BAD('receivedByAgency'),
      },
      {
        name: 'an agency code that is no code',
        variables: (w) => ({ i: { referralId: w.referral, packageId: w.referralPackage, receivedByAgency: 'công an' } }),
        expect: BAD('receivedByAgency'),
      },
      {
        name: 'an unknown package',
        variables: (w) => ({ i: { referralId: w.referral, packageId: NO_ID, receivedByAgency: 'CA' } }),
        expect: refuse('NOT_FOUND', 'packageId'),
      },
      {
        name: 'an unknown referral',
        variables: (w) => ({ i: { referralId: NO_ID, packageId: w.referralPackage, receivedByAgency: 'CA' } }),
        expect: refuse('NOT_FOUND', 'referralId'),
      },
    ],
  },

  addContentIndicator: {
    document: `mutation($i: AddContentIndicatorInput!) { addContentIndicator(input: $i) { id kind value normalizedValue origin } }`,
    cases: [
      {
        name: 'a kind that does not exist',
        variables: (w) => ({ i: { itemId: w.excerptItem, kind: 'PERSON', value: 'Nguyễn Văn A' } }),
        expect: BAD(),
        watch: (w) => viewer(INDICATOR_VIEW, { c: w.evidenceCase }),
      },
      {
        name: 'a field for who is behind it',
        variables: (w) => ({ i: { itemId: w.excerptItem, kind: 'PHONE', value: '0987 654 321', ownerName: 'Nguyễn Văn A' } }),
        expect: BAD(),
        watch: (w) => viewer(INDICATOR_VIEW, { c: w.evidenceCase }),
      },
      {
        name: 'a phone number that is no number',
        variables: (w) => ({ i: { itemId: w.excerptItem, kind: 'PHONE', value: '12345' } }),
        expect: BAD('value'),
        watch: (w) => viewer(INDICATOR_VIEW, { c: w.evidenceCase }),
      },
      {
        name: 'a domain that is an IP address',
        variables: (w) => ({ i: { itemId: w.excerptItem, kind: 'DOMAIN', value: 'http://10.0.0.1/admin' } }),
        expect: BAD('value'),
        watch: (w) => viewer(INDICATOR_VIEW, { c: w.evidenceCase }),
      },
      {
        name: 'a NUL byte in the value',
        variables: (w) => ({ i: { itemId: w.excerptItem, kind: 'EMAIL', value: NUL } }),
        expect: BAD('value'),
        watch: (w) => viewer(INDICATOR_VIEW, { c: w.evidenceCase }),
      },
      {
        name: 'a value over 300 characters',
        variables: (w) => ({ i: { itemId: w.excerptItem, kind: 'BANK_ACCOUNT', value: '1'.repeat(301) } }),
        expect: BAD('value'),
        watch: (w) => viewer(INDICATOR_VIEW, { c: w.evidenceCase }),
      },
      {
        name: 'an item id that is not an id',
        variables: () => ({ i: { itemId: 'abc', kind: 'PHONE', value: '0912 345 678' } }),
        expect: BAD('itemId'),
      },
      { name: 'an unknown item', variables: () => ({ i: { itemId: NO_ID, kind: 'PHONE', value: '0912 345 678' } }), expect: refuse('NOT_FOUND', 'itemId') },
      {
        name: 'the same indicator again, written otherwise',
        variables: (w) => ({ i: { itemId: w.excerptItem, kind: 'PHONE', value: '+84 912 345 678' } }),
        expect: refuse('CONFLICT', 'value'),
        watch: (w) => viewer(INDICATOR_VIEW, { c: w.evidenceCase }),
      },
      {
        name: 'by an officer of an agency that may not read the item',
        as: SeededUsers.donghoiOfficer,
        variables: (w) => ({ i: { itemId: w.excerptItem, kind: 'PHONE', value: '0987 654 321' } }),
        expect: refuse('NOT_FOUND', 'itemId'),
        watch: (w) => viewer(INDICATOR_VIEW, { c: w.evidenceCase }),
      },
    ],
  },

  removeContentIndicator: {
    document: `mutation($i: RemoveContentIndicatorInput!) { removeContentIndicator(input: $i) { id } }`,
    cases: [
      {
        name: 'a too short reason',
        variables: (w) => ({ i: { indicatorId: w.indicator, reason: 'sai' } }),
        expect: BAD('reason'),
        watch: (w) => viewer(INDICATOR_VIEW, { c: w.evidenceCase }),
      },
      {
        name: 'a NUL byte in the reason',
        variables: (w) => ({ i: { indicatorId: w.indicator, reason: NUL } }),
        expect: BAD('reason'),
        watch: (w) => viewer(INDICATOR_VIEW, { c: w.evidenceCase }),
      },
      {
        name: 'an unknown indicator',
        variables: () => ({ i: { indicatorId: NO_ID, reason: 'Không có dấu hiệu này' } }),
        expect: refuse('NOT_FOUND', 'indicatorId'),
      },
      {
        name: 'by a leader, who may not read evidence content',
        as: SeededUsers.leader,
        variables: (w) => ({ i: { indicatorId: w.indicator, reason: 'Lãnh đạo không có quyền xóa' } }),
        expect: refuse('FORBIDDEN'),
        watch: (w) => viewer(INDICATOR_VIEW, { c: w.evidenceCase }),
      },
    ],
  },
};
