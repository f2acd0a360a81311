import type { ChannelOf } from '@core/ipc/channels';
import type { filesNames } from '@core/ipc/files/names';
import { pickFile } from '../../services/files-service';
import type { HandlerMap } from '../handler-map';

/** The file dialog channel. */
export const filesHandlers: HandlerMap<ChannelOf<typeof filesNames>> = {
  'files.pick': (ctx, input) => pickFile(ctx, input.purpose, input.defaultName),
};
