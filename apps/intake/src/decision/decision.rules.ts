import { DomainError, ErrorCodes } from '@phoi-hop/contracts';

/** What the assessment found the content to be (Đ3.2, Đ5). */
export type Finding = 'FALSE' | 'MISLEADING' | 'UNLAWFUL' | 'TRUE' | 'OPINION' | 'GRIEVANCE' | 'UNVERIFIABLE';

export type HandlingActionType =
  | 'PUBLISH_CLARIFICATION'
  | 'REQUEST_REMOVAL'
  | 'PROPOSE_SANCTION'
  | 'REFER_TO_POLICE'
  | 'REFER_TO_PRESS_ASSOCIATION'
  | 'RESOLVE_GRIEVANCE'
  | 'MONITOR'
  | 'NO_ACTION';

/** Actions that restrict expression or expose a person to sanction (Đ3.2: need grounds). */
export const RESTRICTIVE_ACTIONS: ReadonlySet<HandlingActionType> = new Set(['REQUEST_REMOVAL', 'PROPOSE_SANCTION', 'REFER_TO_POLICE', 'REFER_TO_PRESS_ASSOCIATION']);

/** Findings that can ground a restrictive action; an opinion, true information or a grievance never can. */
const GROUNDING_FINDINGS: ReadonlySet<Finding> = new Set(['FALSE', 'MISLEADING', 'UNLAWFUL']);

/** The protected-expression assessment that precedes a restrictive action (shared/legal-basis.md). */
export interface ProtectedExpressionAssessment {
  /** A factual claim (true) or an opinion (false). */
  isFactualClaim: boolean;
  /** Verified false, and by whom. */
  verifiedFalseBy: string | null;
  /** Reporting on a matter of public interest (officials, public funds, services). */
  isPublicInterestReporting: boolean;
  /** A real grievance the responsible agency should resolve (Đ7.2). */
  isGenuineGrievance: boolean;
  /** Why the proposed action is proportionate. */
  proportionality: string;
  /** The conclusion: the content is not protected expression. */
  concludesNotProtected: boolean;
}

export interface CitedProvision {
  code: string;
  citation: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

export interface DecisionGrounds {
  finding: Finding;
  provisions: CitedProvision[];
  assessment: ProtectedExpressionAssessment | null;
  statementOfReasons: string;
  /** YYYY-MM-DD: provisions must be in force on this day. */
  decidedOn: string;
}

export class DecisionError extends DomainError {}

/** A provision as the taxonomy holds it, with the categories whose legal basis it belongs to. */
export interface TaxonomyProvision extends CitedProvision {
  successorCode: string | null;
  categoryCodes: string[];
}

/**
 * A decision cites the law of its own case: each provision must belong to the legal basis of the
 * case's category (the fraud article of the Penal Code does not ground a panic-rumour case) and be
 * in force on the day of the decision (its successor is named when it has one). `codes` are the
 * codes as the request gave them, for the field of the error.
 */
export function assertProvisionsApplicable(codes: string[], provisions: TaxonomyProvision[], categoryCode: string, decidedOn: string): void {
  for (const [i, code] of codes.entries()) {
    const provision = provisions.find((p) => p.code === code);
    if (!provision) continue;
    const field = `provisionCodes.${i}`;
    if (!provision.categoryCodes.includes(categoryCode)) {
      throw new DecisionError(ErrorCodes.BAD_USER_INPUT, `${code} is not in the legal basis of the case's category ${categoryCode}`, field);
    }
    if (provision.effectiveFrom && provision.effectiveFrom > decidedOn) {
      throw new DecisionError(ErrorCodes.BAD_USER_INPUT, `${code} is in force only from ${provision.effectiveFrom}`, field);
    }
    if (provision.effectiveTo && provision.effectiveTo < decidedOn) {
      throw new DecisionError(ErrorCodes.BAD_USER_INPUT, `${code} was in force until ${provision.effectiveTo}${provision.successorCode ? `; cite its successor ${provision.successorCode}` : ''}`, field);
    }
  }
}

const notGrounded = (message: string, field: string) => new DecisionError(ErrorCodes.RESTRICTIVE_ACTION_NOT_GROUNDED, message, field);

/**
 * Đ3.2 as a domain rule: a restrictive action is possible only when the finding is FALSE,
 * MISLEADING or UNLAWFUL, a provision in force is cited, and a recorded assessment concludes the
 * content is not protected expression (an opinion, public-interest reporting or a real grievance
 * never is grounds). Anything else is refused with RESTRICTIVE_ACTION_NOT_GROUNDED.
 */
export function assertActionGrounded(action: HandlingActionType, grounds: DecisionGrounds): void {
  if (grounds.statementOfReasons.trim().length < 20) {
    throw new DecisionError(ErrorCodes.BAD_USER_INPUT, 'A decision needs a statement of reasons', 'statementOfReasons');
  }
  if (!RESTRICTIVE_ACTIONS.has(action)) return;
  if (!GROUNDING_FINDINGS.has(grounds.finding)) throw notGrounded(`A finding of ${grounds.finding} cannot ground ${action}`, 'finding');
  const inForce = grounds.provisions.filter(
    (p) => (!p.effectiveFrom || p.effectiveFrom <= grounds.decidedOn) && (!p.effectiveTo || p.effectiveTo >= grounds.decidedOn),
  );
  if (inForce.length === 0) throw notGrounded(`${action} needs a legal provision in force on ${grounds.decidedOn}`, 'provisions');
  const a = grounds.assessment;
  if (!a) throw notGrounded(`${action} needs a protected-expression assessment`, 'assessment');
  if (!a.concludesNotProtected) throw notGrounded('The assessment does not conclude that the content is unprotected', 'assessment.concludesNotProtected');
  if (!a.isFactualClaim) throw notGrounded('An opinion is protected expression', 'assessment.isFactualClaim');
  if (a.isPublicInterestReporting) throw notGrounded('Reporting on a matter of public interest is protected', 'assessment.isPublicInterestReporting');
  if (a.isGenuineGrievance) throw notGrounded('A real grievance is resolved, not restricted (Đ7.2)', 'assessment.isGenuineGrievance');
  if (grounds.finding !== 'UNLAWFUL' && !a.verifiedFalseBy?.trim()) throw notGrounded('A falsity finding must say who verified it', 'assessment.verifiedFalseBy');
  if (a.proportionality.trim().length < 10) throw notGrounded('The assessment must say why the action is proportionate', 'assessment.proportionality');
}
