import { Collapse, Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';

/** Ids and other machine details, collapsed: for support staff, never needed to use a page. */
export function TechnicalDetails({ items }: { items: Record<string, string | number | null | undefined> }) {
  const { t } = useTranslation();
  const entries = Object.entries(items).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return (
    <Collapse
      size="small"
      className="technical-details"
      data-technical="true"
      style={{ marginTop: 16 }}
      items={[
        {
          key: 'technical',
          label: t('app.technical'),
          children: (
            <Descriptions size="small" column={1}>
              {entries.map(([k, v]) => (
                <Descriptions.Item key={k} label={k}>
                  <code>{v}</code>
                </Descriptions.Item>
              ))}
            </Descriptions>
          ),
        },
      ]}
    />
  );
}
