import { type IPayload, type IPayloads, type Loose, temporal } from '../proto/temporal-proto';

const Payload = temporal.api.common.v1.Payload;

/**
 * Search attributes and memo are maps of `Payload`s; runs keep them encoded (base64) in their JSON state.
 */
export function encodePayloadMap(fields: Record<string, Loose<IPayload>> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  mergePayloadMap(out, fields);
  return out;
}

/** Upserts payloads into an encoded map; an empty value (`[]`, or no data) removes the entry, as Temporal does. */
export function mergePayloadMap(
  target: Record<string, string>,
  fields: Record<string, Loose<IPayload>> | null | undefined,
): void {
  for (const [name, payload] of Object.entries(fields ?? {})) {
    const text = payload.data ? Buffer.from(payload.data).toString('utf8') : '';
    if (text === '' || text === '[]') {
      delete target[name];
      continue;
    }
    target[name] = Buffer.from(Payload.encode(payload as IPayload).finish()).toString('base64');
  }
}

/** Decodes a map of base64 `Payload`s. */
export function decodePayloadMap(map: Record<string, string>): Record<string, IPayload> {
  const out: Record<string, IPayload> = {};
  for (const [name, b64] of Object.entries(map)) out[name] = Payload.decode(Buffer.from(b64, 'base64'));
  return out;
}

/**
 * Decodes search attribute payloads (JSON, typed by their `type` metadata) to JS values: strings,
 * numbers, booleans, `Date`s (Datetime) and string arrays (KeywordList).
 */
export function decodeSearchAttributes(fields: Record<string, IPayload>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, payload] of Object.entries(fields)) {
    if (!payload.data || payload.data.length === 0) continue;
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(payload.data).toString('utf8'));
    } catch {
      continue;
    }
    const type = payload.metadata?.type ? Buffer.from(payload.metadata.type).toString('utf8') : '';
    if (Array.isArray(value) && type !== 'KeywordList') value = value.length === 1 ? value[0] : value;
    if (type === 'Datetime' && typeof value === 'string') value = new Date(value);
    out[name] = value;
  }
  return out;
}

/** Encodes `Payloads` (heartbeat details) to base64 for the JSON state. */
export function encodePayloads(payloads: IPayloads): string {
  return Buffer.from(temporal.api.common.v1.Payloads.encode(payloads).finish()).toString('base64');
}

/** Decodes base64 `Payloads`; `null` when absent. */
export function decodePayloads(b64: string | undefined): IPayloads | null {
  return b64 ? temporal.api.common.v1.Payloads.decode(Buffer.from(b64, 'base64')) : null;
}
