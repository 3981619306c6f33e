import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { CaseStatusEnum, SeverityEnum } from '../case/case.enums';
import { labelledEnum } from '../common/labelled-enum';
import { DateTimeScalar } from '../common/scalars';

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

  @Field(() => String, { nullable: true, description: 'HANDLING_ACTION: its type' })
  actionType!: string | null;

  @Field(() => ID, { nullable: true, description: 'OPINION: the written consultation to answer' })
  consultationId!: string | null;
}

@ObjectType('WorkQueue')
export class WorkQueueModel {
  @Field(() => [WorkItemModel], { description: 'Soonest deadline first; items without a deadline last' })
  items!: WorkItemModel[];

  @Field(() => Int, { description: 'Every item owed, however many `first` let through' })
  totalCount!: number;
}
