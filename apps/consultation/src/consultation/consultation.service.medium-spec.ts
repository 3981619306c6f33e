import { randomUUID } from 'node:crypto';
import { EventSubjects, type CaseDto, type OpenConsultationRequest } from '@phoi-hop/contracts';
import { SeededUsers } from '@phoi-hop/testing';
import { actorOf } from '@phoi-hop/testing-medium';
import { createConsultationTestbed, type ConsultationTestbed } from '../app/consultation.medium-testbed';
import { ConsultationService } from './consultation.service';

describe(ConsultationService.name, () => {
  let bed: ConsultationTestbed;
  let sut: ConsultationService;
  const lead = actorOf(SeededUsers.stttLead);
  const ca = actorOf(SeededUsers.caOfficer);
  const lethuy = actorOf(SeededUsers.lethuyOfficer);
  const syt = actorOf(SeededUsers.sytOfficer);
  const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
  const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

  const triagedCase = (status: CaseDto['status'] = 'TRIAGED'): string => bed.addCase(status);
  const written = (caseId: string, change: Partial<OpenConsultationRequest> = {}): OpenConsultationRequest => ({
    caseId,
    mode: 'WRITTEN',
    invitedAgencyCodes: ['CA', 'UBND_LE_THUY'],
    subject: 'Xin ý kiến: tin vỡ đập thủy điện có phải là thông tin sai sự thật?',
    proposedHandling: 'Đính chính trên Cổng TTĐT; yêu cầu nền tảng gỡ bài gốc',
    deadline: inHours(48),
    ...change,
  });
  const meeting = (caseId: string, change: Partial<OpenConsultationRequest> = {}): OpenConsultationRequest => ({
    caseId,
    mode: 'MEETING',
    invitedAgencyCodes: ['CA', 'UBND_LE_THUY'],
    subject: 'Họp thống nhất xử lý tin vỡ đập',
    meetingAt: inHours(3),
    link: 'https://hop.quangbinh.gov.vn/p/123',
    ...change,
  });

  beforeAll(async () => {
    bed = await createConsultationTestbed();
    sut = bed.get(ConsultationService);
  });

  afterAll(async () => {
    await bed?.cleanup();
  });

  describe('open', () => {
    it('opens a written consultation of the invited agencies, with its reminder and escalation, evented and audited', async () => {
      const caseId = triagedCase();
      const opened = await sut.open(lead, written(caseId));
      expect(opened).toMatchObject({ caseId, status: 'OPEN', mode: 'WRITTEN', leadAgencyCode: 'STTTT', severity: 'HIGH' });
      expect(opened.invitations.map((i) => i.agencyCode)).toEqual(['CA', 'UBND_LE_THUY']);
      const kinds = await bed.dataSource.query(`SELECT kind FROM consultation_deadline WHERE consultation_id = $1 ORDER BY due_at`, [opened.id]);
      expect(kinds.map((k: { kind: string }) => k.kind)).toEqual(['REMINDER', 'ESCALATION']);
      expect(await bed.outbox(caseId)).toEqual([
        expect.objectContaining({
          subject: EventSubjects.consultation.opened,
          data: expect.objectContaining({ consultationId: opened.id, invitedAgencyCodes: ['CA', 'UBND_LE_THUY'] }),
        }),
      ]);
      expect((await bed.audit(opened.id)).map((a) => a.action)).toEqual(['consultation.opened']);
    });

    it('answers a retried opening with the same key from the first answer; another consultation under it is CONFLICT', async () => {
      const caseId = triagedCase();
      const request = written(caseId, { clientRequestId: `open-${caseId}` });
      const first = await sut.open(lead, request);
      expect(await sut.open(lead, request)).toEqual(first);
      expect((await sut.listForCase(lead, caseId)).map((c) => c.id)).toEqual([first.id]);
      await expect(sut.open(lead, { ...request, subject: 'Một câu hỏi khác về vụ việc này' })).rejects.toMatchObject({
        code: 'CONFLICT',
        field: 'clientRequestId',
      });
    });

    it.each<[string, (caseId: string) => OpenConsultationRequest, Record<string, unknown>]>([
      [
        'an unknown invited agency',
        (id) => written(id, { invitedAgencyCodes: ['CA', 'GHOST_AGENCY'] }),
        { code: 'BAD_USER_INPUT', field: 'invitedAgencyCodes' },
      ],
      ['the lead agency inviting itself', (id) => written(id, { invitedAgencyCodes: ['STTTT'] }), { code: 'BAD_USER_INPUT', field: 'invitedAgencyCodes' }],
      ['a written consultation without a deadline', (id) => written(id, { deadline: undefined }), { code: 'BAD_USER_INPUT', field: 'deadline' }],
      ['a deadline in the past', (id) => written(id, { deadline: inHours(-1) }), { code: 'BAD_USER_INPUT', field: 'deadline' }],
      ['a meeting without a place or link', (id) => meeting(id, { link: undefined }), { code: 'BAD_USER_INPUT', field: 'location' }],
      ['a meeting with an opinion deadline', (id) => meeting(id, { deadline: inHours(2) }), { code: 'BAD_USER_INPUT', field: 'deadline' }],
    ])('refuses %s and writes nothing', async (_name, request, expected) => {
      const caseId = triagedCase();
      await expect(sut.open(lead, request(caseId))).rejects.toMatchObject(expected);
      expect(await sut.listForCase(lead, caseId)).toEqual([]);
    });

    it('is for the lead agency, on a triaged case that intake shows the caller', async () => {
      await expect(sut.open(ca, written(triagedCase()))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(sut.open(lead, written(triagedCase('OPEN')))).rejects.toMatchObject({ code: 'INVALID_STATE' });
      await expect(sut.open(lead, written(randomUUID()))).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
    });
  });

  describe('get and listForCase', () => {
    it('shows a consultation to the agencies on it and to nobody else', async () => {
      const caseId = triagedCase();
      const opened = await sut.open(lead, written(caseId));
      expect((await sut.get(ca, opened.id)).id).toBe(opened.id);
      await expect(sut.get(syt, opened.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await sut.listForCase(lethuy, caseId)).map((c) => c.id)).toEqual([opened.id]);
      expect(await sut.listForCase(syt, caseId)).toEqual([]);
    });
  });

  describe('submitOpinion and resolve (written)', () => {
    it('takes each invited agency’s opinion, then resolves with the agreed plan; reminders end', async () => {
      const caseId = triagedCase();
      const opened = await sut.open(lead, written(caseId));
      await expect(sut.resolve(lead, { consultationId: opened.id, summary: 'Kết luận sớm', plan: [] })).rejects.toMatchObject({ code: 'INVALID_STATE' });
      await expect(sut.submitOpinion(syt, { consultationId: opened.id, position: 'AGREE', reasoning: 'Không được mời' })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(sut.submitOpinion(lethuy, { consultationId: opened.id, position: 'ALTERNATIVE', reasoning: 'Phương án khác' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'alternativeProposal',
      });

      await sut.submitOpinion(ca, {
        consultationId: opened.id,
        position: 'AGREE',
        reasoning: 'Công an tỉnh xác minh: không có sự cố đập',
        attachments: [{ name: 'Báo cáo xác minh', url: 'https://congan.quangbinh.gov.vn/bc/123' }],
      });
      const answered = await sut.submitOpinion(lethuy, {
        consultationId: opened.id,
        position: 'ALTERNATIVE',
        reasoning: 'Huyện đã thông báo trên loa',
        alternativeProposal: 'Thêm thông báo trên đài truyền thanh huyện',
      });
      expect(answered.invitations.map((i) => `${i.agencyCode}:${i.position}:${i.late}`)).toEqual(['CA:AGREE:false', 'UBND_LE_THUY:ALTERNATIVE:false']);
      expect((await bed.outbox(caseId)).filter((e) => e.subject === EventSubjects.consultation.opinionSubmitted)).toHaveLength(2);

      await expect(sut.resolve(ca, { consultationId: opened.id, summary: 'Kết luận', plan: [] })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        sut.resolve(lead, {
          consultationId: opened.id,
          summary: 'Kết luận',
          plan: [{ type: 'MONITOR', assigneeAgencyCode: 'GHOST_AGENCY', dueDate: inAMonth() }],
        }),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'plan',
      });
      const plan = [{ type: 'PUBLISH_CLARIFICATION' as const, assigneeAgencyCode: 'UBND_LE_THUY', dueDate: inAMonth(), details: 'Đài truyền thanh huyện' }];
      const resolved = await sut.resolve(lead, { consultationId: opened.id, summary: 'Thống nhất đính chính trên đài truyền thanh huyện', plan });
      expect(resolved).toMatchObject({
        status: 'RESOLVED',
        resolution: {
          summary: 'Thống nhất đính chính trên đài truyền thanh huyện',
          plan: [{ type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'UBND_LE_THUY' }],
        },
      });
      const [{ n }] = await bed.dataSource.query(`SELECT count(*)::int AS n FROM consultation_deadline WHERE consultation_id = $1 AND cancelled_at IS NULL`, [
        opened.id,
      ]);
      expect(n).toBe(0);
      expect((await bed.outbox(caseId)).at(-1)).toMatchObject({
        subject: EventSubjects.consultation.resolved,
        data: { plan: [{ type: 'PUBLISH_CLARIFICATION' }] },
      });
      expect((await bed.audit(opened.id)).map((a) => a.action)).toEqual([
        'consultation.opened',
        'consultation.opinion-submitted',
        'consultation.opinion-submitted',
        'consultation.resolved',
      ]);
      await expect(sut.submitOpinion(ca, { consultationId: opened.id, position: 'DISAGREE', reasoning: 'Đổi ý' })).rejects.toMatchObject({
        code: 'INVALID_STATE',
      });
    });
  });

  describe('submitOpinion (versions)', () => {
    it('keeps every version of an agency’s opinion; the invitation shows the latest, a retried submission adds none', async () => {
      const opened = await sut.open(lead, written(triagedCase()));
      await sut.submitOpinion(ca, {
        consultationId: opened.id,
        position: 'DISAGREE',
        reasoning: 'Chưa đủ căn cứ xác minh nội dung',
        attachments: [{ name: 'Biên bản', url: 'https://congan.quangbinh.gov.vn/bb/1' }],
      });
      const revision = {
        consultationId: opened.id,
        position: 'AGREE' as const,
        reasoning: 'Đã xác minh: thông tin bịa đặt',
        clientRequestId: `opinion-${opened.id}`,
      };
      const revised = await sut.submitOpinion(ca, revision);
      expect(await sut.submitOpinion(ca, revision)).toEqual(revised);
      const invitation = revised.invitations.find((i) => i.agencyCode === 'CA')!;
      expect(invitation).toMatchObject({ position: 'AGREE', reasoning: 'Đã xác minh: thông tin bịa đặt' });
      expect(invitation.opinionVersions.map((v) => `${v.version}:${v.position}`)).toEqual(['1:DISAGREE', '2:AGREE']);
      // A revision without attachments keeps the earlier ones.
      expect(invitation.opinionVersions[1]!.attachments).toEqual([{ name: 'Biên bản', url: 'https://congan.quangbinh.gov.vn/bb/1' }]);
    });
  });

  describe('recordMeeting and resolve (meeting)', () => {
    it('records attendance, minutes and dissent, then resolves; opinions are for written consultations', async () => {
      const caseId = triagedCase();
      const opened = await sut.open(lead, meeting(caseId));
      await expect(sut.submitOpinion(ca, { consultationId: opened.id, position: 'AGREE', reasoning: 'Ý kiến bằng văn bản' })).rejects.toMatchObject({
        code: 'INVALID_STATE',
      });
      await expect(sut.resolve(lead, { consultationId: opened.id, summary: 'Kết luận khi chưa có biên bản', plan: [] })).rejects.toMatchObject({
        code: 'INVALID_STATE',
      });
      await expect(
        sut.recordMeeting(lead, { consultationId: opened.id, attendance: [{ agencyCode: 'CA', present: true }], minutes: 'Biên bản thiếu một đơn vị' }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      const attendance = [
        { agencyCode: 'CA', present: true, representative: 'Đại diện Phòng An ninh mạng' },
        { agencyCode: 'UBND_LE_THUY', present: false, representative: 'không dự' },
      ];
      await expect(sut.recordMeeting(ca, { consultationId: opened.id, attendance, minutes: 'Biên bản do Công an ghi' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      const recorded = await sut.recordMeeting(lead, {
        consultationId: opened.id,
        attendance,
        minutes: 'Thống nhất đính chính và đề nghị nền tảng gỡ tin.',
        dissentingViews: [{ agencyCode: 'CA', view: 'Đề nghị chuyển hồ sơ điều tra' }],
      });
      expect(recorded.invitations.map((i) => `${i.agencyCode}:${i.present}:${i.representative}`)).toEqual([
        'CA:true:Đại diện Phòng An ninh mạng',
        'UBND_LE_THUY:false:null',
      ]);
      expect(recorded.dissentingViews).toEqual([{ agencyCode: 'CA', view: 'Đề nghị chuyển hồ sơ điều tra' }]);
      expect((await bed.outbox(caseId)).at(-1)).toMatchObject({
        subject: EventSubjects.consultation.meetingRecorded,
        data: { absentAgencyCodes: ['UBND_LE_THUY'], dissentingAgencyCodes: ['CA'] },
      });
      const resolved = await sut.resolve(lead, { consultationId: opened.id, summary: 'Thống nhất gỡ tin', plan: [] });
      expect(resolved.status).toBe('RESOLVED');
    });
  });
});
