import { SeededUsers } from '@phoi-hop/testing';
import { NO_ID, inAMonth, yesterday, HOSTILE, NUL, long, HOSTILE_10K, refuse, BAD, caseView, consultationView, written, type Json, type MutationEntry } from './harness';

/** Meetings and written consultations (consultation). */
export const CONSULTATION_MUTATIONS: Record<string, MutationEntry> = {
  openConsultation: {
    document: `mutation($i: OpenConsultationInput!) { openConsultation(input: $i) { id subject proposedHandling status } }`,
    cases: [
      { name: 'invited agencies of the wrong type', variables: (w) => ({ i: written(w, { invitedAgencyCodes: [{ code: 'CA' }] }) }), expect: BAD(), watch: (w) => caseView(w.triagedCase) },
      { name: 'an untriaged case', variables: (w) => ({ i: written(w, { caseId: w.openCase }) }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.openCase) },
      { name: 'a closed case', variables: (w) => ({ i: written(w, { caseId: w.closedCase }) }), expect: refuse('INVALID_STATE'), watch: (w) => caseView(w.closedCase) },
      { name: 'an unknown case', variables: (w) => ({ i: written(w, { caseId: NO_ID }) }), expect: refuse('NOT_FOUND', 'caseId') },
      { name: 'a mode that does not exist', variables: (w) => ({ i: written(w, { mode: 'PHONE' }) }), expect: BAD('mode'), watch: (w) => caseView(w.triagedCase) },
      { name: 'nobody invited', variables: (w) => ({ i: written(w, { invitedAgencyCodes: [] }) }), expect: BAD('invitedAgencyCodes'), watch: (w) => caseView(w.triagedCase) },
      { name: 'an agency that does not exist', variables: (w) => ({ i: written(w, { invitedAgencyCodes: ['GHOST_AGENCY'] }) }), expect: BAD('invitedAgencyCodes'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a deadline in the past', variables: (w) => ({ i: written(w, { deadline: '2020-01-01T00:00:00Z' }) }), expect: BAD('deadline'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a deadline that is no date', variables: (w) => ({ i: written(w, { deadline: 'ngày mai' }) }), expect: BAD('deadline'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a deadline a year away', variables: (w) => ({ i: written(w, { deadline: new Date(Date.now() + 365 * 86_400_000).toISOString() }) }), expect: BAD('deadline') },
      { name: 'a too short subject', variables: (w) => ({ i: written(w, { subject: 'Hỏi' }) }), expect: BAD('subject'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a subject over 5,000 characters', variables: (w) => ({ i: written(w, { subject: long(5_001) }) }), expect: BAD('subject'), watch: (w) => caseView(w.triagedCase) },
      { name: 'a NUL byte in the subject', variables: (w) => ({ i: written(w, { subject: NUL }) }), expect: BAD('subject'), watch: (w) => caseView(w.triagedCase) },
      {
        name: 'a meeting with a javascript: link',
        variables: (w) => ({ i: written(w, { mode: 'MEETING', deadline: null, meetingAt: new Date(Date.now() + 3_600_000).toISOString(), link: 'javascript:alert(1)' }) }),
        expect: BAD('link'),
        watch: (w) => caseView(w.triagedCase),
      },
      {
        name: 'a hostile subject and proposal of 5,000 characters, stored verbatim',
        variables: async (w) => ({ i: written(w, { caseId: await w.newCase(true), subject: HOSTILE, proposedHandling: HOSTILE_10K.slice(0, 5_000) }) }),
        expect: {
          stored: (data) => {
            expect(data['openConsultation']).toMatchObject({ status: 'OPEN', subject: HOSTILE, proposedHandling: HOSTILE_10K.slice(0, 5_000) });
          },
        },
      },
    ],
  },

  submitOpinion: {
    document: `mutation($i: SubmitOpinionInput!) { submitOpinion(input: $i) { id invitations { agencyCode position reasoning alternativeProposal attachments { name url } } } }`,
    cases: [
      { name: 'attachments of the wrong type', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.written, position: 'AGREE', reasoning: 'Đồng ý với đề xuất', attachments: ['https://example.vn/a.pdf'] } }), expect: BAD(), watch: (w) => consultationView(w.written) },
      { name: 'a position that does not exist', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.written, position: 'MAYBE', reasoning: 'Chưa rõ, cần xem thêm' } }), expect: BAD('position'), watch: (w) => consultationView(w.written) },
      { name: 'too short reasons', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.written, position: 'AGREE', reasoning: 'Ừ' } }), expect: BAD('reasoning'), watch: (w) => consultationView(w.written) },
      { name: 'reasons over 10,000 characters', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.written, position: 'AGREE', reasoning: long(10_001) } }), expect: BAD('reasoning'), watch: (w) => consultationView(w.written) },
      { name: 'a NUL byte in the reasons', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.written, position: 'AGREE', reasoning: NUL } }), expect: BAD('reasoning'), watch: (w) => consultationView(w.written) },
      {
        name: 'an alternative without a proposal',
        as: SeededUsers.caOfficer,
        variables: (w) => ({ i: { consultationId: w.written, position: 'ALTERNATIVE', reasoning: 'Đề xuất phương án khác' } }),
        expect: BAD('alternativeProposal'),
        watch: (w) => consultationView(w.written),
      },
      {
        name: 'a javascript: attachment',
        as: SeededUsers.caOfficer,
        variables: (w) => ({ i: { consultationId: w.written, position: 'AGREE', reasoning: 'Đồng ý, xem tài liệu kèm', attachments: [{ name: 'x', url: 'javascript:alert(1)' }] } }),
        expect: BAD('attachments.0.url'),
        watch: (w) => consultationView(w.written),
      },
      { name: 'a resolved consultation', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.resolved, position: 'AGREE', reasoning: 'Ý kiến sau khi đã kết luận' } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.resolved) },
      { name: 'a meeting', as: SeededUsers.caOfficer, variables: (w) => ({ i: { consultationId: w.meeting, position: 'AGREE', reasoning: 'Ý kiến bằng văn bản cho cuộc họp' } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.meeting) },
      { name: 'an agency not invited', as: SeededUsers.sytOfficer, variables: (w) => ({ i: { consultationId: w.written, position: 'AGREE', reasoning: 'Ý kiến của đơn vị không được mời' } }), expect: refuse('NOT_FOUND'), watch: (w) => consultationView(w.written) },
      { name: 'an unknown consultation', as: SeededUsers.caOfficer, variables: () => ({ i: { consultationId: NO_ID, position: 'AGREE', reasoning: 'Không có cuộc lấy ý kiến này' } }), expect: refuse('NOT_FOUND') },
      {
        name: 'hostile reasons of 10,000 characters, stored verbatim',
        as: SeededUsers.caOfficer,
        variables: async (w) => ({ i: { consultationId: await w.newWrittenConsultation(), position: 'ALTERNATIVE', reasoning: HOSTILE_10K, alternativeProposal: HOSTILE, attachments: [{ name: HOSTILE.slice(0, 300), url: 'https://example.vn/t?a=<b>' }] } }),
        expect: {
          stored: (data) => {
            expect(data['submitOpinion'].invitations.find((i: Json) => i['agencyCode'] === 'CA')).toEqual({
              agencyCode: 'CA',
              position: 'ALTERNATIVE',
              reasoning: HOSTILE_10K,
              alternativeProposal: HOSTILE,
              attachments: [{ name: HOSTILE.slice(0, 300), url: 'https://example.vn/t?a=<b>' }],
            });
          },
        },
      },
    ],
  },

  recordMeeting: {
    document: `mutation($i: RecordMeetingInput!) { recordMeeting(input: $i) { id minutes dissentingViews { agencyCode view } } }`,
    cases: [
      { name: 'a written consultation', variables: (w) => ({ i: { consultationId: w.written, attendance: [{ agencyCode: 'CA', present: true }], minutes: 'Biên bản cho cuộc lấy ý kiến bằng văn bản' } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.written) },
      { name: 'a resolved consultation', variables: (w) => ({ i: { consultationId: w.resolved, attendance: [{ agencyCode: 'CA', present: true }], minutes: 'Biên bản sau khi đã kết luận' } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.resolved) },
      { name: 'an invited agency missing', variables: (w) => ({ i: { consultationId: w.meeting, attendance: [], minutes: 'Biên bản thiếu đơn vị được mời' } }), expect: BAD('attendance'), watch: (w) => consultationView(w.meeting) },
      {
        name: 'an agency listed twice',
        variables: (w) => ({ i: { consultationId: w.meeting, attendance: [{ agencyCode: 'CA', present: true }, { agencyCode: 'CA', present: false }], minutes: 'Biên bản ghi một đơn vị hai lần' } }),
        expect: BAD('attendance'),
        watch: (w) => consultationView(w.meeting),
      },
      { name: 'presence of the wrong type', variables: (w) => ({ i: { consultationId: w.meeting, attendance: [{ agencyCode: 'CA', present: 'có' }], minutes: 'Biên bản cuộc họp kiểm thử' } }), expect: BAD(), watch: (w) => consultationView(w.meeting) },
      {
        name: 'dissent from an agency not invited',
        variables: (w) => ({ i: { consultationId: w.meeting, attendance: [{ agencyCode: 'CA', present: true }], minutes: 'Biên bản cuộc họp kiểm thử', dissentingViews: [{ agencyCode: 'SYT', view: 'Không đồng ý' }] } }),
        expect: BAD('dissentingViews'),
        watch: (w) => consultationView(w.meeting),
      },
      { name: 'minutes over 50,000 characters', variables: (w) => ({ i: { consultationId: w.meeting, attendance: [{ agencyCode: 'CA', present: true }], minutes: long(50_001) } }), expect: BAD('minutes'), watch: (w) => consultationView(w.meeting) },
      { name: 'a NUL byte in the minutes', variables: (w) => ({ i: { consultationId: w.meeting, attendance: [{ agencyCode: 'CA', present: true }], minutes: NUL } }), expect: BAD('minutes'), watch: (w) => consultationView(w.meeting) },
      { name: 'an unknown consultation', variables: () => ({ i: { consultationId: NO_ID, attendance: [], minutes: 'Không có cuộc họp này' } }), expect: refuse('NOT_FOUND') },
    ],
  },

  resolveConsultation: {
    document: `mutation($i: ResolveConsultationInput!) { resolveConsultation(input: $i) { id status resolution { summary plan { type assigneeAgencyCode dueDate details } } } }`,
    cases: [
      { name: 'resolved twice', variables: (w) => ({ i: { consultationId: w.resolved, summary: 'Kết luận lần thứ hai', plan: [] } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.resolved) },
      { name: 'opinions still awaited', variables: (w) => ({ i: { consultationId: w.written, summary: 'Kết luận khi chưa đủ ý kiến', plan: [] } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.written) },
      { name: 'a meeting without minutes', variables: (w) => ({ i: { consultationId: w.meeting, summary: 'Kết luận khi chưa có biên bản', plan: [] } }), expect: refuse('INVALID_STATE'), watch: (w) => consultationView(w.meeting) },
      {
        name: 'a removal target on an action that removes nothing',
        variables: (w) => ({ i: { consultationId: w.answered, summary: 'Thống nhất theo dõi thêm', plan: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: inAMonth(), removal: { platform: 'FACEBOOK' } }] } }),
        expect: BAD('plan.0.removal'),
        watch: (w) => consultationView(w.answered),
      },
      {
        name: 'a planned date that is no date',
        variables: (w) => ({ i: { consultationId: w.answered, summary: 'Thống nhất theo dõi thêm', plan: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: '2099-13-45' }] } }),
        expect: BAD('plan.0.dueDate'),
        watch: (w) => consultationView(w.answered),
      },
      {
        name: 'a planned date in the past',
        variables: (w) => ({ i: { consultationId: w.answered, summary: 'Thống nhất theo dõi thêm', plan: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: yesterday() }] } }),
        expect: BAD('plan.0.dueDate'),
        watch: (w) => consultationView(w.answered),
      },
      {
        name: 'a planned action for an agency that does not exist',
        variables: (w) => ({ i: { consultationId: w.answered, summary: 'Thống nhất theo dõi thêm', plan: [{ type: 'MONITOR', assigneeAgencyCode: 'GHOST_AGENCY', dueDate: inAMonth() }] } }),
        expect: BAD('plan'),
        watch: (w) => consultationView(w.answered),
      },
      { name: 'a too short summary', variables: (w) => ({ i: { consultationId: w.answered, summary: 'OK', plan: [] } }), expect: BAD('summary'), watch: (w) => consultationView(w.answered) },
      { name: 'a NUL byte in the summary', variables: (w) => ({ i: { consultationId: w.answered, summary: NUL, plan: [] } }), expect: BAD('summary'), watch: (w) => consultationView(w.answered) },
      { name: 'a plan of the wrong type', variables: (w) => ({ i: { consultationId: w.answered, summary: 'Thống nhất theo dõi thêm', plan: 7 } }), expect: BAD(), watch: (w) => consultationView(w.answered) },
      { name: 'an unknown consultation', variables: () => ({ i: { consultationId: NO_ID, summary: 'Không có cuộc lấy ý kiến này', plan: [] } }), expect: refuse('NOT_FOUND') },
      {
        name: 'a hostile summary of 10,000 characters, stored verbatim',
        variables: async (w) => ({ i: { consultationId: await w.newAnsweredConsultation(), summary: HOSTILE_10K, plan: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', dueDate: inAMonth(), details: HOSTILE }] } }),
        expect: {
          stored: (data) => {
            expect(data['resolveConsultation']).toMatchObject({ status: 'RESOLVED', resolution: { summary: HOSTILE_10K, plan: [{ type: 'MONITOR', assigneeAgencyCode: 'STTTT', details: HOSTILE }] } });
          },
        },
      },
    ],
  },
};
