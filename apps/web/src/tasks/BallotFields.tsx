import { Card, Col, Form, InputNumber, Row } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { INVALID_REASONS } from './tally-rules';

/** Rules of a count: required, a whole number, not negative. */
export function countRules(t: TFunction) {
  return [
    { required: true, message: t('tally.required') },
    { type: 'integer' as const, min: 0, message: t('tally.whole') },
  ];
}

/** A labelled count input (whole, non-negative). */
export function CountField({ name, label }: { name: (string | number)[]; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={countRules(t)}>
      <InputNumber min={0} precision={0} style={{ width: '100%' }} aria-label={label} />
    </Form.Item>
  );
}

/** Ballots issued, returned, valid and invalid by reason, then votes per candidate. */
export function BallotFields({
  candidateIds,
  name,
}: {
  candidateIds: readonly string[];
  name: (id: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col span={8}>
          <CountField name={['ballots', 'issued']} label={t('tally.issued')} />
        </Col>
        <Col span={8}>
          <CountField name={['ballots', 'returned']} label={t('tally.returned')} />
        </Col>
        <Col span={8}>
          <CountField name={['ballots', 'valid']} label={t('tally.valid')} />
        </Col>
      </Row>
      <Card size="small" title={t('tally.invalid')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {INVALID_REASONS.map((reason) => (
            <Col span={12} key={reason}>
              <CountField name={['ballots', 'invalid', reason]} label={t(`invalidReason.${reason}`)} />
            </Col>
          ))}
        </Row>
      </Card>
      <Card size="small" title={t('tally.votes')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {candidateIds.map((id) => (
            <Col span={12} key={id}>
              <CountField name={['tallies', id]} label={t('tally.votesFor', { name: name(id) })} />
            </Col>
          ))}
        </Row>
      </Card>
    </>
  );
}
