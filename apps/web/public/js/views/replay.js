// Inspection replay: the trail with its verification verdict, and the procedure's state as of any event.
import { get } from '../api.js';
import { facts, h, mount } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { verifyWholeLog } from './procedures.js';
import { eventActor, eventGist, eventName } from './timeline.js';

/** @param {HTMLElement} main @param {import('../app.js').Context} context @param {string} procedureId */
export async function renderReplay(main, context, procedureId) {
  const path = `/procedures/${encodeURIComponent(procedureId)}/audit`;
  /** @type {{verification: {ok: boolean, eventsChecked: number, problems: Array<{message: string, position?: number}>}, events: import('./timeline.js').RecordedEvent[]}} */
  const trail = await get(path);
  const { verification, events } = trail;
  const badge = verification.ok
    ? h(
        'p',
        { class: 'verdict ok', 'data-testid': 'verification' },
        '✔ ',
        t('replay.verified'),
        h('span', { class: 'muted small' }, ` — ${t('replay.checked', { n: verification.eventsChecked })}`),
      )
    : h(
        'div',
        { class: 'verdict bad', role: 'alert', 'data-testid': 'verification' },
        h('p', {}, '✖ ', t('replay.broken')),
        h('h2', { class: 'small' }, t('replay.problems')),
        h(
          'ul',
          {},
          verification.problems.map((p) => h('li', {}, p.message)),
        ),
      );

  const stateView = h('div', { class: 'state-view', 'aria-live': 'polite' });
  const slider = /** @type {HTMLInputElement} */ (
    h('input', {
      id: 'replay-slider',
      type: 'range',
      min: 1,
      max: Math.max(1, events.length),
      step: 1,
      value: events.length,
      disabled: events.length === 0,
    })
  );
  const sliderLabel = h('label', { for: 'replay-slider' }, t('replay.slider'));
  const list = h(
    'ol',
    { class: 'event-list' },
    events.map((event, index) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            class: 'event-button',
            'data-index': index,
            'aria-pressed': 'false',
            onclick: () => select(index),
          },
          h('span', { class: 'event-no' }, String(index + 1)),
          h(
            'span',
            { class: 'event-main' },
            h('strong', {}, eventName(event.type)),
            h('span', { class: 'muted small' }, [eventActor(event), eventGist(event)].filter(Boolean).join(' · ')),
          ),
          h('time', { class: 'muted small', datetime: event.recordedAt }, formatDate(event.recordedAt, true)),
        ),
      ),
    ),
  );

  let request = 0;
  async function select(/** @type {number} */ index) {
    const event = events[index];
    if (!event) return;
    slider.value = String(index + 1);
    slider.setAttribute('aria-valuetext', `${index + 1}/${events.length}: ${eventName(event.type)}`);
    for (const button of list.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button.dataset.index === String(index)));
    }
    const mine = ++request;
    const header = h('h3', {}, t('replay.asOf', { n: index + 1, total: events.length, type: eventName(event.type) }));
    const hashes = facts([
      [t('replay.position', { position: event.position }), `${event.streamId} v${event.streamVersion}`],
      [t('replay.hash'), h('code', { class: 'hash' }, event.hash)],
      [t('replay.prevHash'), h('code', { class: 'hash' }, event.prevHash)],
    ]);
    mount(stateView, header, hashes, h('p', { class: 'muted' }, t('common.loading')));
    try {
      const answer = await get(`${path}/state?position=${event.position}`);
      if (mine !== request) return;
      const status = answer.state && typeof answer.state.status === 'string' ? answer.state.status : null;
      mount(
        stateView,
        header,
        hashes,
        status
          ? h('p', {}, h('span', { class: 'muted' }, `${t('procedure.status')}: `), h('strong', {}, status))
          : null,
        h(
          'details',
          {},
          h('summary', {}, t('replay.eventData')),
          h('pre', { class: 'json' }, JSON.stringify({ data: event.data, metadata: event.metadata }, null, 2)),
        ),
        h('h4', {}, t('replay.stateJson')),
        h('pre', { class: 'json', 'data-testid': 'replay-state' }, JSON.stringify(answer.state, null, 2)),
      );
    } catch (error) {
      if (mine !== request) return;
      mount(
        stateView,
        header,
        hashes,
        h('div', { class: 'alert error', role: 'alert' }, error instanceof Error ? error.message : String(error)),
      );
    }
  }
  slider.addEventListener('input', () => void select(Number(slider.value) - 1));

  mount(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, t('replay.heading', { id: procedureId })),
      h('a', { class: 'button ghost', href: `#/procedures/${encodeURIComponent(procedureId)}` }, t('queue.open')),
    ),
    badge,
    context.hasRole('inspection-committee') ? verifyWholeLog() : null,
    events.length === 0
      ? h('p', { class: 'empty' }, t('replay.empty'))
      : h(
          'div',
          { class: 'grid replay' },
          h(
            'section',
            { class: 'card', 'aria-labelledby': 'events-heading' },
            h('h2', { id: 'events-heading' }, t('replay.events')),
            h('div', { class: 'field' }, sliderLabel, slider),
            list,
          ),
          h('section', { class: 'card' }, stateView),
        ),
  );
  if (events.length > 0) await select(events.length - 1);
}
