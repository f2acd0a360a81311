import type { ChannelOf } from '@core/ipc/channels';
import type { exportNames } from '@core/ipc/export/names';
import { exportLeads } from '../../services/export-service';
import type { HandlerMap } from '../handler-map';

/** The export channel. */
export const exportHandlers: HandlerMap<ChannelOf<typeof exportNames>> = {
  'export.run': (ctx, input) => exportLeads(ctx, input),
};
