import type { ChannelOf } from '@core/ipc/channels';
import type { demoNames } from '@core/ipc/demo/names';
import { generateDemo } from '../../services/demo-service';
import type { HandlerMap } from '../handler-map';

/** The demo channel. */
export const demoHandlers: HandlerMap<ChannelOf<typeof demoNames>> = {
  'demo.generate': (ctx, input) => generateDemo(ctx, input.count),
};
