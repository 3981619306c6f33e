import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { EventEnvelope } from '@phoi-hop/contracts';
import { graphqlRequest } from '@phoi-hop/testing';

const WORDS = (
  'tin đồn khẩn cấp lũ quét đập thủy điện sơ tán người dân hoang mang chính quyền xã huyện tỉnh ' +
  'mạng xã hội chia sẻ lừa đảo chuyển khoản tài khoản ngân hàng giả mạo cơ quan nhà nước dịch bệnh ' +
  'vắc xin trẻ em trường học giáo viên bệnh viện bác sĩ giá xăng điện nước đường sá cầu cống mưa bão ' +
  'biển đảo ngư dân tàu thuyền cảng cá chợ phiên nông sản lúa gạo hồ tiêu cao su rừng phòng hộ'
).split(' ');

/** A deterministic pseudo-random sequence, so a failing run can be repeated. */
function wordsFor(seed: number, count: number): string {
  let state = seed * 2654435761 + 1;
  const picked: string[] = [];
  for (let i = 0; i < count; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    picked.push(WORDS[state % WORDS.length]!);
  }
  return picked.join(' ');
}

export interface ReportInput {
  url: string;
  excerpt: string;
  categoryCode: string;
  localityCode: string;
}

/** The n-th distinct report of a run: its own link and a text no other report is near. */
export function distinctReport(runId: string, n: number): ReportInput {
  return {
    url: `https://www.facebook.com/groups/canh-bao/posts/${runId}-${n}`,
    excerpt: `${wordsFor(n + 1, 30)}.`,
    categoryCode: 'FALSE_INFO_PANIC',
    localityCode: 'LE_THUY',
  };
}

export const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitReportInput!) {
    submitReport(input: $input) {
      merged
      report {
        id
      }
      case {
        id
        number
      }
    }
  }
`;

export interface Acknowledged {
  reportId: string;
  caseId: string;
  merged: boolean;
  gateway: string;
  /** When the answer came (ms since the epoch). */
  answeredAt: number;
}

export interface LoadResult {
  acknowledged: Acknowledged[];
  /** Requests that got no success answer (refused connection, error code), by message. */
  failures: Record<string, number>;
  /** Successful answers by gateway URL. */
  perGateway: Record<string, number>;
}

export interface LoadOptions {
  /** GraphQL URLs, taken round-robin; one that refuses a connection is skipped afterwards, as a load balancer would. */
  gateways: string[];
  token: string;
  runId: string;
  count: number;
  concurrency: number;
  /** Every `repeatEvery`-th submission repeats an earlier acknowledged report (it joins that case). */
  repeatEvery?: number;
  /** Called after each answer (to time signals at a point of the load). */
  onAnswer?: (answered: number) => void;
}

/** Submits `count` reports through the gateways with `concurrency` clients at once. */
export async function submitLoad(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = { acknowledged: [], failures: {}, perGateway: {} };
  const down = new Set<string>();
  const sent: ReportInput[] = [];
  let next = 0;
  let answered = 0;
  const fail = (reason: string) => (result.failures[reason] = (result.failures[reason] ?? 0) + 1);

  const worker = async (): Promise<void> => {
    while (next < options.count) {
      const n = next++;
      const up = options.gateways.filter((g) => !down.has(g));
      if (up.length === 0) {
        fail('no gateway up');
        continue;
      }
      const gateway = up[n % up.length]!;
      const repeat = options.repeatEvery && n % options.repeatEvery === options.repeatEvery - 1 && sent.length > 0;
      const input = repeat ? sent[n % sent.length]! : distinctReport(options.runId, n);
      try {
        const response = await graphqlRequest<{ submitReport: { merged: boolean; report: { id: string }; case: { id: string } } }>(
          gateway,
          SUBMIT,
          { input },
          options.token,
        );
        const answer = response.data?.submitReport;
        if (response.errors || !answer) fail(String(response.errors?.[0]?.extensions?.['code'] ?? `HTTP ${response.status}`));
        else {
          if (!repeat) sent.push(input);
          result.acknowledged.push({ reportId: answer.report.id, caseId: answer.case.id, merged: answer.merged, gateway, answeredAt: Date.now() });
          result.perGateway[gateway] = (result.perGateway[gateway] ?? 0) + 1;
        }
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause?.code;
        if (cause === 'ECONNREFUSED') down.add(gateway);
        fail(cause ?? String((error as Error).message));
      }
      options.onAnswer?.(++answered);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, () => worker()));
  return result;
}

export interface StreamMessage {
  seq: number;
  subject: string;
  envelope: EventEnvelope;
}

/** Every message of a stream, in stream order, with its subject unprefixed. */
export async function readStream(js: JetStreamClient, jsm: JetStreamManager, stream: string, subjectPrefix: string): Promise<StreamMessage[]> {
  const info = await jsm.streams.info(stream);
  const total = info.state.messages;
  if (total === 0) return [];
  const consumer = await js.consumers.get(stream);
  const messages: StreamMessage[] = [];
  const iterator = await consumer.consume();
  for await (const message of iterator) {
    messages.push({ seq: message.seq, subject: message.subject.slice(subjectPrefix.length), envelope: message.json<EventEnvelope>() });
    if (message.seq >= info.state.last_seq) break;
  }
  await iterator.close();
  return messages;
}

/** Which report an intake submission event is about. */
export function reportIdOf(message: StreamMessage): string | undefined {
  const data = message.envelope.data as { reportId?: string; report?: { id?: string } };
  if (message.subject === 'evt.intake.case.opened') return data.reportId;
  if (message.subject === 'evt.intake.report.attached') return data.report?.id;
  return undefined;
}
