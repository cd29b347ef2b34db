import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { i18n } from '../i18n';
import { errorText } from './errors';

const names: Record<string, string> = { 'person/bn-12': 'Nguyễn Văn An', 'person/bn-40': 'Trần Thị Bình' };
const name = (id: string): string => names[id] ?? id;

/** The session's refusal of a list that would seat spouses in linked posts, as the API sends it. */
const refusal = new ApiError(422, {
  statusCode: 422,
  code: 'FIRST_SESSION_RELATIVES_LINKED_POSTS',
  message: 'person/bn-40 may not stand for deputy-secretaries',
  params: { office: 'deputy-secretaries', personIds: ['person/bn-40'], relativeIds: ['person/bn-12'] },
});

describe('a refusal naming people', () => {
  it('reads the people of its id parameters by name, in Vietnamese then English', () => {
    const vi = errorText(i18n.getFixedT('vi'), refusal, name);
    expect(vi).toContain('Không giới thiệu được Trần Thị Bình');
    expect(vi).toContain(
      'người thân (vợ, chồng, cha mẹ, cha mẹ vợ hoặc chồng, con, anh chị em ruột) của Nguyễn Văn An',
    );
    const en = errorText(i18n.getFixedT('en'), refusal, name);
    expect(en).toMatch(/^Trần Thị Bình cannot be proposed: as a relative .* of Nguyễn Văn An, /);
    expect(en).not.toContain('person/');
  });

  it('joins several names, and leaves the parameters as they are where the caller names nobody', () => {
    const two = new ApiError(422, {
      statusCode: 422,
      code: 'FIRST_SESSION_RELATIVES_LINKED_POSTS',
      params: { office: 'standing-committee', personIds: ['person/bn-12', 'person/bn-40'], relativeIds: ['x'] },
    });
    expect(errorText(i18n.getFixedT('en'), two, name)).toMatch(/^Nguyễn Văn An, Trần Thị Bình cannot be proposed/);
    const other = new ApiError(422, {
      statusCode: 422,
      code: 'FIRST_SESSION_TOO_FEW_CANDIDATES',
      params: { candidates: 1, seats: 3, required: 3 },
    });
    expect(errorText(i18n.getFixedT('en'), other)).toBe('1 candidates for 3 seats: list at least 3.');
  });
});
