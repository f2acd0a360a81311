import type { ChannelOf } from '@core/ipc/channels';
import type { usersNames } from '@core/ipc/users/names';
import { lookups } from '../../services/lookups-service';
import { createUser, selectUser, usersList } from '../../services/users-service';
import type { HandlerMap } from '../handler-map';

/** The user and lookup channels, each handing the parsed input to one service. */
export const usersHandlers: HandlerMap<ChannelOf<typeof usersNames>> = {
  'users.list': (ctx) => usersList(ctx),
  'users.create': (ctx, input) => createUser(ctx, input.name),
  'users.select': (ctx, input) => selectUser(ctx, input.id),
  'lookups.get': (ctx) => lookups(ctx),
};
