import type { JsonValue } from './types';

/**
 * The text PostgreSQL's `jsonb` output gives for a JSON value, written without a round trip to the database: keys
 * ordered shortest first, then by their UTF-8 bytes; `", "` and `": "` between items; numbers in plain decimal
 * notation; strings escaped as `escape_json` does (which is what `JSON.stringify` does for the strings that
 * `validateAppend` accepts: no NUL, no lone surrogate). It is what an event's hash covers and what is stored,
 * so equal values always hash alike. A test compares it with PostgreSQL's own output over many random values.
 */
export function canonicalJson(value: JsonValue): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return canonicalNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default: {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ', ') + canonicalJson(value[i]);
        return out + ']';
      }
      const keys = Object.keys(value).sort(compareKeys);
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        out += (i === 0 ? '' : ', ') + JSON.stringify(keys[i]) + ': ' + canonicalJson(value[keys[i]]);
      }
      return out + '}';
    }
  }
}

/** Whether every character is ASCII, so that its length is its length in UTF-8 bytes. */
function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** jsonb's key order: by length in bytes, then byte by byte. */
function compareKeys(a: string, b: string): number {
  if (isAscii(a) && isAscii(b)) {
    if (a.length !== b.length) return a.length - b.length;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length !== y.length ? x.length - y.length : Buffer.compare(x, y);
}

/**
 * A finite number as `numeric` prints it: JavaScript's shortest round-trip digits, with an exponent written out
 * (`1e+21` is `1000000000000000000000`, `1.5e-7` is `0.00000015`).
 */
function canonicalNumber(n: number): string {
  const text = String(n);
  const e = text.indexOf('e');
  if (e < 0) return text;
  let mantissa = text.slice(0, e);
  const exponent = Number(text.slice(e + 1));
  const sign = mantissa.startsWith('-') ? '-' : '';
  if (sign) mantissa = mantissa.slice(1);
  const dot = mantissa.indexOf('.');
  const whole = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const digits = whole + (dot < 0 ? '' : mantissa.slice(dot + 1));
  const point = whole.length + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
