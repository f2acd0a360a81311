import type { ChannelOf } from '@core/ipc/channels';
import type { scoringNames } from '@core/ipc/scoring/names';
import {
  getScoring,
  previewScoring,
  recomputeAll,
  saveScoring,
} from '../../services/scoring-service';
import type { HandlerMap } from '../handler-map';

/** The scoring channels, each handing the parsed input to one service. */
export const scoringHandlers: HandlerMap<ChannelOf<typeof scoringNames>> = {
  'scoring.get': (ctx) => getScoring(ctx),
  'scoring.preview': (ctx, input) => previewScoring(ctx, input.settings),
  'scoring.save': (ctx, input) => saveScoring(ctx, input.settings, input.basedOn),
  'scoring.recompute': (ctx) => recomputeAll(ctx),
};
