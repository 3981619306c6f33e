import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type {
  AppealDecision,
  CaseDeadlineKind,
  CaseOutcome,
  CaseStatus,
  ReportChannel,
  ConsultationMode,
  HandlingActionTypeCode,
  PressEventKind,
  RemovalOutcome,
  RulingOutcome,
  TimelinessMeasure,
} from '@phoi-hop/contracts';
import { CaseDeadlineKindEnum, CaseStatusEnum, ReportChannelEnum } from '../case/case.enums';
import { DateScalar, DateTimeScalar } from '../common/scalars';
import { ConsultationModeEnum } from '../consultation/consultation.enums';
import { HandlingActionTypeEnum, RemovalOutcomeEnum } from '../decision/decision.enums';
import { AppealDecisionEnum, RulingOutcomeEnum } from '../press/press.enums';
import { CaseOutcomeEnum, PressEventKindEnum, TimelinessMeasureEnum } from './reporting.enums';

@ObjectType('CodeCount', { description: 'Cases per reference code (category, locality or agency)' })
export class CodeCountModel {
  @Field()
  code!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ChannelCount')
export class ChannelCountModel {
  @Field(() => ReportChannelEnum)
  channel!: ReportChannel;

  @Field(() => Int)
  count!: number;
}

@ObjectType('StatusCount')
export class StatusCountModel {
  @Field(() => CaseStatusEnum)
  status!: CaseStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('OutcomeCount')
export class OutcomeCountModel {
  @Field(() => CaseOutcomeEnum)
  outcome!: CaseOutcome;

  @Field(() => Int)
  count!: number;
}

@ObjectType('DurationSummary', { description: 'Median and 90th percentile (nearest rank, within 10 %) in hours; null when nothing was measured' })
export class DurationSummaryModel {
  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true })
  medianHours!: number | null;

  @Field(() => Float, { nullable: true })
  p90Hours!: number | null;
}

@ObjectType('Timeliness')
export class TimelinessModel {
  @Field(() => TimelinessMeasureEnum)
  measure!: TimelinessMeasure;

  @Field(() => DurationSummaryModel)
  summary!: DurationSummaryModel;
}

@ObjectType('OverdueCount', { description: 'Steps that went past their deadline (escalated), by kind' })
export class OverdueCountModel {
  @Field(() => CaseDeadlineKindEnum)
  kind!: CaseDeadlineKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ConsultationModeCount')
export class ConsultationModeCountModel {
  @Field(() => ConsultationModeEnum)
  mode!: ConsultationMode;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ConsultationStatistics')
export class ConsultationStatisticsModel {
  @Field(() => [ConsultationModeCountModel], { description: 'Consultations opened in the period, by mode' })
  held!: ConsultationModeCountModel[];

  @Field(() => Int)
  resolved!: number;

  @Field(() => Int, { description: 'Opinions asked of the invited agencies' })
  opinionsRequested!: number;

  @Field(() => Int)
  answeredOnTime!: number;

  @Field(() => Int)
  answeredLate!: number;
}

@ObjectType('ActionStatistics')
export class ActionStatisticsModel {
  @Field(() => HandlingActionTypeEnum)
  type!: HandlingActionTypeCode;

  @Field(() => Int)
  planned!: number;

  @Field(() => Int)
  done!: number;

  @Field(() => Int, { description: 'Done by their due date' })
  doneOnTime!: number;
}

@ObjectType('RemovalOutcomeCount')
export class RemovalOutcomeCountModel {
  @Field(() => RemovalOutcomeEnum)
  outcome!: RemovalOutcome;

  @Field(() => Int)
  count!: number;
}

@ObjectType('RemovalStatistics')
export class RemovalStatisticsModel {
  @Field(() => Int)
  requested!: number;

  @Field(() => [RemovalOutcomeCountModel])
  outcomes!: RemovalOutcomeCountModel[];

  @Field(() => Float, { nullable: true, description: 'Removed among the requests with an answer (0–1)' })
  complianceRate!: number | null;

  @Field(() => DurationSummaryModel, { description: 'From sending the request to the content being taken down' })
  timeToEffect!: DurationSummaryModel;
}

@ObjectType('PressStatistics')
export class PressStatisticsModel {
  @Field(() => PressEventKindEnum)
  kind!: PressEventKind;

  @Field(() => Int)
  count!: number;
}

@ObjectType('RulingOutcomeCount')
export class RulingOutcomeCountModel {
  @Field(() => RulingOutcomeEnum)
  outcome!: RulingOutcome;

  @Field(() => Int)
  count!: number;
}

@ObjectType('AppealDecisionCount')
export class AppealDecisionCountModel {
  @Field(() => AppealDecisionEnum)
  decision!: AppealDecision;

  @Field(() => Int)
  count!: number;
}

@ObjectType('PressOutcomeStatistics', { description: 'Press-ethics rulings by outcome and appeal decisions by decision, with the reversals' })
export class PressOutcomeStatisticsModel {
  @Field(() => [RulingOutcomeCountModel], { description: 'Rulings issued, by outcome (a new ruling after a returned appeal counts again)' })
  rulings!: RulingOutcomeCountModel[];

  @Field(() => [AppealDecisionCountModel], { description: 'Appeals decided, by decision' })
  appeals!: AppealDecisionCountModel[];

  @Field(() => Int)
  appealsDecided!: number;

  @Field(() => Int, { description: 'Rulings overturned on appeal' })
  reversals!: number;

  @Field(() => Float, { nullable: true, description: 'Overturned among the appeals decided (0–1); null with none decided' })
  reversalRate!: number | null;
}

@ObjectType('StatusTime', { description: 'Time cases spent in one status while an agency led them' })
export class StatusTimeModel {
  @Field()
  agencyCode!: string;

  @Field(() => CaseStatusEnum)
  status!: CaseStatus;

  @Field(() => DurationSummaryModel)
  summary!: DurationSummaryModel;

  @Field(() => Float)
  totalHours!: number;
}

@ObjectType('ActionTime', { description: 'Time an agency took over handling actions of one type, from decision to done' })
export class ActionTimeModel {
  @Field()
  agencyCode!: string;

  @Field(() => HandlingActionTypeEnum)
  type!: HandlingActionTypeCode;

  @Field(() => DurationSummaryModel)
  summary!: DurationSummaryModel;
}

@ObjectType('StatisticsFilter')
export class StatisticsFilterModel {
  @Field(() => String, { nullable: true })
  categoryCode?: string;

  @Field(() => String, { nullable: true })
  localityCode?: string;

  @Field(() => String, { nullable: true })
  agencyCode?: string;
}

@ObjectType('Statistics', { description: 'Aggregate figures of a period (Đ7.3–7.4): counts and durations, no case or person' })
export class StatisticsModel {
  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar)
  to!: string;

  @Field(() => StatisticsFilterModel)
  filter!: StatisticsFilterModel;

  @Field(() => Int, { description: 'Cases opened in the period (the figures below are about them, unless said otherwise)' })
  casesOpened!: number;

  @Field(() => [CodeCountModel])
  byCategory!: CodeCountModel[];

  @Field(() => [CodeCountModel])
  byLocality!: CodeCountModel[];

  @Field(() => [CodeCountModel])
  byLeadAgency!: CodeCountModel[];

  @Field(() => [CodeCountModel], { description: 'Agencies that took part without leading' })
  byParticipatingAgency!: CodeCountModel[];

  @Field(() => [ChannelCountModel], { description: 'How the report that opened each case reached the platform (media monitoring, an agency, …)' })
  byChannel!: ChannelCountModel[];

  @Field(() => [StatusCountModel], { description: 'The status the cases are in now' })
  byStatus!: StatusCountModel[];

  @Field(() => [OutcomeCountModel])
  byOutcome!: OutcomeCountModel[];

  @Field(() => [TimelinessModel])
  timeliness!: TimelinessModel[];

  @Field(() => [OverdueCountModel])
  overdue!: OverdueCountModel[];

  @Field(() => ConsultationStatisticsModel, { description: 'Consultations opened in the period' })
  consultations!: ConsultationStatisticsModel;

  @Field(() => [ActionStatisticsModel], { description: 'Handling actions decided in the period' })
  actions!: ActionStatisticsModel[];

  @Field(() => RemovalStatisticsModel, { description: 'Removal requests decided in the period' })
  removals!: RemovalStatisticsModel;

  @Field(() => [PressStatisticsModel], { description: 'Press-ethics events of the period' })
  press!: PressStatisticsModel[];

  @Field(() => PressOutcomeStatisticsModel, { description: 'Press-ethics rulings and appeal decisions of the period' })
  pressOutcomes!: PressOutcomeStatisticsModel;

  @Field(() => [StatusTimeModel], { description: 'Status intervals that started in the period' })
  statusTime!: StatusTimeModel[];

  @Field(() => [ActionTimeModel], { description: 'Handling actions done in the period' })
  actionTime!: ActionTimeModel[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'The newest event counted' })
  lastEventAt!: string | null;
}
