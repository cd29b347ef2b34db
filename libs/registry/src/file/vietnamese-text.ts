/**
 * Folds a Vietnamese name for search: NFD, combining marks stripped, đ→d, lower case, spaces collapsed, so that
 * "Nguyễn Văn Đức", "nguyen van duc" and "NGUYEN  VAN DUC" all fold to "nguyen van duc". `String#normalize` does
 * the decomposition; only đ/Đ, which Unicode does not decompose, needs a rule of its own.
 *
 * @example foldVietnamese('Đảng bộ tỉnh Bắc Ninh') // 'dang bo tinh bac ninh'
 */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A header or sheet name folded further for matching: letters and digits only. */
export function foldKey(text: string): string {
  return foldVietnamese(text).replace(/[^a-z0-9]/g, '');
}
