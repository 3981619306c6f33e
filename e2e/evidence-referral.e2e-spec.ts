import { SeededUsers } from '@phoi-hop/testing';
import { caller, evidenceRows, newCase } from './support/evidence';
import { startPlatform, type Platform } from './support/platform';

const REFERRAL = `id status policeReference policeAgencyCode legalBasis { code citation } outcomeCategory outcomeDate handedOver { packageId packageSha256 receivedByAgency by }`;
const REQUEST = `mutation($i: RequestPoliceReferralInput!) { requestPoliceReferral(input: $i) { ${REFERRAL} } }`;
const UPDATE = `mutation($i: UpdatePoliceReferralInput!) { updatePoliceReferral(input: $i) { ${REFERRAL} } }`;
const HAND_OVER = `mutation($i: HandOverEvidencePackageInput!) { handOverEvidencePackage(input: $i) { ${REFERRAL} } }`;
const LIST = `query($c: ID!) { policeReferrals(caseId: $c) { ${REFERRAL} } }`;
const DECIDE = `mutation($i: DecideCaseInput!) { decideCase(input: $i) { actions { id type } } }`;

/** What would name or locate a person: the referral must have no place for any of it (DESIGN "Stance"). */
const IDENTITY = /name|identit|cccd|cmnd|passport|phone|address|birth|author|person|email|gender|national|suspect|account|owner/i;

describe('police referrals (Đ6.2)', () => {
  let platform: Platform;
  let api: ReturnType<typeof caller>;
  const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    platform = await startPlatform();
    api = caller(platform);
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
  });

  /** A case decided FALSE on a provision in force, with a referral to the police and a clarification. */
  async function decidedCase(): Promise<{ caseId: string; referAction: string; otherAction: string }> {
    const caseId = await newCase(platform, SeededUsers.lethuyOfficer);
    await api.ok(SeededUsers.stttLead, `mutation($id: ID!) { triageCase(id: $id) { id } }`, { id: caseId });
    const { decideCase } = await api.ok<{ decideCase: { actions: { id: string; type: string }[] } }>(SeededUsers.stttLead, DECIDE, {
      i: {
        caseId,
        finding: 'FALSE',
        provisionCodes: ['ND15_2020_D101'],
        assessment: {
          isFactualClaim: true,
          verifiedFalseBy: 'UBND_LE_THUY',
          isPublicInterestReporting: false,
          isGenuineGrievance: false,
          proportionality: 'Trang giả mạo cơ quan nhà nước thu tiền của người dân; chuyển công an là cần thiết',
          concludesNotProtected: true,
        },
        statementOfReasons: 'Xác minh: UBND huyện không có thông báo thu phí; trang giả mạo nhằm chiếm đoạt tài sản.',
        actions: [
          { type: 'REFER_TO_POLICE', assigneeAgencyCode: 'CA', dueDate: inAMonth, details: 'Chuyển hồ sơ cho Công an tỉnh' },
          { type: 'PUBLISH_CLARIFICATION', assigneeAgencyCode: 'STTTT', dueDate: inAMonth },
        ],
      },
    });
    return { caseId, referAction: decideCase.actions.find((a) => a.type === 'REFER_TO_POLICE')!.id, otherAction: decideCase.actions.find((a) => a.type !== 'REFER_TO_POLICE')!.id };
  }

  it('goes from REQUESTED through ACCEPTED and IN_PROGRESS to CONCLUDED, with a package handed over as a custody transfer', async () => {
    const { caseId, referAction, otherAction } = await decidedCase();
    const notReferral = await api.call(SeededUsers.stttLead, REQUEST, { i: { caseId, actionId: otherAction } });
    expect(notReferral.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'actionId' });

    const { requestPoliceReferral: requested } = await api.ok<{ requestPoliceReferral: Record<string, any> }>(SeededUsers.stttLead, REQUEST, { i: { caseId, actionId: referAction } }); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(requested).toMatchObject({ status: 'REQUESTED', policeReference: null, policeAgencyCode: 'CA', legalBasis: [{ code: 'ND15_2020_D101', citation: expect.any(String) }], handedOver: [] });
    const twice = await api.call(SeededUsers.stttLead, REQUEST, { i: { caseId, actionId: referAction } });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'actionId' });

    // Only the police report on it, and only in order.
    const byCoordinator = await api.call(SeededUsers.stttLead, UPDATE, { i: { referralId: requested['id'], status: 'ACCEPTED', policeReference: '123/PA05' } });
    expect(byCoordinator.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const skipping = await api.call(SeededUsers.caOfficer, UPDATE, { i: { referralId: requested['id'], status: 'CONCLUDED', policeReference: '123/PA05', outcomeCategory: 'WARNING', outcomeDate: today } });
    expect(skipping.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE', field: 'status' });
    const accepted = await api.ok<{ updatePoliceReferral: { status: string; policeReference: string } }>(SeededUsers.caOfficer, UPDATE, { i: { referralId: requested['id'], status: 'ACCEPTED', policeReference: '123/PA05' } });
    expect(accepted.updatePoliceReferral).toMatchObject({ status: 'ACCEPTED', policeReference: '123/PA05' });
    await api.ok(SeededUsers.caOfficer, UPDATE, { i: { referralId: requested['id'], status: 'IN_PROGRESS' } });

    await api.ok(SeededUsers.lethuyOfficer, `mutation($i: AddTextExcerptInput!) { addTextExcerpt(input: $i) { id } }`, { i: { caseId, text: 'Trang giả mạo thu phí nhận cứu trợ.' } });
    const { exportEvidencePackage: pkg } = await api.ok<{ exportEvidencePackage: { id: string; sha256: string } }>(SeededUsers.stttLead, `mutation($i: ExportEvidencePackageInput!) { exportEvidencePackage(input: $i) { id sha256 } }`, { i: { caseId } });
    const wrongAgency = await api.call(SeededUsers.stttLead, HAND_OVER, { i: { referralId: requested['id'], packageId: pkg.id, receivedByAgency: 'BTG' } });
    expect(wrongAgency.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'receivedByAgency' });
    const handed = await api.ok<{ handOverEvidencePackage: { handedOver: unknown[] } }>(SeededUsers.stttLead, HAND_OVER, { i: { referralId: requested['id'], packageId: pkg.id, receivedByAgency: 'CA' } });
    expect(handed.handOverEvidencePackage.handedOver).toEqual([expect.objectContaining({ packageId: pkg.id, packageSha256: pkg.sha256, receivedByAgency: 'CA' })]);

    const concluded = await api.ok<{ updatePoliceReferral: Record<string, unknown> }>(SeededUsers.caOfficer, UPDATE, {
      i: { referralId: requested['id'], status: 'CONCLUDED', outcomeCategory: 'ADMINISTRATIVE_SANCTION', outcomeDate: today },
    });
    expect(concluded.updatePoliceReferral).toMatchObject({ status: 'CONCLUDED', policeReference: '123/PA05', outcomeCategory: 'ADMINISTRATIVE_SANCTION', outcomeDate: today });
    const after = await api.call(SeededUsers.caOfficer, UPDATE, { i: { referralId: requested['id'], status: 'IN_PROGRESS' } });
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_STATE' });

    // Restricted: the coordinator and the police read it; a reporting agency's officer may not.
    expect((await api.ok<{ policeReferrals: unknown[] }>(SeededUsers.caOfficer, LIST, { c: caseId })).policeReferrals).toHaveLength(1);
    expect((await api.call(SeededUsers.lethuyOfficer, LIST, { c: caseId })).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const custody = await evidenceRows(platform, `SELECT action, target_type FROM audit_log WHERE summary->>'caseId' = $1 ORDER BY seq`, [caseId]);
    expect(custody.map((e) => e['action'])).toEqual(['referral.requested', 'referral.updated', 'referral.updated', 'evidence.excerpt-added', 'evidence.exported', 'evidence.transferred', 'referral.updated']);
  });

  it('has no field for a person’s identity, in the API or in the tables, and refuses fields it does not know', async () => {
    const typeFields = async (name: string) =>
      (await api.ok<{ __type: { fields: { name: string }[] | null; inputFields: { name: string }[] | null } }>(SeededUsers.stttLead, `query($n: String!) { __type(name: $n) { fields { name } inputFields { name } } }`, { n: name })).__type;
    const apiFields: string[] = [];
    for (const type of ['PoliceReferral', 'EvidenceTransfer', 'RequestPoliceReferralInput', 'UpdatePoliceReferralInput', 'HandOverEvidencePackageInput']) {
      const found = await typeFields(type);
      apiFields.push(...[...(found.fields ?? []), ...(found.inputFields ?? [])].map((f) => `${type}.${f.name}`));
    }
    const columns = (await evidenceRows(platform, `SELECT table_name || '.' || column_name AS c FROM information_schema.columns WHERE table_schema = $1 AND table_name IN ('police_referral', 'referral_transfer')`, [platform.env.schema('evidence')])).map((r) => r['c'] as string);
    expect(apiFields.length).toBeGreaterThan(20);
    expect(columns.length).toBeGreaterThan(15);
    expect([...apiFields, ...columns].filter((f) => IDENTITY.test(f.split('.')[1]!))).toEqual([]);

    const { caseId, referAction } = await decidedCase();
    const { requestPoliceReferral } = await api.ok<{ requestPoliceReferral: { id: string } }>(SeededUsers.stttLead, REQUEST, { i: { caseId, actionId: referAction } });
    const smuggled = await api.call(SeededUsers.caOfficer, UPDATE, { i: { referralId: requestPoliceReferral.id, status: 'ACCEPTED', policeReference: '9/PA05', authorName: 'Nguyễn Văn A' } });
    expect(smuggled.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await api.ok<{ policeReferrals: { status: string }[] }>(SeededUsers.stttLead, LIST, { c: caseId })).policeReferrals).toEqual([expect.objectContaining({ status: 'REQUESTED' })]);
  });
});
