import { VisibilityQueryError } from './visibility-query.error';

/** Words with a meaning in the grammar; matched case-insensitively and stored upper-case. */
const KEYWORDS = new Set([
  'AND',
  'OR',
  'NOT',
  'IN',
  'IS',
  'NULL',
  'BETWEEN',
  'STARTS_WITH',
  'ORDER',
  'BY',
  'ASC',
  'DESC',
  'TRUE',
  'FALSE',
]);

/** One lexical unit of a list filter. */
export interface VisibilityToken {
  readonly kind: 'identifier' | 'keyword' | 'string' | 'number' | 'operator' | '(' | ')' | ',' | 'end';
  /**
   * The decoded value: an identifier's name (backquotes removed), an upper-case keyword, a string's content with
   * escapes resolved, a number's text, or an operator (`<>` becomes `!=`).
   */
  readonly value: string;
  /** The text as written, for error messages. */
  readonly source: string;
  /** 0-based offset of the token in the query. */
  readonly position: number;
}

const isIdentifierStart = (c: string): boolean => /[A-Za-z_]/.test(c);
const isIdentifierPart = (c: string): boolean => /[A-Za-z0-9_]/.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * Splits a list filter into tokens, ending with an `end` token.
 *
 * @throws VisibilityQueryError on an unterminated string or backquoted name, or a character outside the grammar
 */
export function tokenizeVisibilityQuery(query: string): VisibilityToken[] {
  const tokens: VisibilityToken[] = [];
  let i = 0;
  const push = (kind: VisibilityToken['kind'], value: string, start: number): void => {
    tokens.push({ kind, value, source: query.slice(start, i), position: start });
  };
  while (i < query.length) {
    const c = query[i];
    const start = i;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      const { value, end } = scanQuoted(query, start);
      i = end;
      push('string', value, start);
    } else if (c === '`') {
      const close = query.indexOf('`', i + 1);
      if (close < 0) throw new VisibilityQueryError('unterminated backquoted name', query, start);
      const name = query.slice(i + 1, close);
      if (name.length === 0) throw new VisibilityQueryError('empty backquoted name', query, start);
      i = close + 1;
      push('identifier', name, start);
    } else if (isDigit(c) || ((c === '-' || c === '+') && isDigit(query[i + 1]))) {
      i++;
      while (isDigit(query[i])) i++;
      if (query[i] === '.' && isDigit(query[i + 1])) {
        i++;
        while (isDigit(query[i])) i++;
      }
      if (query[i] !== undefined && isIdentifierPart(query[i])) {
        throw new VisibilityQueryError(`malformed number '${query.slice(start, i + 1)}'`, query, start);
      }
      push('number', query.slice(c === '+' ? start + 1 : start, i), start);
    } else if (isIdentifierStart(c)) {
      while (i < query.length && isIdentifierPart(query[i])) i++;
      const word = query.slice(start, i);
      const upper = word.toUpperCase();
      if (KEYWORDS.has(upper)) push('keyword', upper, start);
      else push('identifier', word, start);
    } else if (c === '(' || c === ')' || c === ',') {
      i++;
      push(c, c, start);
    } else {
      const two = query.slice(i, i + 2);
      if (two === '!=' || two === '<>' || two === '<=' || two === '>=') {
        i += 2;
        push('operator', two === '<>' ? '!=' : two, start);
      } else if (c === '=' || c === '<' || c === '>') {
        i++;
        push('operator', c, start);
      } else {
        throw new VisibilityQueryError(`unexpected character '${c}'`, query, start);
      }
    }
  }
  tokens.push({ kind: 'end', value: '', source: '', position: query.length });
  return tokens;
}

/**
 * Reads a quoted string: the quote is doubled (`'it''s'`) or backslash-escaped (`'it\'s'`) inside; a backslash
 * before any other character keeps that character (`\\` is one backslash). Returns the content and the
 * index just past the closing quote.
 */
function scanQuoted(query: string, start: number): { value: string; end: number } {
  const quote = query[start];
  let value = '';
  let i = start + 1;
  while (i < query.length) {
    const c = query[i];
    if (c === '\\' && i + 1 < query.length) {
      value += query[i + 1];
      i += 2;
    } else if (c === quote && query[i + 1] === quote) {
      value += quote;
      i += 2;
    } else if (c === quote) {
      return { value, end: i + 1 };
    } else {
      value += c;
      i++;
    }
  }
  throw new VisibilityQueryError('unterminated string', query, start);
}
