/**
 * A legal document cited by a rulebook. Numbers are reused ("Chỉ thị 45" is a 2020 directive on the National
 * Assembly election and a 2025 directive on party congresses), so a reference is number + type + issuer + date.
 */
export interface DocumentReference {
  /** e.g. `45-CT/TW`. */
  readonly number: string;
  /** Chỉ thị, Quy định, Hướng dẫn, Quyết định … */
  readonly type: 'directive' | 'regulation' | 'guidance' | 'decision' | 'law' | 'decree';
  /** e.g. `Bộ Chính trị`, `Ban Tổ chức Trung ương`. */
  readonly issuer: string;
  /** Date of issue, `YYYY-MM-DD`. */
  readonly issuedOn: string;
  readonly title: string;
}

/** A short human label, e.g. `Quy định 114-QĐ/TW (Bộ Chính trị, 2023-07-11)`. */
export function describeDocument(ref: DocumentReference): string {
  const typeLabel: Record<DocumentReference['type'], string> = {
    directive: 'Chỉ thị',
    regulation: 'Quy định',
    guidance: 'Hướng dẫn',
    decision: 'Quyết định',
    law: 'Luật',
    decree: 'Nghị định',
  };
  return `${typeLabel[ref.type]} ${ref.number} (${ref.issuer}, ${ref.issuedOn})`;
}
