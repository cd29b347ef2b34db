// One procedure: its summary, current state, open steps, stages, and the timeline of its recorded events.
import { ApiError, get, idempotencyKey, post } from '../api.js';
import { facts, field, h, mount } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { kindName, levelName, roleName, statusName } from './labels.js';
import { timeline } from './timeline.js';

/** @param {HTMLElement} main @param {import('../app.js').Context} context @param {string} procedureId */
export async function renderProcedure(main, context, procedureId) {
  const path = `/procedures/${encodeURIComponent(procedureId)}`;
  const [{ summary, state }, trail] = await Promise.all([
    get(path),
    get(`${path}/audit`).catch((/** @type {unknown} */ error) => ({ error })),
  ]);
  const steps = state?.openSteps ?? [];
  mount(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, t('procedure.heading', { id: summary.procedureId })),
      h('a', { class: 'button', href: `#/replay/${encodeURIComponent(summary.procedureId)}` }, t('procedure.toReplay')),
    ),
    h(
      'div',
      { class: 'grid two' },
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'summary-heading' },
        h('h2', { id: 'summary-heading' }, t('procedure.summary')),
        facts([
          [t('procedure.kind'), kindName(summary.kind)],
          [t('procedure.body'), `${summary.bodyId} (${levelName(summary.levelKind)})`],
          [t('procedure.run'), h('span', { class: `badge status-${summary.status}` }, statusName(summary.status))],
          [t('procedure.status'), state?.status ?? summary.outcome],
          [t('procedure.rulebook'), summary.rulebookId],
          [t('procedure.launchedBy'), summary.launchedBy],
          [t('procedure.launchedAt'), formatDate(summary.launchedAt, true)],
          [t('procedure.outcome'), summary.outcome],
        ]),
      ),
      h(
        'section',
        { class: 'card', 'aria-labelledby': 'steps-heading' },
        h('h2', { id: 'steps-heading' }, t('procedure.openSteps')),
        steps.length === 0
          ? h('p', { class: 'empty' }, t('procedure.noOpenSteps'))
          : h(
              'ul',
              { class: 'steps' },
              steps.map((/** @type {any} */ step) =>
                h(
                  'li',
                  {},
                  h('strong', {}, step.title),
                  h('div', { class: 'muted small' }, t('step.role', { role: roleName(step.role), body: step.bodyId })),
                  h(
                    'div',
                    { class: 'small' },
                    t('step.due', { date: formatDate(step.dueDate) }),
                    step.escalated ? h('span', { class: 'badge warn' }, t('queue.escalated')) : null,
                  ),
                ),
              ),
            ),
        state?.stages?.length
          ? [
              h('h3', {}, t('procedure.stages')),
              h(
                'ol',
                { class: 'stages' },
                state.stages.map((/** @type {any} */ s) =>
                  h(
                    'li',
                    { class: `stage-${s.state}` },
                    h('a', { href: `#/procedures/${encodeURIComponent(s.procedureId)}` }, s.stage),
                    ` — ${s.state}`,
                  ),
                ),
              ),
            ]
          : null,
        summary.status === 'running' && context.me?.grants.length ? commandForm(procedureId, context) : null,
        summary.status === 'running' && context.hasRole('organization-committee')
          ? withdrawForm(procedureId, context)
          : null,
      ),
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'timeline-heading' },
      h('h2', { id: 'timeline-heading' }, t('procedure.timeline')),
      'error' in trail
        ? h(
            'div',
            { class: 'alert error', role: 'alert' },
            trail.error instanceof Error ? trail.error.message : String(trail.error),
          )
        : timeline(trail.events),
    ),
    state?.detail
      ? h(
          'details',
          { class: 'card' },
          h('summary', {}, t('procedure.detail')),
          h('pre', { class: 'json' }, JSON.stringify(state.detail, null, 2)),
        )
      : null,
  );
}

/** Commands the procedures accept besides decisions, offered as suggestions (the API checks each one). */
const COMMANDS = [
  'SubmitPlan',
  'RevisePlan',
  'DropCandidate',
  'RaiseNewIssue',
  'EscalateDisagreement',
  'WithdrawCandidacy',
  'FileAssetDeclaration',
  'VerifyAssetDeclaration',
  'ReceiveComplaint',
  'ResolveComplaint',
  'AddFloorCandidate',
  'DiscloseResult',
  'FileLateExplanation',
];

/** Any other command of the procedure (e.g. submit the adopted plan), sent in one of the user's roles. */
function commandForm(/** @type {string} */ procedureId, /** @type {import('../app.js').Context} */ context) {
  const grants = context.me?.grants ?? [];
  const actAs = h(
    'select',
    { name: 'actAs' },
    grants.map((g, index) => h('option', { value: index }, `${roleName(g.role)} — ${g.bodyId}`)),
  );
  const type = h('input', { name: 'type', list: 'command-types', value: 'SubmitPlan', spellcheck: 'false' });
  const data = /** @type {HTMLTextAreaElement} */ (
    h('textarea', { name: 'data', rows: 3, class: 'mono', spellcheck: 'false' })
  );
  data.value = '{}';
  const alert = h('div', { class: 'alert error', role: 'alert', hidden: true });
  let key = idempotencyKey();
  for (const control of [actAs, type, data]) control.addEventListener('input', () => (key = idempotencyKey()));
  return h(
    'details',
    { class: 'command' },
    h('summary', {}, t('procedure.command')),
    h(
      'form',
      {
        onsubmit: async (/** @type {Event} */ event) => {
          event.preventDefault();
          alert.hidden = true;
          let parsed;
          try {
            parsed = JSON.parse(data.value || '{}');
          } catch (error) {
            alert.textContent = t('decide.badJson', { error: error instanceof Error ? error.message : String(error) });
            alert.hidden = false;
            return;
          }
          try {
            const grant = grants[Number(/** @type {HTMLSelectElement} */ (actAs).value)];
            await post(
              `/procedures/${encodeURIComponent(procedureId)}/commands`,
              { actAs: grant, type: /** @type {HTMLInputElement} */ (type).value.trim(), data: parsed },
              { 'Idempotency-Key': key },
            );
            context.notify(t('procedure.commandDone'), 'ok');
            context.navigate(`/procedures/${encodeURIComponent(procedureId)}`);
          } catch (error) {
            alert.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
            alert.hidden = false;
          }
        },
      },
      alert,
      field(t('procedure.actAs'), actAs),
      field(t('procedure.commandType'), type),
      h(
        'datalist',
        { id: 'command-types' },
        COMMANDS.map((c) => h('option', { value: c })),
      ),
      field(t('procedure.commandData'), data),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, t('procedure.commandSend'))),
    ),
  );
}

/** Withdrawing needs a reason, recorded on the trail. */
function withdrawForm(/** @type {string} */ procedureId, /** @type {import('../app.js').Context} */ context) {
  const key = idempotencyKey();
  const reason = h('textarea', { name: 'reason', rows: 2 });
  const alert = h('div', { class: 'alert error', role: 'alert', hidden: true });
  return h(
    'details',
    { class: 'withdraw' },
    h('summary', {}, t('procedure.withdraw')),
    h(
      'form',
      {
        onsubmit: async (/** @type {Event} */ event) => {
          event.preventDefault();
          alert.hidden = true;
          try {
            await post(
              `/procedures/${encodeURIComponent(procedureId)}/withdraw`,
              { reason: /** @type {HTMLTextAreaElement} */ (reason).value.trim() },
              { 'Idempotency-Key': key },
            );
            context.notify(t('procedure.withdrawn'), 'ok');
            context.navigate(`/procedures/${encodeURIComponent(procedureId)}`);
          } catch (error) {
            alert.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
            alert.hidden = false;
          }
        },
      },
      alert,
      field(t('procedure.withdrawReason'), reason),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button danger' }, t('procedure.withdraw'))),
    ),
  );
}
