import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrailEvent } from '../api/views';
import { useAuth } from '../auth/auth-context';
import { formatDate } from '../shared/dates';
import { ErrorAlert } from '../shared/errors';
import { useCommand } from './procedure-hooks';

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
  const { me } = useAuth();
  const command = useCommand(procedureId);
  const [references, setReferences] = useState<Record<string, string>>({});
  const grant = me?.grants.find((g) => g.role === 'organization-committee');
  if (!grant || personIds.length === 0) return null;
  const filed = filedProgrammes(events);
  const record = async (personId: string): Promise<void> => {
    const reference = (references[personId] ?? '').trim();
    await command.mutateAsync({
      actAs: { role: grant.role, bodyId: grant.bodyId },
      type: 'FileActionProgramme',
      data: { personId, reference },
    });
  };
  return (
    <Card title={t('actionProgramme.title')} style={{ marginBottom: 16 }}>
      <ErrorAlert error={command.error} />
      <Table
        size="small"
        rowKey={(id) => id}
        dataSource={[...personIds]}
        pagination={false}
        columns={[
          { title: t('actionProgramme.person'), render: (_: unknown, id: string) => name(id) },
          {
            title: t('actionProgramme.status'),
            render: (_: unknown, id: string) => {
              const entry = filed.get(id);
              if (entry) {
                return (
                  <Tag color="green">
                    {t('actionProgramme.filed', { reference: entry.reference, date: formatDate(entry.filedOn) })}
                  </Tag>
                );
              }
              return (
                <Space>
                  <Input
                    aria-label={t('actionProgramme.reference')}
                    placeholder={t('actionProgramme.reference')}
                    value={references[id] ?? ''}
                    onChange={(e) => setReferences({ ...references, [id]: e.target.value })}
                    style={{ width: 240 }}
                  />
                  <Button
                    disabled={!(references[id] ?? '').trim()}
                    loading={command.isPending}
                    onClick={() => void record(id).catch(() => undefined)}
                  >
                    {t('actionProgramme.record')}
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
