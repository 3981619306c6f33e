import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('FocalPoint', { description: 'Đ4.3: an officer an agency assigns to this work (work contact only)' })
export class FocalPointModel {
  @Field(() => ID)
  id!: string;

  @Field()
  agencyCode!: string;

  @Field()
  displayName!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  workPhone!: string | null;

  @Field(() => String, { nullable: true })
  workEmail!: string | null;

  @Field(() => ID, { nullable: true, description: 'Who stands in when this officer is away' })
  deputyId!: string | null;

  @Field()
  active!: boolean;
}
