// Launch a procedure (Organization Committees): kind, body, launch date and the kind's JSON input.
import { ApiError, idempotencyKey, post } from '../api.js';
import { field, h, mount } from '../dom.js';
import { t } from '../i18n.js';
import { PROCEDURE_KINDS, kindName } from './labels.js';

/** The 48 sitting members of the demo provincial executive committee and five newcomers (a 10% surplus). */
const candidates = [
  ...Array.from({ length: 48 }, (_, i) => `person/bn-${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 5 }, (_, i) => `person/new-${String(i + 1).padStart(2, '0')}`),
];

/** Bắc Ninh's personnel plan for the 2025–2030 term, submitted to the Politburo. */
export const personnelPlanExample = {
  data: {
    organisationId: 'org/bac-ninh',
    standingCommitteeId: 'body/bn-btv',
    higherBodyId: 'body/politburo',
    higherRole: 'politburo',
    plan: {
      executiveCommitteeSeats: 48,
      standingCommitteeSeats: 15,
      deputySecretaries: 3,
      candidateIds: candidates,
      standards: ['Tiêu chuẩn theo Quy định 214-QĐ/TW', 'Cán bộ trẻ dưới 40 tuổi ít nhất 10%, nữ ít nhất 15%'],
    },
  },
};

/** @param {HTMLElement} main @param {import('../app.js').Context} context */
export function renderLaunch(main, context) {
  let key = idempotencyKey();
  const kind = h(
    'select',
    { name: 'kind' },
    PROCEDURE_KINDS.map((k) => h('option', { value: k, selected: k === 'personnel-plan' }, `${kindName(k)} (${k})`)),
  );
  const body = h('input', { name: 'bodyId', value: 'org/bac-ninh', required: true, spellcheck: 'false' });
  const launchDate = h('input', { name: 'launchDate', type: 'date' });
  const input = /** @type {HTMLTextAreaElement} */ (
    h('textarea', { name: 'input', rows: 18, class: 'mono', spellcheck: 'false' })
  );
  input.value = JSON.stringify(personnelPlanExample, null, 2);
  const alert = h('div', { class: 'alert error', role: 'alert', hidden: true });
  const result = h('div', { role: 'status', 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('launch.submit'));
  // A changed form is a new launch; the same form sent twice is one.
  const fresh = () => (key = idempotencyKey());
  for (const control of [kind, body, launchDate, input]) control.addEventListener('input', fresh);

  mount(
    main,
    h('div', { class: 'page-head' }, h('h1', {}, t('launch.heading'))),
    h('p', { class: 'muted' }, t('launch.intro')),
    context.hasRole('organization-committee') ? null : h('p', { class: 'alert warn' }, t('launch.notAllowed')),
    h(
      'form',
      {
        class: 'card',
        onsubmit: async (/** @type {Event} */ event) => {
          event.preventDefault();
          alert.hidden = true;
          mount(result);
          /** @type {unknown} */
          let parsed;
          try {
            parsed = JSON.parse(input.value);
          } catch (error) {
            alert.textContent = t('decide.badJson', { error: error instanceof Error ? error.message : String(error) });
            alert.hidden = false;
            input.focus();
            return;
          }
          submit.setAttribute('disabled', '');
          try {
            const dateValue = /** @type {HTMLInputElement} */ (launchDate).value;
            const answer = await post(
              '/procedures',
              {
                kind: /** @type {HTMLSelectElement} */ (kind).value,
                bodyId: /** @type {HTMLInputElement} */ (body).value.trim(),
                input: parsed,
                ...(dateValue ? { launchDate: dateValue } : {}),
              },
              { 'Idempotency-Key': key },
            );
            mount(
              result,
              h(
                'p',
                { class: 'alert ok' },
                t('launch.done', { id: answer.procedureId }),
                ' ',
                h('a', { href: `#/procedures/${encodeURIComponent(answer.procedureId)}` }, t('queue.open')),
              ),
            );
            context.notify(t('launch.done', { id: answer.procedureId }), 'ok');
            fresh();
          } catch (error) {
            alert.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
            alert.hidden = false;
          } finally {
            submit.removeAttribute('disabled');
          }
        },
      },
      alert,
      h(
        'div',
        { class: 'grid three' },
        field(t('launch.kind'), kind),
        field(t('launch.body'), body),
        field(t('launch.launchDate'), launchDate),
      ),
      field(t('launch.input'), input),
      h(
        'div',
        { class: 'actions' },
        h(
          'button',
          {
            type: 'button',
            class: 'button ghost',
            onclick: () => {
              /** @type {HTMLSelectElement} */ (kind).value = 'personnel-plan';
              /** @type {HTMLInputElement} */ (body).value = 'org/bac-ninh';
              input.value = JSON.stringify(personnelPlanExample, null, 2);
              fresh();
            },
          },
          t('launch.example'),
        ),
        submit,
      ),
      result,
    ),
  );
}
