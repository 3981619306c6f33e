import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AUDIT_COLUMNS, queryRows } from '@phoi-hop/persistence';

export interface PackageRow {
  id: string;
  case_id: string;
  sha256: string;
  size_bytes: string;
  key_id: string;
  item_ids: string[];
  created_at: Date;
  created_by: string;
  purged_at: Date | null;
}

/** A new signed package of a case's evidence. */
export interface NewPackage {
  id: string;
  caseId: string;
  sha256: string;
  sizeBytes: number;
  keyId: string;
  itemIds: string[];
  visibleAgencies: string[];
  createdAt: string;
  createdBy: string;
  createdByAgency: string;
}

/** Evidence packages, and the custody log of a case's evidence they carry. */
@Injectable()
export class PackageRepository {
  async insert(manager: EntityManager, pkg: NewPackage): Promise<void> {
    await manager.query(
      `INSERT INTO evidence_package (id, case_id, sha256, size_bytes, key_id, item_ids, visible_agencies, created_at, created_by, created_by_agency) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [pkg.id, pkg.caseId, pkg.sha256, pkg.sizeBytes, pkg.keyId, pkg.itemIds, pkg.visibleAgencies, pkg.createdAt, pkg.createdBy, pkg.createdByAgency],
    );
  }

  async find(manager: EntityManager, id: string): Promise<PackageRow | null> {
    return (await queryRows<PackageRow>(manager, `SELECT * FROM evidence_package WHERE id = $1`, [id]))[0] ?? null;
  }

  async listForCase(manager: EntityManager, caseId: string): Promise<PackageRow[]> {
    return queryRows<PackageRow>(manager, `SELECT * FROM evidence_package WHERE case_id = $1 ORDER BY created_at, id`, [caseId]);
  }

  /** Every audit row about the case's evidence, oldest first. */
  async custodyRows(manager: EntityManager, caseId: string): Promise<Record<string, unknown>[]> {
    return queryRows<Record<string, unknown>>(manager, `SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE summary->>'caseId' = $1 ORDER BY seq`, [caseId]);
  }
}
