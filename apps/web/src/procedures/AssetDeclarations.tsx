import { useTranslation } from 'react-i18next';
import type { TrailEvent } from '../api/views';
import { CandidateFilings } from './CandidateFilings';

/** A candidate's asset declaration as the trail tells it: its reference, the day it was filed, and whether verified. */
export interface Declaration {
  reference: string;
  filedOn: string;
  verified: boolean;
}

/** The declarations filed in a vetting procedure, from its trail: person id → declaration. */
export function filedDeclarations(events: readonly TrailEvent[]): Map<string, Declaration> {
  const filed = new Map<string, Declaration>();
  for (const e of events) {
    const personId = String(e.data.personId);
    if (e.type === 'AssetDeclarationFiled') {
      filed.set(personId, { reference: String(e.data.reference), filedOn: e.recordedAt, verified: false });
    }
    const entry = filed.get(personId);
    if (e.type === 'AssetDeclarationVerified' && entry) filed.set(personId, { ...entry, verified: true });
  }
  return filed;
}

interface Props {
  procedureId: string;
  /** The candidates whose asset check is still open. */
  personIds: readonly string[];
  events: readonly TrailEvent[];
  name: (id: string) => string;
}

/**
 * The Organization Committee that launched the vetting records each candidate's asset and income declaration (kê
 * khai tài sản, thu nhập) as it receives it; the inspection committee then verifies it from its task, which concludes
 * the asset check (Quy định 205/114).
 */
export function AssetDeclarations({ procedureId, personIds, events, name }: Props) {
  const { t } = useTranslation();
  const filed = new Map(
    [...filedDeclarations(events)].map(([id, d]) => [
      id,
      {
        color: d.verified ? 'green' : 'blue',
        text: t(d.verified ? 'assetDeclaration.verified' : 'assetDeclaration.filed', { reference: d.reference }),
      },
    ]),
  );
  return (
    <CandidateFilings
      kind={{ command: 'FileAssetDeclaration', labels: 'assetDeclaration' }}
      procedureId={procedureId}
      personIds={personIds}
      filed={filed}
      name={name}
    />
  );
}
