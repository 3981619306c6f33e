import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CaseStatusEnum, SeverityEnum } from '../case/case.enums';
import { labelledEnum } from '../common/labelled-enum';
import { PageInfoModel } from '../common/page-info.model';
import { DateTimeScalar } from '../common/scalars';
import { HandlingActionTypeEnum } from '../decision/decision.enums';

export const WorkItemKindEnum = labelledEnum('WorkItemKind', 'What an agency owes on a case');

@ObjectType('WorkItem', { description: 'A step the viewer’s agency owes on a case, with its deadline' })
export class WorkItemModel {
  @Field(() => WorkItemKindEnum)
  kind!: keyof typeof WorkItemKindEnum;

  @Field(() => ID)
  caseId!: string;

  @Field()
  caseNumber!: string;

  @Field(() => CaseStatusEnum, { nullable: true, description: 'The case’s status (null for OPINION items)' })
  caseStatus!: CaseStatusEnum | null;

  @Field(() => SeverityEnum)
  severity!: SeverityEnum;

  /** The agency that owes the step (see `owedBy`). */
  owedByCode!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it is due; null when nothing sets a deadline' })
  deadline!: string | null;

  @Field({ description: 'The deadline has passed' })
  overdue!: boolean;

  @Field(() => ID, { nullable: true, description: 'HANDLING_ACTION: the action to update' })
  actionId!: string | null;

  @Field(() => HandlingActionTypeEnum, { nullable: true, description: 'HANDLING_ACTION: its type' })
  actionType!: string | null;

  @Field(() => ID, { nullable: true, description: 'OPINION: the written consultation to answer' })
  consultationId!: string | null;
}

@ObjectType('WorkItemEdge')
export class WorkItemEdgeModel {
  @Field(() => WorkItemModel)
  node!: WorkItemModel;

  @Field()
  cursor!: string;
}

@ObjectType('WorkItemConnection', { description: 'What the viewer’s agency owes: soonest deadline first, items without a deadline last' })
export class WorkItemConnectionModel {
  @Field(() => [WorkItemEdgeModel])
  edges!: WorkItemEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'Every item owed, however many the pages let through' })
  totalCount!: number;
}
