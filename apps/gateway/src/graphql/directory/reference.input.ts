import { Field, InputType } from '@nestjs/graphql';
import { DateScalar } from '../common/scalars';
import { ReferenceKindEnum } from './directory.enums';

@InputType({ description: 'A new version of one record of reference data (ADMIN)' })
export class EditReferenceInput {
  @Field(() => ReferenceKindEnum)
  kind!: string;

  @Field({ description: 'The code of the record (a rule’s id; for SLA, the severity; for a public holiday, its day YYYY-MM-DD)' })
  code!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the version takes effect (default today, never in the past; a press rule or a public holiday takes effect today)',
  })
  validFrom?: string;

  @Field({
    nullable: true,
    description:
      'The record as JSON, shaped as in the seed files (apps/directory/seed/README.md); SLA: {"triageHours":…,"decisionHours":…}; PUBLIC_HOLIDAY: {"name":…}',
  })
  recordJson?: string;

  @Field({ nullable: true, description: 'Retire the locality, sector, category or rule from validFrom, or remove the public holiday' })
  retire?: boolean;

  @Field()
  reason!: string;
}
