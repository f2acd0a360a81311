import type { ChannelOf } from '@core/ipc/channels';
import type { contentNames } from '@core/ipc/content/names';
import { contentList, createContent, updateContent } from '../../services/content-service';
import type { HandlerMap } from '../handler-map';

/** The content library channels, each handing the parsed input to one service. */
export const contentHandlers: HandlerMap<ChannelOf<typeof contentNames>> = {
  'content.list': (ctx, input) => contentList(ctx, input.includeArchived),
  'content.create': (ctx, input) => createContent(ctx, input.fields),
  'content.update': (ctx, input) => updateContent(ctx, input.id, input.version, input.fields),
};
