import { NO_ID, HOSTILE, NUL, long, admin, refuse, BAD, viewer, type MutationEntry } from './harness';

/** Reference data, users, API keys, agencies and focal points (directory). */
export const DIRECTORY_MUTATIONS: Record<string, MutationEntry> = {
  editReference: {
    document: `mutation($i: EditReferenceInput!) { editReference(input: $i) { id } }`,
    cases: [
      {
        name: 'a kind that does not exist',
        as: admin,
        variables: () => ({ i: { kind: 'PLANET', code: 'EARTH', recordJson: '{}', reason: 'Thử nghiệm' } }),
        expect: BAD('kind'),
      },
      {
        name: 'a public holiday on a day that does not exist',
        as: admin,
        variables: () => ({ i: { kind: 'PUBLIC_HOLIDAY', code: '2099-02-30', recordJson: '{"name":"Nghỉ bù"}', reason: 'Ngày sai' } }),
        expect: BAD('code'),
      },
      {
        name: 'a press rule ending before it starts',
        as: admin,
        variables: () => ({
          i: {
            kind: 'PRESS_RULE',
            code: 'DDNB_2017_D2',
            recordJson: JSON.stringify({
              ruleSet: 'JOURNALIST_ETHICS',
              article: 'Điều 2',
              title: 'Thông tin trung thực, khách quan',
              text: 'Thông tin trung thực, khách quan.',
              source: 'Hội Nhà báo Việt Nam',
              effectiveFrom: '2017-01-01',
              effectiveTo: '2016-12-31',
            }),
            reason: 'Ngày sai',
          },
        }),
        expect: BAD('record'),
      },
      {
        name: 'a record that is not JSON',
        as: admin,
        variables: () => ({ i: { kind: 'SECTOR', code: 'HEALTH', recordJson: '{name: ', reason: 'Sửa tên' } }),
        expect: BAD('recordJson'),
      },
      {
        name: 'a version in the past',
        as: admin,
        variables: () => ({ i: { kind: 'SLA', code: 'LOW', validFrom: '2020-01-01', recordJson: '{"triageHours":1,"decisionHours":2}', reason: 'Hồi tố' } }),
        expect: BAD('validFrom'),
      },
      {
        name: 'a day that is no day',
        as: admin,
        variables: () => ({ i: { kind: 'SLA', code: 'LOW', validFrom: '2099-02-30', recordJson: '{"triageHours":1,"decisionHours":2}', reason: 'Ngày sai' } }),
        expect: BAD('validFrom'),
      },
      {
        name: 'a rule naming an agency that does not exist',
        as: admin,
        variables: () => ({
          i: {
            kind: 'RULE',
            code: 'D6_X',
            recordJson: JSON.stringify({ article: 'Đ6.7', description: 'Thử', when: { always: true }, target: { agency: 'GHOST' }, role: 'INFORMED' }),
            reason: 'Thêm quy tắc',
          },
        }),
        expect: BAD('record'),
      },
      {
        name: 'SQL as a code',
        as: admin,
        variables: () => ({ i: { kind: 'RULE', code: "X'; DROP TABLE agency; --", retire: true, reason: 'Xóa' } }),
        expect: BAD('code'),
      },
      {
        name: 'a NUL byte in the reason',
        as: admin,
        variables: () => ({ i: { kind: 'RULE', code: 'D6_1_LEAD', retire: true, reason: NUL } }),
        expect: BAD('reason'),
      },
    ],
  },

  createUser: {
    document: `mutation($i: CreateUserInput!) { createUser(input: $i) { username } }`,
    cases: [
      {
        name: 'an unknown agency',
        as: admin,
        variables: () => ({ i: { username: 'new.officer', displayName: 'Cán bộ mới', agencyCode: 'GHOST', roles: ['OFFICER'] } }),
        expect: BAD('agencyCode'),
      },
      {
        name: 'a role that does not exist',
        as: admin,
        variables: () => ({ i: { username: 'new.officer', displayName: 'Cán bộ mới', agencyCode: 'SYT', roles: ['EMPEROR'] } }),
        expect: BAD(),
      },
      {
        name: 'a username taken',
        as: admin,
        variables: () => ({ i: { username: 'ca.officer', displayName: 'Trùng tên', agencyCode: 'CA', roles: ['OFFICER'] } }),
        expect: refuse('CONFLICT'),
      },
      {
        name: 'markup as a username',
        as: admin,
        variables: () => ({ i: { username: '<script>', displayName: 'Thử', agencyCode: 'SYT', roles: ['OFFICER'] } }),
        expect: BAD('username'),
      },
      {
        name: 'a NUL byte in the name',
        as: admin,
        variables: () => ({ i: { username: 'nul.officer', displayName: NUL, agencyCode: 'SYT', roles: ['OFFICER'] } }),
        expect: BAD('displayName'),
      },
      {
        name: 'a subject with spaces',
        as: admin,
        variables: () => ({ i: { username: 'sub.officer', displayName: 'Cán bộ mới', agencyCode: 'SYT', roles: ['OFFICER'], subject: 'a b' } }),
        expect: BAD('subject'),
      },
    ],
  },

  updateUser: {
    document: `mutation($u: String!, $i: UpdateUserInput!) { updateUser(username: $u, input: $i) { username } }`,
    cases: [
      { name: 'an unknown user', as: admin, variables: () => ({ u: 'no.such.user', i: { displayName: 'Không có' } }), expect: refuse('NOT_FOUND') },
      { name: 'an investigator outside the police', as: admin, variables: () => ({ u: 'syt.officer', i: { roles: ['INVESTIGATOR'] } }), expect: BAD() },
      {
        name: 'a subject longer than 255 characters',
        as: admin,
        variables: () => ({ u: 'syt.officer', i: { subject: 'x'.repeat(256) } }),
        expect: BAD('subject'),
      },
    ],
  },

  disableUser: {
    document: `mutation($u: String!, $r: String!) { disableUser(username: $u, reason: $r) { username } }`,
    cases: [
      { name: 'oneself', as: admin, variables: () => ({ u: 'admin', r: 'Tự khóa' }), expect: BAD() },
      { name: 'an unknown user', as: admin, variables: () => ({ u: 'no.such.user', r: 'Không có' }), expect: refuse('NOT_FOUND') },
    ],
  },

  enableUser: {
    document: `mutation($u: String!) { enableUser(username: $u) { username } }`,
    cases: [
      { name: 'an active user', as: admin, variables: () => ({ u: 'ca.officer' }), expect: refuse('INVALID_STATE') },
      { name: 'an unknown user', as: admin, variables: () => ({ u: 'no.such.user' }), expect: refuse('NOT_FOUND') },
    ],
  },

  createApiKey: {
    document: `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { apiKey { id } } }`,
    cases: [
      {
        name: 'a scope not open to machine clients',
        as: admin,
        variables: () => ({ i: { agencyCode: 'CA', name: 'Hệ thống giám sát', scopes: ['reorganizeAgencies'] } }),
        expect: BAD('scopes'),
      },
      {
        name: 'an unknown agency',
        as: admin,
        variables: () => ({ i: { agencyCode: 'GHOST', name: 'Hệ thống giám sát', scopes: ['submitReport'] } }),
        expect: BAD('agencyCode'),
      },
      {
        name: 'an expiry in the past',
        as: admin,
        variables: () => ({ i: { agencyCode: 'CA', name: 'Hệ thống giám sát', scopes: ['submitReport'], expiresAt: '2020-01-01T00:00:00Z' } }),
        expect: BAD('expiresAt'),
      },
    ],
  },

  revokeApiKey: {
    document: `mutation($id: ID!, $r: String!) { revokeApiKey(id: $id, reason: $r) { id } }`,
    cases: [
      { name: 'an unknown key', as: admin, variables: () => ({ id: NO_ID, r: 'Thu hồi' }), expect: refuse('NOT_FOUND') },
      { name: 'an id that is not an id', as: admin, variables: () => ({ id: "1' OR '1'='1", r: 'Thu hồi' }), expect: BAD() },
    ],
  },

  reorganizeAgencies: {
    document: `mutation($i: ReorganizeAgenciesInput!) { reorganizeAgencies(input: $i) { successor { code name } retired { code validTo } } }`,
    cases: [
      {
        name: 'retired agencies of the wrong type',
        as: admin,
        variables: () => ({ i: { effectiveDate: '2099-01-01', retire: 'SKHCN,STTTT', successorCode: 'STTTT', reason: 'Sáp nhập theo quyết định' } }),
        expect: BAD('retire'),
      },
      {
        name: 'a date that is no date',
        as: admin,
        variables: () => ({ i: { effectiveDate: '2099-02-30', retire: ['SKHCN'], successorCode: 'STTTT', reason: 'Sáp nhập theo quyết định' } }),
        expect: BAD('effectiveDate'),
        watch: () => viewer('{ agencies { code validTo successorCode } }', {}),
      },
      {
        name: 'nothing retired',
        as: admin,
        variables: () => ({ i: { effectiveDate: '2099-01-01', retire: [], successorCode: 'STTTT', reason: 'Sáp nhập theo quyết định' } }),
        expect: BAD('retire'),
      },
      {
        name: 'an agency that does not exist',
        as: admin,
        variables: () => ({ i: { effectiveDate: '2099-01-01', retire: ['GHOST_AGENCY'], successorCode: 'STTTT', reason: 'Sáp nhập theo quyết định' } }),
        expect: BAD(),
      },
      {
        name: 'SQL as a successor',
        as: admin,
        variables: () => ({
          i: { effectiveDate: '2099-01-01', retire: ['SKHCN'], successorCode: "X'; DROP TABLE agency; --", reason: 'Sáp nhập theo quyết định' },
        }),
        expect: BAD('successorCode'),
      },
      {
        name: 'a new successor of a kind that does not exist',
        as: admin,
        variables: () => ({
          i: {
            effectiveDate: '2099-01-01',
            retire: ['SKHCN'],
            successorCode: 'SKHCN_MOI',
            newSuccessor: { name: 'Sở mới', kind: 'SPACESHIP' },
            reason: 'Sáp nhập theo quyết định',
          },
        }),
        expect: BAD('newSuccessor.kind'),
      },
      {
        name: 'a NUL byte in the reason',
        as: admin,
        variables: () => ({ i: { effectiveDate: '2099-01-01', retire: ['SKHCN'], successorCode: 'STTTT', reason: NUL } }),
        expect: BAD('reason'),
      },
      {
        name: 'a reason over 2,000 characters',
        as: admin,
        variables: () => ({ i: { effectiveDate: '2099-01-01', retire: ['SKHCN'], successorCode: 'STTTT', reason: long(2_001) } }),
        expect: BAD('reason'),
      },
      {
        name: 'a NUL byte in a new successor’s name',
        as: admin,
        variables: () => ({
          i: {
            effectiveDate: '2099-01-01',
            retire: ['SKHCN'],
            successorCode: 'SKHCN_MOI',
            newSuccessor: { name: NUL, kind: 'DEPARTMENT' },
            reason: 'Sáp nhập theo quyết định',
          },
        }),
        expect: BAD('newSuccessor.name'),
      },
      {
        name: 'a hostile name for a new successor, stored verbatim',
        as: admin,
        variables: () => ({
          i: {
            effectiveDate: '2099-01-01',
            retire: ['SKHCN'],
            successorCode: 'SKHCN_MOI',
            newSuccessor: { name: HOSTILE, kind: 'DEPARTMENT' },
            reason: HOSTILE,
          },
        }),
        expect: {
          stored: (data) => {
            expect(data['reorganizeAgencies']).toMatchObject({
              successor: { code: 'SKHCN_MOI', name: HOSTILE },
              retired: [{ code: 'SKHCN', validTo: '2098-12-31' }],
            });
          },
        },
      },
    ],
  },

  setFocalPoint: {
    document: `mutation($i: FocalPointInput!) { setFocalPoint(input: $i) { id agencyCode displayName title } }`,
    cases: [
      {
        name: 'an agency that does not exist',
        variables: () => ({ i: { agencyCode: 'GHOST_AGENCY', displayName: 'Nguyễn Văn A', title: 'Chuyên viên' } }),
        expect: BAD('agencyCode'),
      },
      {
        name: 'an e-mail that is no e-mail',
        variables: () => ({ i: { agencyCode: 'STTTT', displayName: 'Nguyễn Văn A', title: 'Chuyên viên', workEmail: '<script>@' } }),
        expect: BAD('workEmail'),
        watch: () => viewer(`{ focalPoints(agencyCode: "STTTT") { id displayName } }`, {}),
      },
      {
        name: 'a phone that is no phone',
        variables: () => ({ i: { agencyCode: 'STTTT', displayName: 'Nguyễn Văn A', title: 'Chuyên viên', workPhone: "'; DROP TABLE focal_point; --" } }),
        expect: BAD('workPhone'),
      },
      { name: 'a too short name', variables: () => ({ i: { agencyCode: 'STTTT', displayName: 'A', title: 'Chuyên viên' } }), expect: BAD('displayName') },
      {
        name: 'a name over 200 characters',
        variables: () => ({ i: { agencyCode: 'STTTT', displayName: long(201), title: 'Chuyên viên' } }),
        expect: BAD('displayName'),
      },
      { name: 'a NUL byte in the title', variables: () => ({ i: { agencyCode: 'STTTT', displayName: 'Nguyễn Văn A', title: NUL } }), expect: BAD('title') },
      {
        name: 'an unknown focal point',
        variables: () => ({ i: { id: NO_ID, agencyCode: 'STTTT', displayName: 'Nguyễn Văn A', title: 'Chuyên viên' } }),
        expect: refuse('NOT_FOUND', 'id'),
      },
      {
        name: 'its own deputy',
        variables: (w) => ({ i: { id: w.focalPoint, deputyId: w.focalPoint, agencyCode: 'STTTT', displayName: 'Nguyễn Văn A', title: 'Chuyên viên' } }),
        expect: BAD('deputyId'),
        watch: () => viewer(`{ focalPoints(agencyCode: "STTTT") { id displayName deputyId } }`, {}),
      },
      {
        name: 'active of the wrong type',
        variables: () => ({ i: { agencyCode: 'STTTT', displayName: 'Nguyễn Văn A', title: 'Chuyên viên', active: 'yes' } }),
        expect: BAD(),
      },
      {
        name: 'a hostile name and title, stored verbatim',
        variables: () => ({ i: { agencyCode: 'STTTT', displayName: HOSTILE.slice(0, 200), title: HOSTILE.slice(0, 200) } }),
        expect: {
          stored: (data) => {
            expect(data['setFocalPoint']).toMatchObject({ displayName: HOSTILE.slice(0, 200), title: HOSTILE.slice(0, 200) });
          },
        },
      },
    ],
  },
};
