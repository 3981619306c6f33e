import type { ComplaintDto, RulingOutcome } from '@phoi-hop/contracts';
import type { ComplaintRecord } from './complaint.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The outcome that stands: the last decided appeal's substitute when it overturned, else the ruling in force. */
export function finalOutcomeOf(record: ComplaintRecord): RulingOutcome | null {
  const current = [...record.rulings].reverse().find((r) => !r.set_aside_at);
  if (!current) return null;
  const overturned = record.appeals.find((a) => a.ruling_id === current.id && a.decision === 'OVERTURNED');
  return overturned?.substituted_outcome ?? current.outcome;
}

export function toComplaintDto(record: ComplaintRecord): ComplaintDto {
  const c = record.complaint;
  return {
    id: c.id,
    origin: c.origin,
    caseId: c.case_id,
    caseNumber: c.case_number,
    actionId: c.action_id,
    status: c.status,
    complainantAgencyCode: c.complainant_agency,
    article:
      c.article_url && c.outlet_name && c.publication_date && c.byline !== null
        ? { url: c.article_url, outletName: c.outlet_name, outletAgencyCode: c.outlet_agency_code, publicationDate: c.publication_date, byline: c.byline }
        : null,
    ruleCodes: c.rule_codes,
    account: c.account,
    openedAt: c.opened_at.toISOString(),
    filedAt: iso(c.filed_at),
    inadmissibilityReasons: c.inadmissibility_reasons,
    inadmissibilityNote: c.inadmissibility_note,
    replyDueAt: iso(c.reply_due_at),
    appealDueAt: iso(c.appeal_due_at),
    closedAt: iso(c.closed_at),
    finalOutcome: finalOutcomeOf(record),
    respondentPurgedAt: iso(c.respondent_purged_at),
    replies: record.replies.map((r) => ({
      id: r.id,
      channel: r.channel,
      recipientRole: r.recipient_role,
      text: r.text,
      attachmentUrls: r.attachment_urls,
      attachments: record.attachments
        .filter((a) => a.reply_id === r.id)
        .map((a) => ({ id: a.id, name: a.display_name, mediaType: a.media_type, sizeBytes: a.size_bytes, sha256: a.sha256, purgedAt: iso(a.purged_at) })),
      submittedBy: r.submitted_by,
      submittedByAgency: r.submitted_by_agency,
      submittedAt: r.submitted_at.toISOString(),
    })),
    rulings: record.rulings.map((r) => ({
      id: r.id,
      outcome: r.outcome,
      ruleCodes: r.rule_codes,
      reasons: r.reasons,
      ruledBy: r.ruled_by,
      ruledByAgency: r.ruled_by_agency,
      ruledAt: r.ruled_at.toISOString(),
      setAsideAt: iso(r.set_aside_at),
    })),
    appeals: record.appeals.map((a) => ({
      id: a.id,
      rulingId: a.ruling_id,
      party: a.party,
      grounds: a.grounds,
      statement: a.statement,
      lodgedBy: a.lodged_by,
      lodgedByAgency: a.lodged_by_agency,
      lodgedAt: a.lodged_at.toISOString(),
      decision: a.decision,
      substitutedOutcome: a.substituted_outcome,
      decisionReasons: a.decision_reasons,
      decidedBy: a.decided_by,
      decidedAt: iso(a.decided_at),
    })),
  };
}
