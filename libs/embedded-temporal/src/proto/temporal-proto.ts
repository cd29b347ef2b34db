import type Long from 'long';
import { google, temporal } from '@temporalio/proto';

/**
 * The Temporal API messages, as the SDK itself encodes them (`@temporalio/proto` ships a protobufjs root
 * generated from the same API protos the SDK is built from), so what this server writes is exactly what
 * the client and the worker read.
 */
export { google, temporal };

/**
 * A message type whose int64 fields also take a plain number: protobufjs encodes either, and the
 * server builds its messages from numbers while decoded requests carry `Long`s.
 */
export type Loose<T> = T extends Long
  ? Long | number
  : T extends Uint8Array
    ? T
    : T extends Array<infer U>
      ? Array<Loose<U>>
      : T extends object
        ? { [K in keyof T]: Loose<T[K]> }
        : T;

export type IHistoryEvent = Loose<temporal.api.history.v1.IHistoryEvent>;
export type IPayloads = temporal.api.common.v1.IPayloads;
export type IPayload = temporal.api.common.v1.IPayload;
export type IFailure = Loose<temporal.api.failure.v1.IFailure>;
export type IDuration = Loose<google.protobuf.IDuration>;
export type ITimestamp = Loose<google.protobuf.ITimestamp>;
export type IRetryPolicy = Loose<temporal.api.common.v1.IRetryPolicy>;

/**
 * An API enum as plain numbers: the server keeps enum values in JSON state and compares them as numbers.
 */
export function enumNumbers<T extends object>(values: T): { readonly [K in keyof T]: number } {
  return values as { readonly [K in keyof T]: number };
}

export const EventType = enumNumbers(temporal.api.enums.v1.EventType);
export const WorkflowExecutionStatus = enumNumbers(temporal.api.enums.v1.WorkflowExecutionStatus);

/** A protobuf int64 as it arrives from a decoder (Long) or from our own code (number). */
export type Int64 = Long | number | string | null | undefined;

/** Converts an int64 field to a JS number (event ids, seconds and counters all fit). */
export function toNumber(value: Int64): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return Number(value);
  return value.toNumber();
}

/** Milliseconds of a protobuf Duration; `undefined` when the field is absent or zero. */
export function durationToMs(d: IDuration | null | undefined): number | undefined {
  if (!d) return undefined;
  const ms = toNumber(d.seconds) * 1000 + Math.floor((d.nanos ?? 0) / 1e6);
  return ms > 0 ? ms : undefined;
}

/** A protobuf Duration from milliseconds. */
export function msToDuration(ms: number): IDuration {
  return { seconds: Math.floor(ms / 1000), nanos: (ms % 1000) * 1e6 };
}

/** A protobuf Timestamp from epoch milliseconds. */
export function msToTimestamp(ms: number): ITimestamp {
  return { seconds: Math.floor(ms / 1000), nanos: Math.round(ms % 1000) * 1e6 };
}

/** Epoch milliseconds of a protobuf Timestamp. */
export function timestampToMs(t: ITimestamp | null | undefined): number | undefined {
  if (!t) return undefined;
  return toNumber(t.seconds) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
}

/** Encodes a history event to the bytes the PostgreSQL store keeps. */
export function encodeEvent(event: IHistoryEvent): Uint8Array {
  return temporal.api.history.v1.HistoryEvent.encode(event as temporal.api.history.v1.IHistoryEvent).finish();
}

/** Decodes history event bytes. */
export function decodeEvent(bytes: Uint8Array): IHistoryEvent {
  return temporal.api.history.v1.HistoryEvent.decode(bytes);
}
