import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PublicSourceDto } from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';
import type { DerivedSource } from './public-source.rules';

export interface SourceRow {
  id: string;
  platform: PublicSourceDto['platform'];
  kind: PublicSourceDto['kind'];
  handle: string;
  url: string;
  display_name: string | null;
  first_seen_at: Date;
  last_seen_at: Date;
  cases: { caseId: string; visibleAgencies: string[] }[];
}

/** Public sources and the cases they appear in. */
@Injectable()
export class PublicSourceRepository {
  /** Records that a case shows the source (seen at `seenAt`); idempotent per case. */
  async record(manager: EntityManager, source: DerivedSource, caseId: string, visibleAgencies: string[], seenAt: Date): Promise<void> {
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO public_source (id, platform, kind, handle, url, first_seen_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6, $6)
       ON CONFLICT (platform, kind, handle) DO UPDATE SET first_seen_at = LEAST(public_source.first_seen_at, EXCLUDED.first_seen_at), last_seen_at = GREATEST(public_source.last_seen_at, EXCLUDED.last_seen_at)
       RETURNING id`,
      [randomUUID(), source.platform, source.kind, source.handle, source.url, seenAt],
    );
    await manager.query(
      `INSERT INTO public_source_case (source_id, case_id, visible_agencies, first_seen_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (source_id, case_id) DO UPDATE SET visible_agencies = (SELECT array_agg(DISTINCT a) FROM unnest(public_source_case.visible_agencies || EXCLUDED.visible_agencies) a)`,
      [row!.id, caseId, visibleAgencies, seenAt],
    );
  }

  async load(manager: EntityManager, id: string, forUpdate = false): Promise<SourceRow | null> {
    const [row] = await queryRows<SourceRow>(
      manager,
      `SELECT s.*, (SELECT json_agg(json_build_object('caseId', c.case_id, 'visibleAgencies', c.visible_agencies) ORDER BY c.first_seen_at) FROM public_source_case c WHERE c.source_id = s.id) AS cases
         FROM public_source s WHERE s.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async edit(manager: EntityManager, id: string, change: { kind: string; displayName: string | null; by: string }): Promise<void> {
    await manager.query(`UPDATE public_source SET kind = $2, display_name = $3, edited_at = now(), edited_by = $4 WHERE id = $1`, [id, change.kind, change.displayName, change.by]);
  }

  /** The sources a case shows, each with every case it appears in. */
  async forCase(manager: EntityManager, caseId: string): Promise<SourceRow[]> {
    return queryRows<SourceRow>(
      manager,
      `SELECT s.*, (SELECT json_agg(json_build_object('caseId', c.case_id, 'visibleAgencies', c.visible_agencies) ORDER BY c.first_seen_at) FROM public_source_case c WHERE c.source_id = s.id) AS cases
         FROM public_source s WHERE s.id IN (SELECT source_id FROM public_source_case WHERE case_id = $1) ORDER BY s.first_seen_at, s.id`,
      [caseId],
    );
  }
}
