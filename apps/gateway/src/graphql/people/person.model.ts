import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Person', { description: 'A person of an agency as others see them on a case: name and agency, never roles or contacts' })
export class PersonModel {
  @Field(() => ID)
  id!: string;

  @Field()
  username!: string;

  @Field({ description: 'As the directory shows them, e.g. "Nguyễn Văn A"' })
  displayName!: string;

  @Field({ description: 'A disabled user keeps their name on what they did' })
  active!: boolean;

  agencyCode!: string;
}
