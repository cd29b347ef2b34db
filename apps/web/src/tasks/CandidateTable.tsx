import { useQueries, useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, List, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../api/client';
import { fetchPerson } from '../api/registry';
import { ageOn, formatBirthDate } from '../shared/dates';
import { ErrorAlert } from '../shared/errors';
import { codeLabel } from '../shared/labels';
import { distinguishNamesakes } from '../shared/names';

interface Props {
  procedureId: string;
  personIds: readonly string[];
  /** Check results per person (e.g. vetting: cleared or blocked), as a status code. */
  checks?: ReadonlyMap<string, string>;
  /** Why the file is read, recorded with the read. */
  purpose: string;
}

/**
 * Registry facts of people (name, age, current post), cached with the names; `pending` holds the people still
 * loading (shown as an ellipsis, not as "name unknown"). A busy server is asked again; an unknown person is not.
 */
export function usePeople(ids: readonly string[]) {
  const results = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['person', id],
      queryFn: () => fetchPerson(id),
      staleTime: Infinity,
      retry: (failures: number, error: Error) => failures < 3 && !(error instanceof ApiError && error.status === 404),
    })),
  });
  const people = new Map(ids.map((id, i) => [id, results[i]?.data] as const));
  return Object.assign(people, { pending: new Set(ids.filter((_, i) => results[i]?.isPending)) });
}

/**
 * A person's name from {@link usePeople}: the name (with the birth date when another person of the list has the same
 * name), an ellipsis while loading, or "name unknown".
 */
export function personName(people: ReturnType<typeof usePeople>, id: string, unknown: string): string {
  const person = people.get(id);
  if (!person) return people.pending.has(id) ? '…' : unknown;
  const entries = new Map(
    [...people].flatMap(([key, p]) => (p ? [[key, { name: p.fullName, birthDate: p.birthDate }] as const] : [])),
  );
  return distinguishNamesakes(entries).get(id) ?? person.fullName;
}

/** The candidate list being decided: each person's key facts and check results, and their dossier on request. */
export function CandidateTable({ procedureId, personIds, checks, purpose }: Props) {
  const { t } = useTranslation();
  const people = usePeople(personIds);
  const [open, setOpen] = useState<string | null>(null);
  const dossier = useMutation({
    mutationFn: async (personId: string) =>
      unwrap(
        await api.GET('/procedures/{procedureId}/dossiers/{personId}', {
          params: { path: { procedureId, personId }, query: { purpose } },
        }),
      ),
  });
  const rows = personIds.map((id) => ({ id, person: people.get(id) }));
  const read = (id: string): void => {
    setOpen(id);
    dossier.mutate(id);
  };
  return (
    <>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('registry.fullName'),
            key: 'name',
            render: (_, r) => personName(people, r.id, t('app.unknownName')),
          },
          {
            title: t('registry.birthDate'),
            key: 'age',
            render: (_, r) =>
              r.person?.birthDate
                ? `${formatBirthDate(r.person.birthDate)} (${t('launch.age', { age: ageOn(r.person.birthDate) })})`
                : '',
          },
          {
            title: t('registry.posts'),
            key: 'posts',
            render: (_, r) => r.person?.posts.map((p) => p.title).join('; '),
          },
          {
            title: t('procedures.state'),
            key: 'check',
            render: (_, r) => {
              const check = checks?.get(r.id);
              return check ? (
                <Tag color={check === 'BLOCKED' ? 'red' : 'green'}>{codeLabel(t, 'status', check)}</Tag>
              ) : null;
            },
          },
          {
            title: t('task.dossier'),
            key: 'dossier',
            render: (_, r) => (
              <Button size="small" onClick={() => read(r.id)}>
                {t('task.readDossier')}
              </Button>
            ),
          },
        ]}
      />
      <Modal open={open !== null} onCancel={() => setOpen(null)} footer={null} title={t('task.dossier')} width={640}>
        <ErrorAlert error={dossier.error} />
        {dossier.data && (
          <>
            <Alert type="warning" showIcon message={t('task.dossierRecorded')} style={{ marginBottom: 16 }} />
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('registry.fullName')}>{dossier.data.fullName}</Descriptions.Item>
              <Descriptions.Item label={t('registry.birthDate')}>
                {formatBirthDate(dossier.data.birthDate)}
              </Descriptions.Item>
              <Descriptions.Item label={t('registry.gender')}>
                {codeLabel(t, 'gender', dossier.data.gender)}
              </Descriptions.Item>
            </Descriptions>
            <List
              size="small"
              header={t('registry.relatives')}
              dataSource={open ? (people.get(open)?.relatives ?? []) : []}
              renderItem={(r) => (
                <List.Item>
                  {r.fullName} — {codeLabel(t, 'relation', r.kind)}
                </List.Item>
              )}
            />
          </>
        )}
      </Modal>
    </>
  );
}
