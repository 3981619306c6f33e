import DataLoader from 'dataloader';
import { RpcSubjects, type UserNameDto } from '@phoi-hop/contracts';
import type { RpcClient } from '@phoi-hop/messaging';
import type { GqlContext } from '../common/gql-context';

const loaders = new WeakMap<GqlContext, DataLoader<string, UserNameDto | null>>();

/** The request's batched lookup of people by user id: one `directory.user.names` call per tick, whatever the number of fields. */
export function peopleLoader(context: GqlContext, rpc: RpcClient): DataLoader<string, UserNameDto | null> {
  let loader = loaders.get(context);
  if (!loader) {
    loader = new DataLoader<string, UserNameDto | null>(
      async (ids) => {
        const found = await rpc.request<UserNameDto[]>(RpcSubjects.directory.userNames, { ids: [...ids] }, { token: context.token ?? '' });
        const byId = new Map(found.map((person) => [person.id, person]));
        return ids.map((id) => byId.get(id) ?? null);
      },
      { maxBatchSize: 500 },
    );
    loaders.set(context, loader);
  }
  return loader;
}
