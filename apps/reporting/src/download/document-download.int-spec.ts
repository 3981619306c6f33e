import { createHash, randomInt } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { RpcSubjects, type RenderedDocumentDto, type ReportPeriodDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import { createTestEnvironment, type TestEnvironment, type TestUser } from '@phoi-hop/testing';
import { createReportingApp, reportingTestConfig } from '../app/reporting.app';
import { docxParts, docxText } from '../document/docx-parts';

const LEAD: TestUser = { username: 'stttt.lead', agencyCode: 'STTTT', roles: ['COORDINATOR'] };
/** Enough agencies, each writing its three parts at their longest, for the report to pass 1 MB. */
const AGENCIES = Array.from({ length: 30 }, (_, i) => `DV_${String(i + 1).padStart(2, '0')}`);
const LETTERS = 'abcdefghijklmnopqrstuvwxyzăâđêôơưáàảãạéèẻẽẹíìỉĩịóòỏõọúùủũụýỳỷỹỵ';

/** Text that compresses as little as prose can: random words, 20,000 characters. */
function randomText(): string {
  let text = '';
  while (text.length < 19_990) text += `${Array.from({ length: 2 + randomInt(8) }, () => LETTERS[randomInt(LETTERS.length)]).join('')} `;
  return text.slice(0, 20_000);
}

/** The path the gateway takes (its RPC to the reporting service, then the address it passes on) with a real NATS, whose messages stop at 1 MB. */
describe('documents larger than a NATS message (real Postgres and NATS)', () => {
  let env: TestEnvironment;
  let nc: NatsConnection;
  let rpc: RpcClient;
  let app: INestApplication;

  beforeAll(async () => {
    env = await createTestEnvironment();
    nc = await connect({ servers: env.natsUrl });
    rpc = new RpcClient(nc, { subjectPrefix: env.subjectPrefix, rpcTimeoutMs: 120_000, serviceName: 'gateway' });
    app = await createReportingApp(reportingTestConfig(env.serviceConfig('reporting'), { outboxRelayEnabled: false, readModelConsumerEnabled: false }), false);
  });

  afterAll(async () => {
    await app?.close();
    await nc?.close();
    await env?.cleanup();
  });

  it('answers with the address of a 1 MB+ consolidated report, whose download is the whole document', async () => {
    expect(nc.info!.max_payload).toBeLessThanOrEqual(1024 * 1024);
    const lead = await env.internalToken(LEAD);
    const period = await rpc.request<ReportPeriodDto>(
      RpcSubjects.reporting.periodOpen,
      { kind: 'AD_HOC', from: '2026-01-01', to: '2026-06-30', deadline: new Date(Date.now() + 86_400_000).toISOString(), agencyCodes: AGENCIES },
      { token: lead },
    );
    const marker = 'Kết thúc báo cáo của đơn vị cuối cùng';
    for (const agencyCode of AGENCIES) {
      const token = await env.internalToken({ username: `${agencyCode.toLowerCase()}.officer`, agencyCode, roles: ['OFFICER'] });
      const proposals = agencyCode === AGENCIES.at(-1) ? `${randomText().slice(0, 19_900)} ${marker}` : randomText();
      await rpc.request(
        RpcSubjects.reporting.sectionSave,
        { periodId: period.id, accomplishments: randomText(), difficulties: randomText(), proposals, submit: true },
        { token },
      );
    }

    const document = await rpc.request<RenderedDocumentDto>(RpcSubjects.reporting.periodDocument, { periodId: period.id, format: 'DOCX' }, { token: lead });
    expect(document.byteLength).toBeGreaterThan(1024 * 1024);
    expect(document.contentBase64).toBeNull();
    const response = await fetch(document.url);
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(document.byteLength);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);
    const text = docxText((await docxParts(bytes)).get('word/document.xml')!);
    expect(text).toContain(marker);
    expect(text).toContain(`${AGENCIES.length}. ${AGENCIES.at(-1)}`);
  }, 180_000);
});
