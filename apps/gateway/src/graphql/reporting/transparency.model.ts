import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type {
  DsaAutomatedDecision,
  DsaDecisionGround,
  DsaDecisionVisibility,
  PublishedBreakdown,
  PublishedCount,
  StatementOfReasonsDto,
  TransparencyReportDto,
} from '@phoi-hop/contracts';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { DsaAutomatedDecisionEnum, DsaDecisionGroundEnum, DsaDecisionVisibilityEnum } from './period.enums';

@ObjectType('PublishedCount', { description: 'A count of the public report: null and suppressed when from 1 to 4 (or when it would give such a count away)' })
export class PublishedCountModel {
  @Field(() => Int, { nullable: true })
  value!: number | null;

  @Field({ description: 'Shown as "<5"' })
  suppressed!: boolean;
}

@ObjectType('PublishedCountRow')
export class PublishedCountRowModel {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field(() => PublishedCountModel)
  count!: PublishedCountModel;
}

@ObjectType('PublishedBreakdown')
export class PublishedBreakdownModel {
  @Field(() => PublishedCountModel)
  total!: PublishedCountModel;

  @Field(() => [PublishedCountRowModel])
  rows!: PublishedCountRowModel[];
}

@ObjectType('TransparencyRemovals')
export class TransparencyRemovalsModel {
  @Field(() => PublishedBreakdownModel)
  byPlatform!: PublishedBreakdownModel;

  @Field(() => PublishedBreakdownModel)
  byLegalBasis!: PublishedBreakdownModel;

  @Field(() => PublishedBreakdownModel)
  byOutcome!: PublishedBreakdownModel;

  @Field(() => Float, { nullable: true, description: 'Removed among answered (0–1); null when it would give a small count away' })
  complianceRate!: number | null;

  @Field(() => Float, { nullable: true })
  medianHoursToEffect!: number | null;
}

@ObjectType('TransparencyActions')
export class TransparencyActionsModel {
  @Field(() => PublishedBreakdownModel)
  byType!: PublishedBreakdownModel;

  @Field(() => PublishedBreakdownModel)
  byGround!: PublishedBreakdownModel;
}

@ObjectType('TransparencyComplaints')
export class TransparencyComplaintsModel {
  @Field(() => PublishedBreakdownModel)
  byKind!: PublishedBreakdownModel;

  @Field(() => PublishedBreakdownModel, { description: 'Appeals decided by the outcome that stands after them' })
  appealOutcomes!: PublishedBreakdownModel;

  @Field(() => PublishedBreakdownModel, { description: 'Rulings issued, by outcome' })
  rulingOutcomes!: PublishedBreakdownModel;

  @Field(() => PublishedBreakdownModel, { description: 'Appeals decided, by decision' })
  appealDecisions!: PublishedBreakdownModel;

  @Field(() => Float, { nullable: true, description: 'Overturned among the appeals decided (0–1); null when a count behind it is below the threshold' })
  reversalRate!: number | null;
}

@ObjectType('TransparencyReport', { description: 'The public transparency report (DSA Art. 15/24, Santa Clara Principles): aggregate figures only' })
export class TransparencyReportModel {
  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => DateTimeScalar)
  generatedAt!: string;

  @Field(() => Int)
  threshold!: number;

  @Field(() => TransparencyRemovalsModel)
  removalRequests!: TransparencyRemovalsModel;

  @Field(() => TransparencyActionsModel)
  restrictiveActions!: TransparencyActionsModel;

  @Field(() => TransparencyComplaintsModel)
  complaints!: TransparencyComplaintsModel;
}

@ObjectType('StatementOfReasons', { description: 'A decision as a statement of reasons shaped like the EU DSA transparency database’s' })
export class StatementOfReasonsModel {
  @Field({ description: 'puid: the decision id' })
  puid!: string;

  @Field(() => [DsaDecisionVisibilityEnum])
  decisionVisibility!: DsaDecisionVisibility[];

  @Field(() => String, { nullable: true })
  decisionVisibilityOther!: string | null;

  @Field(() => DsaDecisionGroundEnum)
  decisionGround!: DsaDecisionGround;

  @Field()
  illegalContentLegalGround!: string;

  @Field()
  illegalContentExplanation!: string;

  @Field()
  decisionFacts!: string;

  @Field()
  automatedDetection!: boolean;

  @Field(() => DsaAutomatedDecisionEnum)
  automatedDecision!: DsaAutomatedDecision;

  @Field(() => [String])
  territorialScope!: string[];

  @Field()
  category!: string;

  @Field(() => DateTimeScalar, { description: 'application_date: when the content was first reported' })
  appliedAt!: string;

  @Field(() => DateTimeScalar, { description: 'decision_date' })
  decidedAt!: string;

  @Field(() => String, { nullable: true })
  platformName!: string | null;

  @Field({ description: 'The statement in the database’s own field names (snake_case JSON)' })
  dsaJson!: string;
}

const count = (value: PublishedCount): PublishedCountModel => (value === '<5' ? { value: null, suppressed: true } : { value, suppressed: false });
const breakdown = (b: PublishedBreakdown): PublishedBreakdownModel => ({
  total: count(b.total),
  rows: b.rows.map((r) => ({ key: r.key, label: r.label, count: count(r.count) })),
});

export function toTransparencyModel(dto: TransparencyReportDto): TransparencyReportModel {
  const r = dto.removalRequests;
  return {
    from: dto.from,
    to: dto.to,
    generatedAt: dto.generatedAt,
    threshold: dto.threshold,
    removalRequests: {
      byPlatform: breakdown(r.byPlatform),
      byLegalBasis: breakdown(r.byLegalBasis),
      byOutcome: breakdown(r.byOutcome),
      complianceRate: r.complianceRate,
      medianHoursToEffect: r.medianHoursToEffect,
    },
    restrictiveActions: { byType: breakdown(dto.restrictiveActions.byType), byGround: breakdown(dto.restrictiveActions.byGround) },
    complaints: {
      byKind: breakdown(dto.complaints.byKind),
      appealOutcomes: breakdown(dto.complaints.appealOutcomes),
      rulingOutcomes: breakdown(dto.complaints.rulingOutcomes),
      appealDecisions: breakdown(dto.complaints.appealDecisions),
      reversalRate: dto.complaints.reversalRate,
    },
  };
}

export function toStatementModel(dto: StatementOfReasonsDto): StatementOfReasonsModel {
  return {
    puid: dto.puid,
    decisionVisibility: dto.decision_visibility,
    decisionVisibilityOther: dto.decision_visibility_other,
    decisionGround: dto.decision_ground,
    illegalContentLegalGround: dto.illegal_content_legal_ground,
    illegalContentExplanation: dto.illegal_content_explanation,
    decisionFacts: dto.decision_facts,
    automatedDetection: dto.automated_detection !== 'No',
    automatedDecision: dto.automated_decision,
    territorialScope: dto.territorial_scope,
    category: dto.category,
    appliedAt: dto.application_date,
    decidedAt: dto.decision_date,
    platformName: dto.platform_name,
    dsaJson: JSON.stringify(dto),
  };
}
