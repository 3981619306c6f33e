import { Context, Resolver, Subscription } from '@nestjs/graphql';
import { CaseEventStream } from '../events/case-event.stream';
import { CaseEventModel } from './case.model';
import { toCaseEventModel } from './case.mapper';
import { requireActor, type GqlContext } from './gql-context';

@Resolver(() => CaseEventModel)
export class CaseEventsResolver {
  constructor(private readonly stream: CaseEventStream) {}

  @Subscription(() => CaseEventModel, {
    description: 'Every event of the cases the viewer may see',
    resolve: (value: CaseEventModel) => value,
  })
  caseEvents(@Context() context: GqlContext): AsyncIterableIterator<CaseEventModel> {
    const { actor } = requireActor(context, 'caseEvents');
    return this.stream.subscribe(actor, toCaseEventModel);
  }
}
