import type { z } from 'zod';
import type { Channel, EventName } from './channels';
import type { Result } from './result';
import type { contract, eventContract } from './schemas';

/** What a caller passes on a channel (before defaults and normalisation). */
export type ChannelInput<C extends Channel> = z.input<(typeof contract)[C]['input']>;
/** What a handler receives after main parsed the input. */
export type ChannelParsedInput<C extends Channel> = z.output<(typeof contract)[C]['input']>;
/** What a channel returns on success. */
export type ChannelOutput<C extends Channel> = z.output<(typeof contract)[C]['output']>;
/** Payload of a push event. */
export type EventPayload<E extends EventName> = z.output<(typeof eventContract)[E]>;
/**
 * The arguments of sending one push event: its name and its payload, as a union over all
 * events, so that a receiver's `(event, payload)` narrows the payload on the name.
 */
export type EventArgs = { [E in EventName]: [event: E, payload: EventPayload<E>] }[EventName];

/** The renderer's typed client: one async method per channel, errors as values. */
export type Api = {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** The untyped bridge the preload (or the web socket client) exposes. */
export type Bridge = {
  invoke(channel: string, input: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
};

export type AppState = ChannelOutput<'app.state'>;
export type BoardColumn = ChannelOutput<'board.load'>['columns'][number];
export type Language = AppState['language'];
