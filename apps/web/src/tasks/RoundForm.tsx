import { Alert, Button, Col, Form, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../shared/errors';
import { BallotFields, CountField } from './BallotFields';
import { checkRound, electionBase, INVALID_REASONS, type RoundFields } from './tally-rules';
import { useServerForm } from './use-server-form';

interface Props {
  /** A meeting of all the committee's members (its first session), not a congress of delegates. */
  membersOnly?: boolean;
  /** The office a first session's round elects (`standing-committee`, `secretary`…), as the step's params name it. */
  office?: string;
  round: number;
  seats: number;
  candidateIds: readonly string[];
  name: (id: string) => string;
  onSubmit: (round: RoundFields) => Promise<void>;
}

const DELEGATE_FIELDS = ['delegatesConvened', 'conveningCommitteeAbsentThroughout', 'delegatesAbsentWithoutAlternate'];
const MEMBER_FIELDS = ['officialMembers', 'exempt', 'suspended', 'absentWithLeave'];

/** The counting board's record of one election round: attendance (the base), ballots, votes per candidate. */
export function RoundForm({ membersOnly = false, office, round, seats, candidateIds, name, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RoundFields>();
  const { submit, error, busy } = useServerForm(form, onSubmit);
  const kind = Form.useWatch(['attendance', 'kind'], form) ?? 'delegates';
  const attendance = Form.useWatch('attendance', form);
  const fields = kind === 'delegates' ? DELEGATE_FIELDS : MEMBER_FIELDS;
  const figures = attendance && fields.every((f) => typeof (attendance as Record<string, unknown>)[f] === 'number');
  // At a first session the people counted are the committee's members: its own labels, and the office to fill.
  const label = (field: string): string =>
    membersOnly ? t(`firstSession.round${field.charAt(0).toUpperCase()}${field.slice(1)}`) : t(`round.${field}`);
  const seatsMessage =
    membersOnly && office
      ? t('firstSession.roundSeats', {
          office: t(`office.${office}`, { defaultValue: '' }) || t('app.unknownName'),
          seats,
        })
      : t('round.seats', { seats });
  const initial = {
    attendance: { kind: membersOnly ? 'all-members' : 'delegates' },
    ballots: { invalid: Object.fromEntries(INVALID_REASONS.map((r) => [r, 0])) },
  };
  return (
    <Form<RoundFields>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={(values) => void submit(values, checkRound(values, candidateIds, seats))}
      aria-label={t('round.title', { round })}
    >
      <ErrorAlert error={error} />
      <Alert type="info" message={seatsMessage} style={{ marginBottom: 16 }} />
      <Form.Item name={['attendance', 'kind']} label={t('round.attendanceKind')} hidden={membersOnly}>
        <Radio.Group
          options={[
            { value: 'delegates', label: t('round.delegates') },
            { value: 'all-members', label: t('round.allMembers') },
          ]}
        />
      </Form.Item>
      <Row gutter={16}>
        {[...fields, 'present'].map((field) => (
          <Col span={12} key={`${kind}-${field}`}>
            <CountField name={['attendance', field]} label={label(field)} />
          </Col>
        ))}
      </Row>
      {figures && attendance && (
        <Alert type="info" message={t('round.base', { base: electionBase(attendance) })} style={{ marginBottom: 16 }} />
      )}
      <BallotFields candidateIds={candidateIds} name={name} />
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('tally.submit')}
      </Button>
    </Form>
  );
}
