// The procedures I may see, with links to each one's state and audit trail.
import { get, post, withQuery } from '../api.js';
import { field, h, mount } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { PROCEDURE_KINDS, kindName, levelName, statusName } from './labels.js';

const filters = { type: '', status: '', level: '' };

/** @param {HTMLElement} main @param {import('../app.js').Context} context */
export async function renderProcedures(main, context) {
  const list = h('div', { 'aria-live': 'polite' });
  const alert = h('div', { class: 'alert error', role: 'alert', hidden: true });
  const select = (
    /** @type {string} */ name,
    /** @type {string[]} */ values,
    /** @type {(v: string) => string} */ label,
  ) =>
    h(
      'select',
      { name },
      h('option', { value: '' }, t('common.all')),
      values.map((v) => h('option', { value: v, selected: /** @type {any} */ (filters)[name] === v }, label(v))),
    );
  const type = select('type', PROCEDURE_KINDS, kindName);
  const status = select('status', ['running', 'completed', 'withdrawn'], statusName);
  const level = select('level', ['grassroots', 'district', 'province', 'national'], levelName);
  for (const control of [type, status, level]) {
    control.addEventListener('change', () => {
      filters.type = /** @type {HTMLSelectElement} */ (type).value;
      filters.status = /** @type {HTMLSelectElement} */ (status).value;
      filters.level = /** @type {HTMLSelectElement} */ (level).value;
      void load();
    });
  }
  const verify = context.hasRole('inspection-committee') ? verifyWholeLog() : null;
  mount(
    main,
    h('div', { class: 'page-head' }, h('h1', {}, t('procedures.heading'))),
    context.hasRole('inspection-committee') ? h('p', { class: 'muted' }, t('replay.pick')) : null,
    verify,
    h(
      'form',
      { class: 'filters', onsubmit: (/** @type {Event} */ e) => e.preventDefault() },
      field(t('procedures.col.kind'), type),
      field(t('procedures.status'), status),
      field(t('procedures.level'), level),
    ),
    alert,
    list,
  );

  async function load() {
    alert.hidden = true;
    try {
      /** @type {{items: Array<Record<string, string|null>>, total: number}} */
      const page = await get(withQuery('/procedures', { ...filters, pageSize: 100 }));
      if (page.items.length === 0) {
        mount(list, h('p', { class: 'empty' }, t('procedures.empty')));
        return;
      }
      mount(
        list,
        h(
          'table',
          { class: 'table' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              [
                'procedures.col.id',
                'procedures.col.kind',
                'procedures.col.body',
                'procedures.col.launched',
                'procedures.col.status',
                'queue.col.actions',
              ].map((k) => h('th', { scope: 'col' }, t(k))),
            ),
          ),
          h(
            'tbody',
            {},
            page.items.map((p) =>
              h(
                'tr',
                {},
                h(
                  'td',
                  { class: 'mono small' },
                  h('a', { href: `#/procedures/${encodeURIComponent(String(p.procedureId))}` }, String(p.procedureId)),
                ),
                h('td', {}, kindName(p.kind)),
                h('td', { class: 'mono small' }, String(p.bodyId)),
                h('td', {}, formatDate(p.launchedAt, true)),
                h('td', {}, h('span', { class: `badge status-${p.status}` }, statusName(String(p.status)))),
                h(
                  'td',
                  {},
                  h(
                    'a',
                    { class: 'button ghost', href: `#/replay/${encodeURIComponent(String(p.procedureId))}` },
                    t('procedures.trail'),
                  ),
                ),
              ),
            ),
          ),
        ),
      );
    } catch (error) {
      alert.textContent = error instanceof Error ? error.message : String(error);
      alert.hidden = false;
    }
  }
  await load();
}

/** The inspection committee's button that re-derives every hash of the whole log and checks its checkpoints. */
export function verifyWholeLog() {
  const result = h('div', { role: 'status', 'aria-live': 'polite' });
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button',
      onclick: async () => {
        button.setAttribute('disabled', '');
        mount(result, h('p', { class: 'muted' }, t('common.loading')));
        try {
          /** @type {{ok: boolean, eventsChecked: number, checkpointsChecked: number, problems: Array<{message: string}>}} */
          const report = await post('/audit/verify');
          mount(
            result,
            report.ok
              ? h(
                  'p',
                  { class: 'verdict ok' },
                  '✔ ',
                  t('replay.verifyAllOk', { events: report.eventsChecked, checkpoints: report.checkpointsChecked }),
                )
              : h(
                  'div',
                  { class: 'verdict bad' },
                  h('p', {}, '✖ ', t('replay.verifyAllBad', { problems: report.problems.length })),
                  h(
                    'ul',
                    {},
                    report.problems.map((p) => h('li', {}, p.message)),
                  ),
                ),
          );
        } catch (error) {
          mount(
            result,
            h('div', { class: 'alert error', role: 'alert' }, error instanceof Error ? error.message : String(error)),
          );
        } finally {
          button.removeAttribute('disabled');
        }
      },
    },
    t('replay.verifyAll'),
  );
  return h('div', { class: 'card verify-all' }, button, result);
}
