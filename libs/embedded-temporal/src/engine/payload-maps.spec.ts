import { decodePayloadMap, decodeSearchAttributes, encodePayloadMap, mergePayloadMap } from './payload-maps';

const json = (value: unknown, type?: string) => ({
  metadata: {
    encoding: Buffer.from('json/plain'),
    ...(type ? { type: Buffer.from(type) } : {}),
  },
  data: Buffer.from(JSON.stringify(value)),
});

describe('search attribute and memo payload maps', () => {
  it('decodes typed search attributes to JS values', () => {
    expect(
      decodeSearchAttributes({
        CustomerId: json('c-7', 'Keyword'),
        Amount: json(120.5, 'Double'),
        Vip: json(true, 'Bool'),
        Due: json('2026-01-02T03:04:05.000Z', 'Datetime'),
        Tags: json(['a', 'b'], 'KeywordList'),
        Legacy: json(['only']),
      }),
    ).toEqual({
      CustomerId: 'c-7',
      Amount: 120.5,
      Vip: true,
      Due: new Date('2026-01-02T03:04:05.000Z'),
      Tags: ['a', 'b'],
      Legacy: 'only',
    });
  });

  it('upserts entries and removes those set to an empty list', () => {
    const map = encodePayloadMap({ Status: json('open', 'Keyword'), Owner: json('an', 'Keyword') });
    mergePayloadMap(map, { Status: json('closed', 'Keyword'), Owner: json([], 'Keyword') });
    expect(decodeSearchAttributes(decodePayloadMap(map))).toEqual({ Status: 'closed' });
  });
});
