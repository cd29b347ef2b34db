/**
 * Orders strings by UTF-16 code units. Unlike `localeCompare` it does not depend on the host's ICU data, so a
 * workflow replayed on another machine sorts identically.
 */
export function compareText(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}
