import { Checkbox, Col, Form, InputNumber, Row } from 'antd';
import { useTranslation } from 'react-i18next';

/** The most inspection committee seats the API takes for a congress's first session. */
const MAX_INSPECTION_SEATS = 100;

/**
 * Whether a congress also runs the new executive committee's first session as its last stage, and then the seats of
 * the inspection committee it elects there. An explicit choice, not a count left at 0: the API takes no first session
 * as no seats at all and refuses 0 seats, so a first session asks for at least one seat, said under the field.
 */
export function CongressFirstSessionFields() {
  const { t } = useTranslation();
  const holds = Form.useWatch<boolean | undefined>('holdsFirstSession') ?? false;
  return (
    <Row gutter={16}>
      <Col span={12}>
        <Form.Item name="holdsFirstSession" valuePropName="checked" extra={t('launch.congressFirstSessionHelp')}>
          <Checkbox>{t('launch.congressFirstSession')}</Checkbox>
        </Form.Item>
      </Col>
      {holds && (
        <Col span={8}>
          <Form.Item
            name="inspectionCommitteeSeats"
            label={t('launch.congressInspectionSeats')}
            extra={t('launch.congressInspectionSeatsHelp')}
            dependencies={['executiveCommitteeSeats']}
            rules={[
              { required: true, message: t('launch.congressInspectionSeatsMissing') },
              // The first session elects the inspection committee from the new executive committee: no more seats
              // than it has, read when the field is checked (a watched value would lag behind a change of it).
              ({ getFieldValue }) => ({
                validator: (_, value: unknown) => {
                  const seats: unknown = getFieldValue('executiveCommitteeSeats');
                  const max =
                    typeof seats === 'number' && seats >= 1
                      ? Math.min(seats, MAX_INSPECTION_SEATS)
                      : MAX_INSPECTION_SEATS;
                  return value === undefined ||
                    value === null ||
                    (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('launch.congressInspectionSeatsRange', { min: 1, max })));
                },
              }),
            ]}
          >
            {/* No `min` here: a 0 typed in stays in the field and the rule says why, instead of turning into 1. */}
            <InputNumber precision={0} style={{ width: '100%' }} aria-label={t('launch.congressInspectionSeats')} />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
