import type { Channel } from '@core/ipc/channels';
import type { ChannelOutput, ChannelParsedInput } from '@core/ipc/contract';
import type { AppContext } from '../services/context';

/** Runs one channel: gets the input main parsed with the contract, returns the output. */
export type Handler<C extends Channel> = (
  ctx: AppContext,
  input: ChannelParsedInput<C>,
) => Promise<ChannelOutput<C>>;

/** Exactly one handler for each of the channels `C`; a missing one is a compile error. */
export type HandlerMap<C extends Channel> = { [K in C]: Handler<K> };
