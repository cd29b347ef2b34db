import { Client } from 'pg';
import { createEmptyDatabase } from '../../../test/setup/database';
import { canonicalJson } from '../src/canonical-json';
import type { JsonObject, JsonValue } from '../src/types';

/** A small deterministic generator, so that a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const CHARS = [
  'a',
  'B',
  'z',
  'é',
  'Đ',
  'ơ',
  'ữ',
  '"',
  '\\',
  '/',
  '\n',
  '\t',
  '\r',
  '\b',
  '\f',
  '\u0001',
  '\u001f',
  '\u007f',
];
const MORE_CHARS = ['€', '\u2028', '😀', '𝔸', '\uffff', ' ', '<', '0'];

function randomValue(random: () => number, depth: number): JsonValue {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const text = (): string =>
    Array.from({ length: Math.floor(random() * 9) }, () => pick([...CHARS, ...MORE_CHARS])).join('');
  const number = (): number => {
    const magnitude = 10 ** Math.floor(random() * 80 - 40);
    const fraction = (random() - 0.5) * magnitude;
    return pick([0, -1.5, 5e-324, 1e21, -1.7976931348623157e308, Math.round(fraction), fraction, fraction]);
  };
  switch (Math.floor(random() * (depth > 3 ? 4 : 6))) {
    case 0:
      return text();
    case 1:
      return number();
    case 2:
      return random() < 0.5;
    case 3:
      return null;
    case 4:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default: {
      const object: JsonObject = {};
      for (let i = Math.floor(random() * 6); i > 0; i--) object[text()] = randomValue(random, depth + 1);
      return object;
    }
  }
}

/** `canonicalJson` against PostgreSQL's own jsonb output, which is what the append function once produced. */
describe('canonicalJson (real PostgreSQL)', () => {
  let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
  let client: Client;
  const jsonbText = async (value: JsonValue): Promise<string> =>
    (await client.query<{ t: string }>('SELECT $1::jsonb::text AS t', [JSON.stringify(value)])).rows[0].t;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it.each<[string, JsonValue]>([
    [
      'exponents written out',
      { big: 1e21, bigger: -1.2345e25, small: 1.5e-7, tiniest: 5e-324, max: 1.7976931348623157e308 },
    ],
    ['plain numbers kept', { i: 48, f: 0.30000000000000004, n: -0.5, z: -0 }],
    ['keys shortest first, then by UTF-8 bytes', { bb: 1, a: 2, ab: 3, é: 4, z: 5, '😀': 6, '\uffff': 7, '': 8 }],
    ['escapes', { s: 'tab\there "quoted" back\\slash\nnew\u0001\u001f\u007f\u2028 /' }],
    ['empty containers and nesting', { o: {}, a: [], n: [[], [{}], { x: [null, true, false] }] }],
    ['Vietnamese text', { tên: 'Nguyễn Thị Ánh', 'đơn vị': 'Ban Thường vụ Tỉnh ủy Bắc Ninh' }],
  ])('%s', async (_name, value) => {
    expect(canonicalJson(value)).toBe(await jsonbText(value));
  });

  it('agrees on 2,000 random documents', async () => {
    const random = generator(20251122);
    const mismatches: string[] = [];
    for (let i = 0; i < 2000; i++) {
      const value = { d: randomValue(random, 0), [String(i)]: randomValue(random, 0) };
      const expected = await jsonbText(value);
      if (canonicalJson(value) !== expected) mismatches.push(expected);
    }
    expect(mismatches).toEqual([]);
  });
});
