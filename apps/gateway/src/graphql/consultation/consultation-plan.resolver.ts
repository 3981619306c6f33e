import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { HandlingActionModel } from '../decision/decision.model';
import { plannedHandlingActionModel } from '../decision/handling-action.mapper';
import { ResolutionModel } from './consultation.model';

/** A consultation's agreed plan in the one handling action shape. */
@Resolver(() => ResolutionModel)
export class ConsultationPlanResolver {
  @ResolveField(() => [HandlingActionModel], {
    description: 'The agreed handling plan, which the decision can follow: actions with no id, decision or status yet',
  })
  plan(@Parent() resolution: ResolutionModel): HandlingActionModel[] {
    return resolution.plan.map(plannedHandlingActionModel);
  }
}
