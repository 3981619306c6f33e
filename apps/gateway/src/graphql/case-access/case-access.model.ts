import { Field, Int, ObjectType } from '@nestjs/graphql';
import { labelledEnum } from '../common/labelled-enum';

export const CaseAccessReasonEnum = labelledEnum('CaseAccessReason', 'Why an agency may see a case');
export const ViewerAccessEnum = labelledEnum('ViewerAccess', 'What the viewer’s agency sees of a case (need-to-know)');
export const CaseActionEnum = labelledEnum('CaseAction', 'What a viewer may do to a case; each is the mutation of the same name');
export const SeverityRaiseReasonEnum = labelledEnum('SeverityRaiseReason', 'Why triage’s severity suggestion is above the category default');
export const RoutingReasonEnum = labelledEnum('RoutingReason', 'Why a responsibility rule matched a case or not');

@ObjectType('CaseAccessGround')
export class CaseAccessGroundModel {
  @Field(() => CaseAccessReasonEnum)
  reason!: keyof typeof CaseAccessReasonEnum;

  @Field(() => String, { nullable: true, description: 'LEAD, PARTICIPANT, INFORMED: the article(s) that put the agency there, e.g. "Đ6.2"' })
  basis!: string | null;
}

@ObjectType('CaseAccess', { description: 'An agency that may see the case, and why' })
export class CaseAccessModel {
  agencyCode!: string;

  @Field(() => [CaseAccessGroundModel])
  reasons!: CaseAccessGroundModel[];
}

@ObjectType('SeverityFactor', { description: 'One reason the suggested severity is above the category default' })
export class SeverityFactorModel {
  @Field(() => SeverityRaiseReasonEnum)
  reason!: keyof typeof SeverityRaiseReasonEnum;

  @Field(() => Int, { description: 'Levels it raises the severity by' })
  levels!: number;

  params!: Record<string, number>;
}
