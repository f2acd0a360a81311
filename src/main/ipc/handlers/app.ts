import type { ChannelOf } from '@core/ipc/channels';
import type { appNames } from '@core/ipc/app/names';
import { appState, setLanguage } from '../../services/app-service';
import type { HandlerMap } from '../handler-map';

/** The app channels, each handing the parsed input to one service. */
export const appHandlers: HandlerMap<ChannelOf<typeof appNames>> = {
  'app.state': (ctx) => appState(ctx),
  'app.setLanguage': (ctx, input) => setLanguage(ctx, input.language),
};
