import type { boardNames } from '@core/ipc/board/names';
import type { ChannelOf } from '@core/ipc/channels';
import { loadBoard, loadBoardColumn } from '../../services/board-service';
import type { HandlerMap } from '../handler-map';

/** The board channels, each handing the parsed input to one service. */
export const boardHandlers: HandlerMap<ChannelOf<typeof boardNames>> = {
  'board.load': (ctx, input) => loadBoard(ctx, input.filters, input.limit, input.sorts),
  'board.column': (ctx, input) =>
    loadBoardColumn(ctx, input.stage, input.filters, input.offset, input.limit, input.sort),
};
