import { Field, InputType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars';
import { ReferenceKindEnum } from './directory.enums';

@InputType({ description: 'A new version of one record of reference data (ADMIN)' })
export class EditReferenceInput {
  @Field(() => ReferenceKindEnum)
  kind!: string;

  @Field({ description: 'The code of the record (a rule’s id; for SLA, the severity)' })
  code!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the version takes effect (default today, never in the past)' })
  validFrom?: string;

  @Field({ nullable: true, description: 'The record as JSON, shaped as in the seed files (apps/directory/seed/README.md); SLA: {"triageHours":…,"decisionHours":…}' })
  recordJson?: string;

  @Field({ nullable: true, description: 'Retire the locality, sector, category or rule from validFrom' })
  retire?: boolean;

  @Field()
  reason!: string;
}
