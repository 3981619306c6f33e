import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ROUTING_REASON_LABELS, SEVERITY_RAISE_LABELS, fillLabel, labelIn, type CaseDto, type Language, type RuleExplanationDto, type SeverityFactorDto } from '@phoi-hop/contracts';
import { CaseModel, SeveritySuggestionModel } from '../case/case.model';
import type { GqlContext } from '../common/gql-context';
import { AgencyModel } from '../directory/agency.model';
import { RuleExplanationModel } from '../directory/routing.model';
import { LanguageEnum } from '../reference/labels.model';
import { CaseAccessModel, CaseActionEnum, RoutingReasonEnum, SeverityFactorModel, ViewerAccessEnum } from './case-access.model';

/** The case as the toCaseModel mapper passes it on: its DTO's fields are all there. */
type CaseParent = CaseModel & Partial<Pick<CaseDto, 'access' | 'viewerAccess' | 'viewerCan'>>;

const LANGUAGE_ARG = { type: () => LanguageEnum, nullable: true, defaultValue: 'VI' } as const;

@Resolver(() => CaseModel)
export class CaseAccessResolver {
  @ResolveField(() => [CaseAccessModel], { description: 'Every agency that may see the case, with why: lead, participant by article, reporter, assignee, informed' })
  access(@Parent() kase: CaseParent): CaseAccessModel[] {
    return (kase.access ?? []).map((a) => ({ agencyCode: a.agencyCode, reasons: a.reasons }));
  }

  @ResolveField(() => ViewerAccessEnum, {
    description: 'FULL for the agencies responsible for the case and the leadership; REPORTER for an agency that only reported the same content: it sees its own reports and no handling details',
  })
  viewerAccess(@Parent() kase: CaseParent): keyof typeof ViewerAccessEnum {
    return kase.viewerAccess ?? 'FULL';
  }

  @ResolveField(() => [CaseActionEnum], {
    description: 'What the viewer may do to the case now: allowed by the case lifecycle from its status, by the policy table for the viewer’s roles, and by the action’s own condition',
  })
  async viewerCan(@Parent() kase: CaseParent, @Context() context: GqlContext): Promise<Array<keyof typeof CaseActionEnum>> {
    const allowed = kase.viewerCan ?? [];
    // Intake reads cases without their reports; splitting needs a second report, counted only when asked.
    if (!allowed.includes('SPLIT_REPORT')) return allowed;
    const reportCount = (await context.loaders.cases.stats.load(kase.id))?.reportCount ?? 0;
    return reportCount > 1 ? allowed : allowed.filter((action) => action !== 'SPLIT_REPORT');
  }
}

@Resolver(() => CaseAccessModel)
export class CaseAccessAgencyResolver {
  @ResolveField(() => AgencyModel)
  async agency(@Parent() access: CaseAccessModel, @Context() context: GqlContext): Promise<AgencyModel> {
    return (await context.loaders.agency.load(access.agencyCode)) ?? { code: access.agencyCode, name: access.agencyCode, kind: 'UNKNOWN', validTo: null, successorCode: null };
  }
}

@Resolver(() => SeveritySuggestionModel)
export class SeverityFactorsResolver {
  @ResolveField(() => [SeverityFactorModel], { description: 'The reasons as codes with their numbers (label them with `label` or enumLabels)' })
  factors(@Parent() suggestion: SeveritySuggestionModel & { factors?: SeverityFactorDto[] }): SeverityFactorModel[] {
    return suggestion.factors ?? [];
  }
}

@Resolver(() => SeverityFactorModel)
export class SeverityFactorLabelResolver {
  @ResolveField(() => String, { description: 'The factor in words, with its numbers' })
  label(@Parent() factor: SeverityFactorModel, @Args('language', LANGUAGE_ARG) language: Language): string {
    const params = { ...factor.params, levels: factor.levels };
    const formatted = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, value.toLocaleString(language === 'VI' ? 'vi-VN' : 'en-GB')]));
    return fillLabel(labelIn(SEVERITY_RAISE_LABELS[factor.reason], language), formatted);
  }
}

@Resolver(() => RuleExplanationModel)
export class RuleExplanationLabelResolver {
  @ResolveField(() => RoutingReasonEnum, { description: 'Why the rule matched or not, as a code' })
  reasonCode(@Parent() rule: RuleExplanationModel & Pick<RuleExplanationDto, 'reasonCode'>): keyof typeof RoutingReasonEnum {
    return rule.reasonCode;
  }

  @ResolveField(() => String, { description: 'Why the rule matched or not, in words, naming the codes involved' })
  label(@Parent() rule: RuleExplanationModel & Pick<RuleExplanationDto, 'reasonCode' | 'params'>, @Args('language', LANGUAGE_ARG) language: Language): string {
    return fillLabel(labelIn(ROUTING_REASON_LABELS[rule.reasonCode], language), rule.params);
  }
}
