import { compareText, epochNanosToDate, isCanonicalIsoTime, parseDateTimeText } from './visibility-query.values';

describe('parseDateTimeText', () => {
  it.each([
    ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00.000Z'],
    ['2024-05-01T10:00:00.5Z', '2024-05-01T10:00:00.500Z'],
    ['2024-05-01T00:30:00+01:00', '2024-04-30T23:30:00.000Z'],
    ['2024-12-31T23:59:59.999-00:00', '2024-12-31T23:59:59.999Z'],
    ['0001-01-01', '0001-01-01T00:00:00.000Z'],
    ['0099-03-01', '0099-03-01T00:00:00.000Z'],
    ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
  ])('reads %s', (text, iso) => {
    expect(parseDateTimeText(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2024-05-01T10:00:00',
    '2023-02-29',
    '2024-13-01',
    '2024-04-31',
    '2024-05-01T24:00:00Z',
    '2024-05-01T10:60:00Z',
    '2024-05-01T10:00:60Z',
    '2024-05-01T10:00:00+24:00',
    '0000-01-01',
    '9999-12-31T23:59:59-01:00',
    '24-05-01',
    'yesterday',
    '',
  ])('rejects %j', (text) => {
    expect(parseDateTimeText(text)).toBeUndefined();
  });
});

describe('epochNanosToDate', () => {
  it('truncates to the millisecond, downwards also before 1970', () => {
    expect(epochNanosToDate('1714557600123999999')?.toISOString()).toBe('2024-05-01T10:00:00.123Z');
    expect(epochNanosToDate('-1')?.toISOString()).toBe('1969-12-31T23:59:59.999Z');
    expect(epochNanosToDate('0')?.toISOString()).toBe('1970-01-01T00:00:00.000Z');
  });

  it('rejects times outside years 0001-9999', () => {
    expect(epochNanosToDate('253402300800000000000')).toBeUndefined();
    expect(epochNanosToDate('-62135596800000000001')).toBeUndefined();
  });
});

describe('isCanonicalIsoTime', () => {
  it('accepts only the exact toISOString form', () => {
    expect(isCanonicalIsoTime(new Date('2024-05-01T10:00:00Z').toISOString())).toBe(true);
    expect(isCanonicalIsoTime('2024-05-01T10:00:00Z')).toBe(false);
    expect(isCanonicalIsoTime('2024-05-01T10:00:00.000+00:00')).toBe(false);
    expect(isCanonicalIsoTime('2024-05-01T10:00:00.000Z\n')).toBe(false);
  });
});

describe('compareText', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['', 'a', -1],
    ['ab', 'a', 1],
    ['Z', 'a', -1],
    ['\uffff', '\u{1f600}', -1],
    ['\u{1f600}x', '\u{1f600}y', -1],
  ])('orders %j against %j as %i', (a, b, expected) => {
    expect(compareText(a, b)).toBe(expected);
  });
});
