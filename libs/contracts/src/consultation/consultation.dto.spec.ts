import { contractProblem } from '../common/contract-validation';
import { OpenConsultationRequest, RecordMeetingRequest, SubmitOpinionRequest } from './consultation.dto';

const ID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const meeting = {
  caseId: ID,
  mode: 'MEETING',
  invitedAgencyCodes: ['CA', 'UBND_DONG_HOI'],
  subject: 'Họp thống nhất xử lý tin tuyển dụng lừa đảo',
  meetingAt: '2026-12-02T09:00:00+07:00',
  link: 'https://hop.quangbinh.gov.vn/p/123',
};

describe('consultation contracts', () => {
  it('accepts a meeting with its time and link', async () => {
    expect(await contractProblem(OpenConsultationRequest, meeting)).toBeNull();
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an invited code with SQL in it', { invitedAgencyCodes: ['ca; DROP TABLE consultation'] }, 'invitedAgencyCodes'],
    ['nobody invited', { invitedAgencyCodes: [] }, 'invitedAgencyCodes'],
    ['a link that is not https', { link: 'javascript:alert(1)' }, 'link'],
    ['a meeting time that is not a date-time', { meetingAt: 'next tuesday' }, 'meetingAt'],
    ['an over-long subject', { subject: 'x'.repeat(5_001) }, 'subject'],
    ['a subject too short to say anything', { subject: 'Họp' }, 'subject'],
    ['an unknown mode', { mode: 'PHONE' }, 'mode'],
    ['a case id that is not a uuid', { caseId: 'not-a-uuid' }, 'caseId'],
  ])('refuses a consultation with %s, naming the field', async (_name, change, field) => {
    expect(await contractProblem(OpenConsultationRequest, { ...meeting, ...change })).toMatchObject({ field });
  });

  it.each<[new () => object, Record<string, unknown>, string]>([
    [SubmitOpinionRequest, { consultationId: ID, position: 'MAYBE', reasoning: 'Chưa đủ thông tin để kết luận' }, 'position'],
    [
      SubmitOpinionRequest,
      { consultationId: ID, position: 'AGREE', reasoning: 'Đồng ý với phương án đề xuất', attachments: [{ name: 'Báo cáo' }] },
      'attachments.0.url',
    ],
    [RecordMeetingRequest, { consultationId: ID, attendance: [{ agencyCode: 'CA' }], minutes: 'Biên bản' }, 'attendance.0.present'],
  ])('refuses %p %j', async (contract, input, field) => {
    expect(await contractProblem(contract, input)).toMatchObject({ field });
  });
});
