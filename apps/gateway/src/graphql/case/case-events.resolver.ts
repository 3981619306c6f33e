import { Resolver, Subscription } from '@nestjs/graphql';
import type { Actor } from '@phoi-hop/contracts';
import { CaseEventStream } from '../../events/case-event.stream';
import { CurrentActor } from '../common/caller.decorators';
import { CaseEventModel } from './case-event.model';
import { toCaseEventModel } from './case.mapper';

@Resolver(() => CaseEventModel)
export class CaseEventsResolver {
  constructor(private readonly stream: CaseEventStream) {}

  @Subscription(() => CaseEventModel, {
    description: 'Every event of the cases the viewer may see',
    resolve: (value: CaseEventModel) => value,
  })
  caseEvents(@CurrentActor() actor: Actor): AsyncIterableIterator<CaseEventModel> {
    return this.stream.subscribe(actor, toCaseEventModel);
  }
}
