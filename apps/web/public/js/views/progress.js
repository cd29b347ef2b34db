// Progress dashboard: per level, how many organisations (all, or one and those under it) have completed a kind of
// procedure.
import { get, withQuery } from '../api.js';
import { field, h, mount } from '../dom.js';
import { language, t } from '../i18n.js';
import { PROCEDURE_KINDS, kindName, levelName } from './labels.js';

let kind = 'personnel-plan';
let bodyId = '';

/** @param {HTMLElement} main */
export async function renderProgress(main) {
  const table = h('div', { 'aria-live': 'polite' });
  const select = h(
    'select',
    {
      name: 'kind',
      onchange: () => {
        kind = /** @type {HTMLSelectElement} */ (select).value;
        void load();
      },
    },
    PROCEDURE_KINDS.map((k) => h('option', { value: k, selected: k === kind }, kindName(k))),
  );
  const body = /** @type {HTMLInputElement} */ (
    h('input', {
      name: 'body',
      value: bodyId,
      placeholder: 'org/bac-ninh',
      spellcheck: 'false',
      onchange: () => {
        bodyId = body.value.trim();
        void load();
      },
    })
  );
  mount(
    main,
    h('div', { class: 'page-head' }, h('h1', {}, t('progress.heading'))),
    h(
      'form',
      { class: 'filters', onsubmit: (/** @type {Event} */ e) => e.preventDefault() },
      field(t('progress.kind'), select),
      field(t('progress.body'), body),
    ),
    table,
  );

  async function load() {
    try {
      /** @type {Array<{levelKind: string, organisations: number, done: number, running: number, percentDone: string, label: string}>} */
      const levels = await get(withQuery('/procedures/progress', { type: kind, body: bodyId }));
      if (levels.length === 0) {
        mount(table, h('p', { class: 'empty' }, t('progress.empty')));
        return;
      }
      mount(
        table,
        h(
          'div',
          { class: 'progress-grid' },
          levels.map((level) =>
            h(
              'section',
              { class: 'card progress-card', 'aria-label': levelName(level.levelKind) },
              h('h2', {}, levelName(level.levelKind)),
              h(
                'p',
                { class: 'progress-label', 'data-level': level.levelKind },
                t('progress.labelFmt', {
                  done: level.done,
                  organisations: level.organisations,
                  percent: language() === 'vi' ? level.percentDone.replace('.', ',') : level.percentDone,
                }),
              ),
              h('progress', {
                max: Math.max(1, level.organisations),
                value: level.done,
                'aria-label': levelName(level.levelKind),
              }),
              h('p', { class: 'muted small' }, `${t('progress.running')}: ${level.running}`),
            ),
          ),
        ),
      );
    } catch (error) {
      mount(
        table,
        h('div', { class: 'alert error', role: 'alert' }, error instanceof Error ? error.message : String(error)),
      );
    }
  }
  await load();
}
