import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  AppealDecision,
  AppealGround,
  AppealParty,
  ComplaintOrigin,
  ComplaintStatus,
  InadmissibilityReason,
  PressRuleSet,
  ReplyAttachmentMediaType,
  ReplyChannel,
  ReplyRecipientRole,
  RulingOutcome,
} from '@phoi-hop/contracts';
import { queryRows } from '@phoi-hop/persistence';

export interface ComplaintRow {
  id: string;
  origin: ComplaintOrigin;
  case_id: string | null;
  case_number: string | null;
  action_id: string | null;
  decision_id: string | null;
  complainant_agency: string;
  status: ComplaintStatus;
  article_url: string | null;
  outlet_name: string | null;
  outlet_agency_code: string | null;
  publication_date: string | null;
  byline: string | null;
  rule_codes: string[];
  /** The cited rules as the reference data held them at filing. */
  cited_rules: CitedRule[];
  account: string | null;
  filed_by: string | null;
  filed_at: Date | null;
  opened_at: Date;
  inadmissibility_reasons: InadmissibilityReason[];
  inadmissibility_note: string | null;
  reply_due_at: Date | null;
  appeal_due_at: Date | null;
  closed_at: Date | null;
  respondent_purged_at: Date | null;
  visible_agencies: string[];
}

export interface CitedRule {
  code: string;
  ruleSet: PressRuleSet;
  article: string;
  title: string;
}

export interface ReplyRow {
  id: string;
  complaint_id: string;
  channel: ReplyChannel;
  recipient_role: ReplyRecipientRole | null;
  text: string;
  attachment_urls: string[];
  submitted_by: string | null;
  submitted_by_agency: string | null;
  submitted_at: Date;
}

export interface RulingRow {
  id: string;
  complaint_id: string;
  outcome: RulingOutcome;
  rule_codes: string[];
  reasons: string;
  ruled_by: string;
  ruled_by_agency: string;
  ruled_at: Date;
  set_aside_at: Date | null;
}

export interface AppealRow {
  id: string;
  complaint_id: string;
  ruling_id: string;
  party: AppealParty;
  grounds: AppealGround[];
  statement: string;
  lodged_by: string;
  lodged_by_agency: string;
  lodged_at: Date;
  decision: AppealDecision | null;
  substituted_outcome: RulingOutcome | null;
  decision_reasons: string | null;
  decided_by: string | null;
  decided_by_agency: string | null;
  decided_at: Date | null;
}

export interface RespondentRow {
  complaint_id: string;
  journalist_name: string;
  journalist_email: string;
  editor_name: string | null;
  editor_email: string | null;
}

export interface ReplyLinkRow {
  id: string;
  complaint_id: string;
  recipient_role: ReplyRecipientRole;
  expires_at: Date;
  used_at: Date | null;
}

/** What a reply's file is (its bytes are read only for a download). */
export interface ReplyAttachmentRow {
  id: string;
  reply_id: string;
  display_name: string;
  media_type: ReplyAttachmentMediaType;
  size_bytes: number;
  sha256: string;
  purged_at: Date | null;
}

/** A complaint with everything that hangs from it. */
export interface ComplaintRecord {
  complaint: ComplaintRow;
  replies: ReplyRow[];
  /** The replies' files, in the order each reply attached them. */
  attachments: ReplyAttachmentRow[];
  rulings: RulingRow[];
  appeals: AppealRow[];
}

const COMPLAINT_COLUMNS = `id, origin, case_id, case_number, action_id, decision_id, complainant_agency, status, article_url, outlet_name,
  outlet_agency_code, to_char(publication_date, 'YYYY-MM-DD') AS publication_date, byline, rule_codes, cited_rules, account, filed_by, filed_at, opened_at,
  inadmissibility_reasons, inadmissibility_note, reply_due_at, appeal_due_at, closed_at, respondent_purged_at, visible_agencies`;

export interface ComplaintDetails {
  articleUrl: string;
  outletName: string;
  outletAgencyCode: string | null;
  publicationDate: string;
  byline: string;
  ruleCodes: string[];
  citedRules: CitedRule[];
  account: string;
}

/** All the SQL of complaints, their respondents, reply links, replies, rulings, appeals and deadlines. */
@Injectable()
export class ComplaintRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens a complaint from a case action; nothing when one exists for the action already. */
  async insertFromAction(
    manager: EntityManager,
    c: { id: string; caseId: string; caseNumber: string; actionId: string; decisionId: string; complainantAgency: string; visibleAgencies: string[]; at: Date },
  ): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO press_complaint (id, origin, case_id, case_number, action_id, decision_id, complainant_agency, status, opened_at, visible_agencies, updated_at)
       VALUES ($1, 'CASE_ACTION', $2, $3, $4, $5, $6, 'INCOMPLETE', $7, $8, $7) ON CONFLICT (action_id) DO NOTHING RETURNING id`,
      [c.id, c.caseId, c.caseNumber, c.actionId, c.decisionId, c.complainantAgency, c.at, c.visibleAgencies],
    );
    return rows.length === 1;
  }

  async insertFiled(
    manager: EntityManager,
    c: { id: string; caseId: string | null; caseNumber: string | null; complainantAgency: string; visibleAgencies: string[]; at: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO press_complaint (id, origin, case_id, case_number, complainant_agency, status, opened_at, visible_agencies, updated_at)
       VALUES ($1, 'AGENCY', $2, $3, $4, 'INCOMPLETE', $5, $6, $5)`,
      [c.id, c.caseId, c.caseNumber, c.complainantAgency, c.at, c.visibleAgencies],
    );
  }

  /** Records the article, the rules and the account, and the admissibility found. */
  async recordDetails(
    manager: EntityManager,
    id: string,
    d: ComplaintDetails & {
      status: ComplaintStatus;
      filedBy: string;
      at: Date;
      reasons: InadmissibilityReason[];
      note: string | null;
      replyDueAt: Date | null;
      visibleAgencies: string[];
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE press_complaint SET article_url = $2, outlet_name = $3, outlet_agency_code = $4, publication_date = $5, byline = $6, rule_codes = $7,
         account = $8, status = $9::text, filed_by = $10, filed_at = $11::timestamptz, inadmissibility_reasons = $12, inadmissibility_note = $13,
         reply_due_at = $14, visible_agencies = $15, closed_at = CASE WHEN $9::text = 'INADMISSIBLE' THEN $11::timestamptz ELSE NULL END,
         updated_at = $11::timestamptz, cited_rules = $16::jsonb
       WHERE id = $1`,
      [
        id,
        d.articleUrl,
        d.outletName,
        d.outletAgencyCode,
        d.publicationDate,
        d.byline,
        d.ruleCodes,
        d.account,
        d.status,
        d.filedBy,
        d.at,
        d.reasons,
        d.note,
        d.replyDueAt,
        d.visibleAgencies,
        JSON.stringify(d.citedRules),
      ],
    );
  }

  async insertRespondent(manager: EntityManager, r: RespondentRow): Promise<void> {
    await manager.query(
      `INSERT INTO press_respondent (complaint_id, journalist_name, journalist_email, editor_name, editor_email) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (complaint_id) DO UPDATE SET journalist_name = $2, journalist_email = $3, editor_name = $4, editor_email = $5`,
      [r.complaint_id, r.journalist_name, r.journalist_email, r.editor_name, r.editor_email],
    );
  }

  async respondent(manager: EntityManager | null, complaintId: string): Promise<RespondentRow | null> {
    const [row] = await queryRows<RespondentRow>(manager ?? this.dataSource.manager, `SELECT * FROM press_respondent WHERE complaint_id = $1`, [complaintId]);
    return row ?? null;
  }

  /** The complaint, locked until the transaction ends when `lock` (every change to a complaint takes this lock first). */
  async complaint(manager: EntityManager | null, id: string, lock = false): Promise<ComplaintRow | null> {
    const [row] = await queryRows<ComplaintRow>(
      manager ?? this.dataSource.manager,
      `SELECT ${COMPLAINT_COLUMNS} FROM press_complaint WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async record(manager: EntityManager | null, id: string): Promise<ComplaintRecord | null> {
    const m = manager ?? this.dataSource.manager;
    const complaint = await this.complaint(m, id);
    if (!complaint) return null;
    const [replies, attachments, rulings, appeals] = [
      await queryRows<ReplyRow>(m, `SELECT * FROM press_reply WHERE complaint_id = $1 ORDER BY submitted_at, id`, [id]),
      await queryRows<ReplyAttachmentRow>(
        m,
        `SELECT id, reply_id, display_name, media_type, size_bytes, sha256, purged_at FROM press_reply_attachment
          WHERE complaint_id = $1 AND reply_id IS NOT NULL ORDER BY reply_id, position, id`,
        [id],
      ),
      await queryRows<RulingRow>(m, `SELECT * FROM press_ruling WHERE complaint_id = $1 ORDER BY ruled_at, id`, [id]),
      await queryRows<AppealRow>(m, `SELECT * FROM press_appeal WHERE complaint_id = $1 ORDER BY lodged_at, id`, [id]),
    ];
    return { complaint, replies, attachments, rulings, appeals };
  }

  /** Complaints visible to `agencyCode` (all with `everyAgency`), newest first. */
  async list(filter: { agencyCode: string; everyAgency: boolean; caseId?: string; status?: ComplaintStatus }): Promise<string[]> {
    const rows = await queryRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM press_complaint
        WHERE ($1 OR $2 = ANY(visible_agencies)) AND ($3::uuid IS NULL OR case_id = $3) AND ($4::text IS NULL OR status = $4)
        ORDER BY opened_at DESC, id LIMIT 200`,
      [filter.everyAgency, filter.agencyCode, filter.caseId ?? null, filter.status ?? null],
    );
    return rows.map((r) => r.id);
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    status: ComplaintStatus,
    at: Date,
    extra: { appealDueAt?: Date | null; closed?: boolean } = {},
  ): Promise<void> {
    await manager.query(
      `UPDATE press_complaint SET status = $2, updated_at = $3::timestamptz,
         appeal_due_at = CASE WHEN $4::boolean THEN $5::timestamptz ELSE appeal_due_at END,
         closed_at = CASE WHEN $6::boolean THEN $3::timestamptz ELSE closed_at END
       WHERE id = $1`,
      [id, status, at, extra.appealDueAt !== undefined, extra.appealDueAt ?? null, extra.closed ?? false],
    );
  }

  async insertReplyLink(manager: EntityManager, link: { id: string; complaintId: string; role: ReplyRecipientRole; at: Date; expiresAt: Date }): Promise<void> {
    await manager.query(`INSERT INTO press_reply_link (id, complaint_id, recipient_role, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      link.id,
      link.complaintId,
      link.role,
      link.at,
      link.expiresAt,
    ]);
  }

  async replyLink(manager: EntityManager | null, id: string, lock = false): Promise<ReplyLinkRow | null> {
    const [row] = await queryRows<ReplyLinkRow>(
      manager ?? this.dataSource.manager,
      `SELECT id, complaint_id, recipient_role, expires_at, used_at FROM press_reply_link WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  /** Consumes the link's nonce; false when it was used already (the caller's transaction keeps the reply only if true). */
  async consumeReplyLink(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE press_reply_link SET used_at = $2 WHERE id = $1 AND used_at IS NULL AND expires_at > $2 RETURNING id`,
      [id, at],
    );
    return rows.length === 1;
  }

  /** The complaint's unused reply links, editor's first; only `linkId` when one is named (the notice of one link). */
  async openReplyLinks(manager: EntityManager, complaintId: string, linkId: string | null): Promise<ReplyLinkRow[]> {
    return queryRows<ReplyLinkRow>(
      manager,
      `SELECT id, complaint_id, recipient_role, expires_at, used_at FROM press_reply_link
        WHERE complaint_id = $1 AND used_at IS NULL AND ($2::uuid IS NULL OR id = $2) ORDER BY recipient_role DESC`,
      [complaintId, linkId],
    );
  }

  /** Every link of the complaint stops working once a reply is in (one reply closes the window for all). */
  async retireReplyLinks(manager: EntityManager, complaintId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE press_reply_link SET used_at = $2 WHERE complaint_id = $1 AND used_at IS NULL`, [complaintId, at]);
  }

  /** The recipient's unused links stop working (a fresh one is sent instead); answers how many did. */
  async revokeReplyLinksOf(manager: EntityManager, complaintId: string, role: ReplyRecipientRole, at: Date): Promise<number> {
    const rows = await queryRows<{ id: string }>(
      manager,
      `UPDATE press_reply_link SET used_at = $3 WHERE complaint_id = $1 AND recipient_role = $2 AND used_at IS NULL RETURNING id`,
      [complaintId, role, at],
    );
    return rows.length;
  }

  async insertReply(manager: EntityManager, r: ReplyRow): Promise<void> {
    await manager.query(
      `INSERT INTO press_reply (id, complaint_id, channel, recipient_role, text, attachment_urls, submitted_by, submitted_by_agency, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [r.id, r.complaint_id, r.channel, r.recipient_role, r.text, r.attachment_urls, r.submitted_by, r.submitted_by_agency, r.submitted_at],
    );
  }

  async insertRuling(manager: EntityManager, r: RulingRow): Promise<void> {
    await manager.query(
      `INSERT INTO press_ruling (id, complaint_id, outcome, rule_codes, reasons, ruled_by, ruled_by_agency, ruled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [r.id, r.complaint_id, r.outcome, r.rule_codes, r.reasons, r.ruled_by, r.ruled_by_agency, r.ruled_at],
    );
  }

  async setAsideRuling(manager: EntityManager, rulingId: string, at: Date): Promise<void> {
    await manager.query(`UPDATE press_ruling SET set_aside_at = $2 WHERE id = $1`, [rulingId, at]);
  }

  async insertAppeal(
    manager: EntityManager,
    a: Omit<AppealRow, 'decision' | 'substituted_outcome' | 'decision_reasons' | 'decided_by' | 'decided_by_agency' | 'decided_at'>,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO press_appeal (id, complaint_id, ruling_id, party, grounds, statement, lodged_by, lodged_by_agency, lodged_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [a.id, a.complaint_id, a.ruling_id, a.party, a.grounds, a.statement, a.lodged_by, a.lodged_by_agency, a.lodged_at],
    );
  }

  async decideAppeal(
    manager: EntityManager,
    id: string,
    d: { decision: AppealDecision; substitutedOutcome: RulingOutcome | null; reasons: string; by: string; agency: string; at: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE press_appeal SET decision = $2, substituted_outcome = $3, decision_reasons = $4, decided_by = $5, decided_by_agency = $6, decided_at = $7 WHERE id = $1`,
      [id, d.decision, d.substitutedOutcome, d.reasons, d.by, d.agency, d.at],
    );
  }

  async scheduleDeadline(
    manager: EntityManager,
    d: { id: string; complaintId: string; kind: 'REPLY_NOTICE' | 'REPLY_REMINDER' | 'REPLY_WINDOW_CLOSED'; dueAt: Date; linkId?: string },
  ): Promise<void> {
    await manager.query(`INSERT INTO press_deadline (id, complaint_id, kind, due_at, link_id) VALUES ($1, $2, $3, $4, $5)`, [
      d.id,
      d.complaintId,
      d.kind,
      d.dueAt,
      d.linkId ?? null,
    ]);
  }

  /** A reply came: the reminder and the window's end have nothing left to do. */
  async cancelReplyDeadlines(manager: EntityManager, complaintId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE press_deadline SET cancelled_at = $2 WHERE complaint_id = $1 AND kind IN ('REPLY_REMINDER', 'REPLY_WINDOW_CLOSED') AND fired_at IS NULL AND cancelled_at IS NULL`,
      [complaintId, at],
    );
  }

  /** Complaints whose respondent details are due for purging (see respondentPurgeDue), locked one at a time across replicas. */
  async claimPurgeDue(manager: EntityManager, now: Date): Promise<ComplaintRow | null> {
    const [row] = await queryRows<ComplaintRow>(
      manager,
      `SELECT ${COMPLAINT_COLUMNS} FROM press_complaint c
        WHERE respondent_purged_at IS NULL AND EXISTS (SELECT 1 FROM press_respondent r WHERE r.complaint_id = c.id)
          AND (status IN ('INADMISSIBLE', 'CLOSED') OR (status = 'RULED' AND appeal_due_at < $1))
        ORDER BY updated_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [now],
    );
    return row ?? null;
  }

  async purgeRespondent(manager: EntityManager, complaintId: string, at: Date): Promise<void> {
    await manager.query(`DELETE FROM press_respondent WHERE complaint_id = $1`, [complaintId]);
    await manager.query(`UPDATE press_complaint SET respondent_purged_at = $2 WHERE id = $1`, [complaintId, at]);
  }
}
