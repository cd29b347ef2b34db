import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrailEvent } from '../api/views';
import { useAuth } from '../auth/auth-context';
import { ErrorAlert } from '../shared/errors';
import { useCommand } from './procedure-hooks';

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
  const { me } = useAuth();
  const command = useCommand(procedureId);
  const [references, setReferences] = useState<Record<string, string>>({});
  const grant = me?.grants.find((g) => g.role === 'organization-committee');
  if (!grant || personIds.length === 0) return null;
  const filed = filedDeclarations(events);
  const record = async (personId: string): Promise<void> => {
    await command.mutateAsync({
      actAs: { role: grant.role, bodyId: grant.bodyId },
      type: 'FileAssetDeclaration',
      data: { personId, reference: (references[personId] ?? '').trim() },
    });
  };
  return (
    <Card title={t('assetDeclaration.title')} style={{ marginBottom: 16 }}>
      <ErrorAlert error={command.error} />
      <Table
        size="small"
        rowKey={(id) => id}
        dataSource={[...personIds]}
        pagination={false}
        columns={[
          { title: t('assetDeclaration.person'), render: (_: unknown, id: string) => name(id) },
          {
            title: t('assetDeclaration.status'),
            render: (_: unknown, id: string) => {
              const entry = filed.get(id);
              if (entry) {
                return (
                  <Tag color={entry.verified ? 'green' : 'blue'}>
                    {t(entry.verified ? 'assetDeclaration.verified' : 'assetDeclaration.filed', {
                      reference: entry.reference,
                    })}
                  </Tag>
                );
              }
              return (
                <Space>
                  <Input
                    aria-label={`${t('assetDeclaration.reference')} — ${name(id)}`}
                    placeholder={t('assetDeclaration.reference')}
                    value={references[id] ?? ''}
                    maxLength={200}
                    onChange={(e) => setReferences({ ...references, [id]: e.target.value })}
                    style={{ width: 240 }}
                  />
                  <Button
                    disabled={!(references[id] ?? '').trim()}
                    loading={command.isPending}
                    onClick={() => void record(id).catch(() => undefined)}
                  >
                    {t('assetDeclaration.record')}
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
