import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Client as PgClient } from 'pg';
import { graphqlRequest, type GraphQLResponse, type TestUser } from '@phoi-hop/testing';
import type { Platform } from './platform';
import { SUBMIT_REPORT } from './queries';

export const ITEM_FIELDS = `id caseId kind sha256 sizeBytes mimeType capturedBy capturedByAgency capturedAt toolName toolVersion sourceUrl fileName nameMismatch
  screenshotStatus screenshotNote note contentWithheld integrityStatus parts { role sha256 sizeBytes mimeType } legalHold { reason placedBy }`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** GraphQL calls as seeded or added users, with their tokens cached. */
export function caller(platform: Platform) {
  const tokens = new Map<string, string>();
  const call = async <T = Json>(user: TestUser, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> => {
    let token = tokens.get(user.username);
    if (!token) tokens.set(user.username, (token = await platform.env.token(user)));
    return graphqlRequest<T>(platform.graphqlUrl, query, variables, token);
  };
  const ok = async <T = Json>(user: TestUser, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const result = await call<T>(user, query, variables);
    if (result.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
    return result.data!;
  };
  return { call, ok };
}

/** A new case of its own (unique URL and text), reported by `reporter`. */
export async function newCase(platform: Platform, reporter: TestUser, categoryCode = 'IMPERSONATION_SCAM', localityCode = 'LE_THUY', url?: string): Promise<string> {
  const { ok } = caller(platform);
  const unique = Array.from({ length: 12 }, () => Math.random().toString(36).slice(2, 8)).join(' ');
  const data = await ok<{ submitReport: { case: { id: string } } }>(reporter, SUBMIT_REPORT, {
    input: { url: url ?? `https://example.vn/bai/${Math.random().toString(36).slice(2)}`, excerpt: `Giả mạo cơ quan nhà nước ${unique}`, categoryCode, localityCode },
  });
  return data.submitReport.case.id;
}

/** Every file of the blob store (content-addressed) and of its temporary folder. */
export async function storedFiles(platform: Platform): Promise<{ blobs: string[]; tmp: string[] }> {
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const out: string[] = [];
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      out.push(...(entry.isDirectory() ? await walk(full) : [full]));
    }
    return out;
  };
  return { blobs: (await walk(path.join(platform.evidenceDir, 'sha256'))).sort(), tmp: await walk(path.join(platform.evidenceDir, 'tmp')) };
}

/** Rows of the evidence schema, for checks of what was (not) stored. */
export async function evidenceRows(platform: Platform, sql: string, params: unknown[] = []): Promise<Json[]> {
  const client = new PgClient({ connectionString: platform.env.databaseUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${platform.env.schema('evidence')}"`);
    return (await client.query(sql, params)).rows as Json[];
  } finally {
    await client.end();
  }
}
