import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
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

@ObjectType('AuditTrail')
export class AuditTrailModel {
  @Field(() => [AuditEntryModel])
  entries!: AuditEntryModel[];

  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
