import { Field, ObjectType } from '@nestjs/graphql';
import { DateTimeScalar } from '../common/scalars';
import { ParticipantRoleEnum } from './case.enums';

@ObjectType('Participant')
export class ParticipantModel {
  agencyCode!: string;

  @Field(() => ParticipantRoleEnum)
  role!: ParticipantRoleEnum;

  @Field({ description: 'The articles of the regulation that put the agency on the case, e.g. "Đ6.2"' })
  basis!: string;
}

@ObjectType('ParticipantHistory')
export class ParticipantHistoryModel extends ParticipantModel {
  @Field(() => DateTimeScalar)
  assignedAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the agency stopped being responsible' })
  endedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'The agency that took over (reorganisation)' })
  replacedBy!: string | null;
}
