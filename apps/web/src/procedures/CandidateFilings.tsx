import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../shared/errors';
import { useCommand } from './procedure-hooks';

/** What a candidate has filed, as the stage page shows it: a tag's text and colour. */
export interface Filing {
  readonly text: string;
  readonly color: string;
}

/** The document a stage page records per candidate: its command, and the dictionary section of its words. */
export interface FilingKind {
  readonly command: 'FileActionProgramme' | 'FileAssetDeclaration';
  /** The section holding `title`, `person`, `status`, `reference` and `record`. */
  readonly labels: 'actionProgramme' | 'assetDeclaration';
}

interface Props {
  kind: FilingKind;
  procedureId: string;
  personIds: readonly string[];
  /** Who has filed, from the procedure's trail. */
  filed: ReadonlyMap<string, Filing>;
  name: (id: string) => string;
}

/**
 * A per-candidate form on a stage page: the Organization Committee records, for each candidate, the reference of a
 * document it received (an action programme, an asset declaration); a candidate who has filed shows what was filed.
 * One form for every such document, so they look and behave alike.
 */
export function CandidateFilings({ kind, procedureId, personIds, filed, name }: Props) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const command = useCommand(procedureId);
  const [references, setReferences] = useState<Record<string, string>>({});
  const grant = me?.grants.find((g) => g.role === 'organization-committee');
  if (!grant || personIds.length === 0) return null;
  const label = (key: 'title' | 'person' | 'status' | 'reference' | 'record'): string => t(`${kind.labels}.${key}`);
  const record = async (personId: string): Promise<void> => {
    await command.mutateAsync({
      actAs: { role: grant.role, bodyId: grant.bodyId },
      type: kind.command,
      data: { personId, reference: (references[personId] ?? '').trim() },
    });
  };
  return (
    <Card title={label('title')} style={{ marginBottom: 16 }}>
      <ErrorAlert error={command.error} />
      <Table
        size="small"
        rowKey={(id) => id}
        dataSource={[...personIds]}
        pagination={false}
        columns={[
          { title: label('person'), render: (_: unknown, id: string) => name(id) },
          {
            title: label('status'),
            render: (_: unknown, id: string) => {
              const entry = filed.get(id);
              if (entry) return <Tag color={entry.color}>{entry.text}</Tag>;
              return (
                <Space>
                  <Input
                    aria-label={`${label('reference')} — ${name(id)}`}
                    placeholder={label('reference')}
                    maxLength={200}
                    value={references[id] ?? ''}
                    onChange={(e) => setReferences({ ...references, [id]: e.target.value })}
                    style={{ width: 240 }}
                  />
                  <Button
                    disabled={!(references[id] ?? '').trim()}
                    loading={command.isPending}
                    onClick={() => void record(id).catch(() => undefined)}
                  >
                    {label('record')}
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
