import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../common/page-info.model';
import { DateTimeScalar } from '../common/scalars';

@ObjectType('AuditEntry')
export class AuditEntryModel {
  @Field({ description: 'The service whose chain holds the entry' })
  service!: string;

  @Field(() => Int, { description: 'Position in that service chain' })
  seq!: number;

  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => String, { nullable: true })
  actorUserId!: string | null;

  @Field(() => String, { nullable: true })
  actorAgency!: string | null;

  @Field()
  action!: string;

  @Field()
  targetType!: string;

  @Field()
  targetId!: string;

  @Field({ description: 'Before/after summary as JSON' })
  summary!: string;

  @Field(() => String, { nullable: true })
  traceId!: string | null;

  @Field({ description: 'The entry hash in its chain (see npm run audit:verify)' })
  hash!: string;
}

@ObjectType('AuditEntryEdge')
export class AuditEntryEdgeModel {
  @Field(() => AuditEntryModel)
  node!: AuditEntryModel;

  @Field()
  cursor!: string;
}

@ObjectType('AuditEntryConnection', { description: 'A page of the audit entries about a target, merged from every service’s chain, newest first' })
export class AuditEntryConnectionModel {
  @Field(() => [AuditEntryEdgeModel])
  edges!: AuditEntryEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;

  @Field(() => Int, { description: 'Every entry about the target, in every service’s chain' })
  totalCount!: number;
}
