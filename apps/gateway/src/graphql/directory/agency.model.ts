import { Field, ObjectType } from '@nestjs/graphql';
import { AgencyKindEnum } from './directory.enums';
import { DateScalar } from '../common/scalars';

@ObjectType('AgencyContacts')
export class AgencyContactsModel {
  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;
}

@ObjectType('Agency')
export class AgencyModel {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => AgencyKindEnum, { nullable: true, description: 'null only for an agency the directory does not know (any more)' })
  kind!: string | null;

  @Field(() => DateScalar, { nullable: true })
  validTo!: string | null;

  @Field(() => String, { nullable: true })
  successorCode!: string | null;

  @Field(() => AgencyContactsModel, { nullable: true, description: 'Work contacts of the agency' })
  contacts?: AgencyContactsModel | null;
}

@ObjectType('ReorganizeAgenciesPayload')
export class ReorganizeAgenciesPayloadModel {
  @Field(() => [AgencyModel])
  retired!: AgencyModel[];

  @Field(() => AgencyModel)
  successor!: AgencyModel;
}
