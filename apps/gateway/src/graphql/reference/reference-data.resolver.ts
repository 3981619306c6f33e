import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ENUM_LABELS, ErrorCodes, RpcSubjects, labelIn, type LabelledSet, type Language, type ReferenceDataDto } from '@phoi-hop/contracts';
import { RpcClient } from '@phoi-hop/messaging';
import type { ParticipantRoleEnum, SeverityEnum } from '../case/case.enums';
import { InternalToken } from '../common/caller.decorators';
import { gqlError } from '../common/gql-errors';
import { EnumLabelsModel, LanguageEnum } from './labels.model';
import { ReferenceAgencyModel, ReferenceDataModel } from './reference-data.model';
import { AgencyKindEnum } from '../directory/directory.enums';
import { DateScalar } from '../common/scalars';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

@Resolver(() => ReferenceDataModel)
export class ReferenceDataResolver {
  constructor(private readonly rpc: RpcClient) {}

  @Query(() => ReferenceDataModel, {
    description:
      'Categories with their legal provisions, localities, sectors, agencies and responsibility rules in force on a day (default today), with their Vietnamese names. Any signed-in caller.',
  })
  async referenceData(
    @InternalToken() token: string,
    @Args('asOf', { type: () => DateScalar, nullable: true, description: 'The day the data is in force on (default: today in the province)' }) asOf?: string,
  ): Promise<ReferenceDataModel> {
    if (asOf !== undefined && asOf !== null && !DAY.test(asOf)) throw gqlError(ErrorCodes.BAD_USER_INPUT, 'asOf must be a day YYYY-MM-DD', 'asOf');
    const data = await this.rpc.request<ReferenceDataDto>(RpcSubjects.directory.referenceData, asOf ? { asOf } : {}, { token });
    return {
      ...data,
      categories: data.categories.map((c) => ({ ...c, defaultSeverity: c.defaultSeverity as SeverityEnum })),
      allAgencies: data.agencies,
      rules: data.rules.map((r) => ({ ...r, role: r.role as ParticipantRoleEnum })),
      pressRules: data.pressRules ?? [],
      publicHolidays: data.publicHolidays ?? [],
    };
  }

  @ResolveField(() => [ReferenceAgencyModel], { description: 'Agencies valid on the day, of the kind given (default: all)' })
  agencies(
    @Parent() data: ReferenceDataModel,
    @Args('kind', { type: () => AgencyKindEnum, nullable: true }) kind?: keyof typeof AgencyKindEnum,
  ): ReferenceAgencyModel[] {
    return kind ? data.allAgencies.filter((a) => a.kind === kind) : data.allAgencies;
  }

  @Query(() => [EnumLabelsModel], {
    description:
      'The Vietnamese and English labels of every enum value of the schema, so that no front end hard-codes them. Answered by the gateway itself; any signed-in caller.',
  })
  enumLabels(
    @Args('language', { type: () => LanguageEnum, nullable: true, defaultValue: 'VI' }) language: Language,
    @Args('names', { type: () => [String], nullable: true, description: 'Only these enums (default: all)' }) names?: string[],
  ): EnumLabelsModel[] {
    const unknown = (names ?? []).filter((name) => !Object.hasOwn(ENUM_LABELS, name));
    if (unknown.length)
      throw gqlError(ErrorCodes.BAD_USER_INPUT, `Unknown enum ${unknown.join(', ')}; labelled enums: ${Object.keys(ENUM_LABELS).join(', ')}`, 'names');
    return (Object.entries(ENUM_LABELS) as Array<[string, LabelledSet]>)
      .filter(([name]) => !names || names.includes(name))
      .map(([name, set]) => ({
        name,
        values: set.values.map((value) => {
          const label = set.labels[value]!;
          return { value, label: labelIn(label, language), vi: label.vi, en: label.en };
        }),
      }));
  }
}
