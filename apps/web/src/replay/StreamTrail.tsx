import { useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Timeline } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { AuditState, TrailEvent } from '../api/views';
import { formatDateTime } from '../shared/dates';
import { codeText, ErrorAlert } from '../shared/errors';
import { officeRoundNumbers, withOfficeRound } from '../shared/first-session-labels';
import { codeLabel, stageOf, stepLabel } from '../shared/labels';
import { StateView } from './StateView';

/** The reason a composite's `StageFailed` or `StageSkipped` carries: a code and its parameters. */
function stageReason(value: unknown): { code: string; params: Record<string, unknown> } | null {
  if (typeof value !== 'object' || value === null) return null;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (typeof code !== 'string') return null;
  return { code, params: typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {} };
}

/**
 * One event in words: its kind, with the step, outcome or counts it carries; `rounds` ({@link officeRoundNumbers} of
 * the trail) numbers a first session's rounds within their office.
 */
export function eventText(
  t: TFunction,
  e: TrailEvent,
  name: (id: string) => string,
  rounds: ReadonlyMap<string, number> = new Map(),
): string {
  const d = e.data;
  // A step's opening carries its kind and parameters, which name a first session's office.
  const context =
    e.type === 'StepOpened' && typeof d.kind === 'string'
      ? { stepKind: d.kind, stepParams: typeof d.params === 'object' && d.params !== null ? { ...d.params } : {} }
      : undefined;
  const step =
    typeof d.stepId === 'string' ? stepLabel(t, d.stepId, name, withOfficeRound(context, e.streamId, rounds)) : '';
  const outcome = typeof d.outcome === 'string' ? codeLabel(t, 'outcome', d.outcome) : '';
  // A composite's stage failure or skip names the stage and its reason, both as codes.
  const stage = typeof d.stage === 'string' ? codeLabel(t, 'stage', d.stage) : '';
  const reason = stageReason(d.reason);
  const reasonText = reason ? codeText(t, reason.code, reason.params) || t('error.STAGE_FAILED') : '';
  const text = t(`event.${e.type}`, { ...d, step, outcome, stage, reason: reasonText, defaultValue: '' });
  const base = text || t('event.other');
  const person = typeof d.personId === 'string' && e.type !== 'DossierAccessed' ? ` — ${name(d.personId)}` : '';
  return `${base}${person}`;
}

function actorText(t: TFunction, e: TrailEvent, name: (id: string) => string): string {
  const actor = e.metadata.actor as { actorId?: string; role?: string } | undefined;
  if (!actor?.role) return '';
  const who = actor.actorId?.startsWith('person/') ? `${name(actor.actorId)}, ` : '';
  return `${who}${codeLabel(t, 'role', actor.role)}`;
}

/** The trail of one stream (a procedure, or one stage of a composite), each event openable at its state. */
export function StreamTrail({
  streamId,
  events,
  name,
}: {
  streamId: string;
  events: TrailEvent[];
  name: (id: string) => string;
}) {
  const { t } = useTranslation();
  const [at, setAt] = useState<number | null>(null);
  const state = useQuery({
    queryKey: ['state-at', streamId, at],
    enabled: at !== null,
    retry: false,
    queryFn: async ({ signal }) =>
      unwrap<AuditState>(
        await api.GET('/procedures/{procedureId}/audit/state', {
          params: { path: { procedureId: streamId }, query: { position: at ?? 0 } },
          signal,
        }),
      ),
  });
  const stage = stageOf(streamId);
  const rounds = officeRoundNumbers(events);
  return (
    <Card
      title={stage ? t('replay.stage', { stage: codeLabel(t, 'stage', stage) }) : t('replay.trail')}
      style={{ marginBottom: 16 }}
    >
      <Timeline
        items={events.map((e) => ({
          key: e.position,
          children: (
            <div>
              <div>
                <strong>{eventText(t, e, name, rounds)}</strong>
              </div>
              <div>
                {formatDateTime(e.recordedAt)} · {t('replay.position')} {e.position}
                {actorText(t, e, name) && ` · ${actorText(t, e, name)}`}{' '}
                <Button type="link" size="small" onClick={() => setAt(e.position)}>
                  {t('replay.showState')}
                </Button>
              </div>
            </div>
          ),
        }))}
      />
      <Drawer open={at !== null} onClose={() => setAt(null)} title={t('replay.stateAt')} width={560}>
        <ErrorAlert error={state.error} />
        {state.data && <StateView state={state.data.state} streamId={streamId} rounds={rounds} />}
      </Drawer>
    </Card>
  );
}
