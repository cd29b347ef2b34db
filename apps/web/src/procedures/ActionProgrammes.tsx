import { useTranslation } from 'react-i18next';
import type { TrailEvent } from '../api/views';
import { formatDate } from '../shared/dates';
import { CandidateFilings } from './CandidateFilings';

interface Props {
  procedureId: string;
  personIds: readonly string[];
  events: readonly TrailEvent[];
  name: (id: string) => string;
}

/** Who has filed an action programme in this procedure, from its trail: person id → reference and day. */
export function filedProgrammes(events: readonly TrailEvent[]): Map<string, { reference: string; filedOn: string }> {
  const filed = new Map<string, { reference: string; filedOn: string }>();
  for (const e of events) {
    if (e.type !== 'ActionProgrammeFiled') continue;
    filed.set(String(e.data.personId), { reference: String(e.data.reference), filedOn: String(e.data.filedOn) });
  }
  return filed;
}

/**
 * The Organization Committee records each candidate's action programme (chương trình hành động), which the rulebook
 * requires before the congress approves the list of an election.
 */
export function ActionProgrammes({ procedureId, personIds, events, name }: Props) {
  const { t } = useTranslation();
  const filed = new Map(
    [...filedProgrammes(events)].map(([id, p]) => [
      id,
      { color: 'green', text: t('actionProgramme.filed', { reference: p.reference, date: formatDate(p.filedOn) }) },
    ]),
  );
  return (
    <CandidateFilings
      kind={{ command: 'FileActionProgramme', labels: 'actionProgramme' }}
      procedureId={procedureId}
      personIds={personIds}
      filed={filed}
      name={name}
    />
  );
}
