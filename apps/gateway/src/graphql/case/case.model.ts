import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars';
import { HandlingActionModel, DecisionModel } from '../decision/decision.model';
import { PageInfoModel } from '../common/page-info.model';
import { CaseDeadlineKindEnum, CaseStatusEnum, SeverityEnum } from './case.enums';
import { ParticipantHistoryModel, ParticipantModel } from './participant.model';

@ObjectType('PossibleDuplicate')
export class PossibleDuplicateModel {
  @Field(() => ID)
  caseId!: string;

  @Field()
  number!: string;

  @Field(() => Float)
  similarity!: number;
}

@ObjectType('SeveritySuggestion')
export class SeveritySuggestionModel {
  @Field(() => SeverityEnum)
  severity!: SeverityEnum;

  @Field(() => [String], { description: 'Why it is above the category default' })
  reasons!: string[];
}

@ObjectType('CaseDeadline', { description: 'Triage and decision per the SLA policy, each handling action by its due date (Đ3.2)' })
export class CaseDeadlineModel {
  @Field(() => CaseDeadlineKindEnum)
  kind!: string;

  @Field(() => ID, { nullable: true })
  actionId!: string | null;

  @Field(() => DateTimeScalar)
  deadline!: string;

  @Field(() => DateTimeScalar, { nullable: true })
  remindedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  escalatedAt!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Met, or no longer owed' })
  closedAt!: string | null;
}

@ObjectType('CaseStatusChange')
export class CaseStatusChangeModel {
  @Field(() => CaseStatusEnum, { nullable: true, description: 'Null for the opening' })
  from!: string | null;

  @Field(() => CaseStatusEnum)
  to!: string;

  @Field(() => String, { nullable: true, description: 'Why: dismissal or reopening reason, outcome summary, merge or split' })
  reason!: string | null;

  @Field(() => String, { nullable: true })
  byAgency!: string | null;

  @Field(() => DateTimeScalar)
  at!: string;
}

@ObjectType('Case')
export class CaseModel {
  @Field(() => ID)
  id!: string;

  @Field()
  number!: string;

  @Field(() => CaseStatusEnum)
  status!: CaseStatusEnum;

  @Field()
  categoryCode!: string;

  @Field(() => SeverityEnum)
  severity!: SeverityEnum;

  @Field(() => String, { nullable: true })
  localityCode!: string | null;

  @Field(() => String, { nullable: true })
  sectorCode!: string | null;

  @Field(() => DateTimeScalar)
  openedAt!: string;

  @Field()
  reporterAgencyCode!: string;

  @Field(() => [ParticipantModel])
  participants!: ParticipantModel[];

  @Field(() => [PossibleDuplicateModel], { description: 'Open cases whose text is similar, below the merge threshold' })
  possibleDuplicates!: PossibleDuplicateModel[];

  @Field(() => [ParticipantHistoryModel], { description: 'Every agency that was ever responsible, and when' })
  participantHistory!: ParticipantHistoryModel[];

  @Field(() => [String], { description: 'Usernames of the officers assigned at triage' })
  assignedOfficers!: string[];

  @Field(() => DateTimeScalar, { nullable: true })
  triagedAt!: string | null;

  @Field(() => [CaseDeadlineModel])
  deadlines!: CaseDeadlineModel[];

  @Field(() => ID, { nullable: true, description: 'MERGED: the case it went into' })
  mergedInto!: string | null;

  @Field(() => ID, { nullable: true, description: 'The case its first report was split out of' })
  splitFrom!: string | null;

  @Field(() => Int, { nullable: true, description: 'The version of the reference data and rules it was routed with (0: as seeded)' })
  referenceVersion!: number | null;

  @Field(() => [DecisionModel], { description: 'Every decision, oldest first' })
  decisions!: DecisionModel[];

  @Field(() => [HandlingActionModel], { description: 'The handling actions of every decision' })
  actions!: HandlingActionModel[];

  @Field(() => [CaseStatusChangeModel], { description: 'Every status the case has had, oldest first' })
  statusHistory!: CaseStatusChangeModel[];

  @Field(() => String, { nullable: true, description: 'CLOSED: the outcome summary' })
  outcome!: string | null;
}

@ObjectType('CaseEdge')
export class CaseEdgeModel {
  @Field(() => CaseModel)
  node!: CaseModel;

  @Field()
  cursor!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'With filter.text: how well the case matched (1 for its number or one of its links, else the best excerpt’s trigram word similarity, 0–1)',
  })
  rank?: number | null;
}

@ObjectType('CaseConnection')
export class CaseConnectionModel {
  @Field(() => [CaseEdgeModel])
  edges!: CaseEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'Every case of the list (filter and visibility applied), on every page; counted only when selected' })
  totalCount!: number;
}
