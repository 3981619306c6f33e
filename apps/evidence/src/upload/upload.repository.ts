import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '@phoi-hop/persistence';

export interface TicketRow {
  id: string;
  case_id: string;
  case_number: string;
  visible_agencies: string[];
  file_name: string;
  note: string | null;
  requested_by: string;
  requested_by_agency: string;
}

/** A new upload ticket, as handed out through the API. */
export interface NewTicket {
  id: string;
  caseId: string;
  caseNumber: string;
  visibleAgencies: string[];
  fileName: string;
  note: string | null;
  requestedBy: string;
  requestedByAgency: string;
  expiresAt: Date;
}

/** Upload tickets: handed out, used up once, and their outcome. */
@Injectable()
export class UploadRepository {
  async insert(manager: EntityManager, ticket: NewTicket): Promise<void> {
    await manager.query(
      `INSERT INTO upload_ticket (id, case_id, case_number, visible_agencies, file_name, note, requested_by, requested_by_agency, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        ticket.id,
        ticket.caseId,
        ticket.caseNumber,
        ticket.visibleAgencies,
        ticket.fileName,
        ticket.note,
        ticket.requestedBy,
        ticket.requestedByAgency,
        ticket.expiresAt,
      ],
    );
  }

  /** Uses up an unused, unexpired ticket (its outcome RECEIVING); null if there is none such. */
  async claim(manager: EntityManager, id: string): Promise<TicketRow | null> {
    const [ticket] = await queryRows<TicketRow>(
      manager,
      `UPDATE upload_ticket SET used_at = now(), outcome = 'RECEIVING' WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING *`,
      [id],
    );
    return ticket ?? null;
  }

  async markStored(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE upload_ticket SET outcome = 'STORED' WHERE id = $1`, [id]);
  }

  async setOutcome(manager: EntityManager, id: string, outcome: string): Promise<void> {
    await manager.query(`UPDATE upload_ticket SET outcome = $2 WHERE id = $1`, [id, outcome]);
  }
}
