// My queue: the open tasks I may act on, filtered and sorted, with claim/unclaim, decisions and live updates.
import { ApiError, get, idempotencyKey, post, token, withQuery } from '../api.js';
import { field, h, mount } from '../dom.js';
import { formatDate, t } from '../i18n.js';
import { PROCEDURE_KINDS, kindName, roleName } from './labels.js';

const PAGE_SIZE = 20;
const SORTS = ['due', '-due', 'opened', '-opened'];

/** @typedef {{taskId: string, procedureId: string, rootId: string, procedureKind: string|null, stepId: string, title: string, bodyId: string, role: string, decision: string, dueDate: string, overdue: boolean, escalated: boolean, status: string, claimedBy: string|null}} Task */

/** Filters survive re-renders (language switch, returning to the queue). */
const filters = { type: '', body: '', dueBefore: '', overdue: false, sort: 'due', page: 1 };

/** @param {HTMLElement} main @param {import('../app.js').Context} context */
export async function renderQueue(main, context) {
  const list = h('div', { class: 'queue-list', 'aria-busy': 'true' });
  const liveStatus = h('span', { class: 'live off' }, t('queue.liveOff'));
  const alert = h('div', { class: 'alert error', role: 'alert', hidden: true });
  /** Titles of the tasks shown, so a live event (which carries ids only) can be announced by name. */
  const titles = new Map();

  const type = h(
    'select',
    { name: 'type' },
    h('option', { value: '' }, t('common.all')),
    PROCEDURE_KINDS.map((k) => h('option', { value: k, selected: filters.type === k }, kindName(k))),
  );
  const body = h('input', { name: 'body', value: filters.body, placeholder: 'body/bn-btv' });
  const dueBefore = h('input', { name: 'dueBefore', type: 'date', value: filters.dueBefore });
  const overdue = h('input', { name: 'overdue', type: 'checkbox', checked: filters.overdue });
  const sort = h(
    'select',
    { name: 'sort' },
    SORTS.map((s) => h('option', { value: s, selected: filters.sort === s }, t(`queue.sort.${s}`))),
  );
  const form = h(
    'form',
    {
      class: 'filters',
      'aria-label': t('queue.filters'),
      onsubmit: (/** @type {Event} */ event) => {
        event.preventDefault();
        filters.type = /** @type {HTMLSelectElement} */ (type).value;
        filters.body = /** @type {HTMLInputElement} */ (body).value.trim();
        filters.dueBefore = /** @type {HTMLInputElement} */ (dueBefore).value;
        filters.overdue = /** @type {HTMLInputElement} */ (overdue).checked;
        filters.sort = /** @type {HTMLSelectElement} */ (sort).value;
        filters.page = 1;
        void load();
      },
    },
    field(t('queue.type'), type),
    field(t('queue.body'), body),
    field(t('queue.dueBefore'), dueBefore),
    h(
      'div',
      { class: 'field checkbox' },
      overdue,
      h('label', { for: (overdue.id = 'f-overdue') }, t('queue.overdueOnly')),
    ),
    field(t('queue.sort'), sort),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'button' }, t('queue.apply'))),
  );

  mount(
    main,
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, t('queue.heading')),
      h(
        'div',
        { class: 'page-tools' },
        liveStatus,
        h('button', { type: 'button', class: 'button ghost', onclick: () => void load() }, t('common.refresh')),
      ),
    ),
    form,
    alert,
    list,
  );

  function showError(/** @type {unknown} */ error) {
    alert.textContent = error instanceof Error ? error.message : String(error);
    alert.hidden = false;
  }

  /** Loads overlap (a live event and a decision's answer); only the latest one started may render. */
  let loads = 0;
  async function load() {
    const mine = ++loads;
    list.setAttribute('aria-busy', 'true');
    try {
      /** @type {{items: Task[], total: number}} */
      const page = await get(
        withQuery('/tasks', {
          type: filters.type,
          body: filters.body,
          dueBefore: filters.dueBefore,
          overdue: filters.overdue ? 'true' : '',
          sort: filters.sort,
          page: filters.page,
          pageSize: PAGE_SIZE,
        }),
      );
      if (mine === loads) renderTasks(page);
    } catch (error) {
      if (mine === loads) showError(error);
    } finally {
      if (mine === loads) list.setAttribute('aria-busy', 'false');
    }
  }

  function renderTasks(/** @type {{items: Task[], total: number}} */ page) {
    titles.clear();
    for (const task of page.items) titles.set(task.taskId, task.title);
    if (page.items.length === 0) {
      mount(list, h('p', { class: 'empty' }, t('queue.empty')));
      return;
    }
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    mount(
      list,
      h('p', { class: 'muted', id: 'queue-count' }, t('queue.count', { total: page.total })),
      h(
        'table',
        { class: 'table', 'aria-describedby': 'queue-count' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            [
              'queue.col.task',
              'queue.col.procedure',
              'queue.col.body',
              'queue.col.due',
              'queue.col.state',
              'queue.col.actions',
            ].map((k) => h('th', { scope: 'col' }, t(k))),
          ),
        ),
        h('tbody', {}, page.items.map(taskRow)),
      ),
      pages > 1
        ? h(
            'nav',
            { class: 'pager', 'aria-label': t('common.page', { page: filters.page, pages }) },
            h(
              'button',
              {
                type: 'button',
                class: 'button ghost',
                disabled: filters.page <= 1,
                onclick: () => {
                  filters.page -= 1;
                  void load();
                },
              },
              t('common.prev'),
            ),
            h('span', {}, t('common.page', { page: filters.page, pages })),
            h(
              'button',
              {
                type: 'button',
                class: 'button ghost',
                disabled: filters.page >= pages,
                onclick: () => {
                  filters.page += 1;
                  void load();
                },
              },
              t('common.next'),
            ),
          )
        : null,
    );
  }

  function taskRow(/** @type {Task} */ task) {
    const mine = task.claimedBy !== null && task.claimedBy === context.me?.userId;
    const claimState =
      task.claimedBy === null
        ? t('queue.unclaimed')
        : mine
          ? t('queue.claimedByMe')
          : t('queue.claimedBy', { who: task.claimedBy });
    return h(
      'tr',
      { class: task.overdue ? 'overdue' : '', 'data-task-id': task.taskId },
      h('td', {}, h('strong', {}, task.title), h('div', { class: 'muted small' }, task.stepId)),
      h(
        'td',
        {},
        h('a', { href: `#/procedures/${encodeURIComponent(task.procedureId)}` }, kindName(task.procedureKind)),
        h('div', { class: 'muted small mono' }, task.procedureId),
      ),
      h('td', {}, roleName(task.role), h('div', { class: 'muted small mono' }, task.bodyId)),
      h(
        'td',
        {},
        h('div', {}, h('time', { datetime: task.dueDate }, formatDate(task.dueDate))),
        task.overdue ? h('span', { class: 'badge danger' }, t('queue.overdue')) : null,
        task.escalated ? h('span', { class: 'badge warn' }, t('queue.escalated')) : null,
      ),
      h('td', {}, h('span', { class: mine ? 'badge ok' : 'badge' }, claimState)),
      h(
        'td',
        { class: 'row-actions' },
        h(
          'div',
          {},
          mine
            ? h(
                'button',
                { type: 'button', class: 'button ghost', onclick: () => void claim(task, 'unclaim') },
                t('queue.unclaim'),
              )
            : h(
                'button',
                { type: 'button', class: 'button ghost', onclick: () => void claim(task, 'claim') },
                t('queue.claim'),
              ),
          h(
            'button',
            { type: 'button', class: 'button primary', onclick: () => openDecision(task) },
            t('queue.decide'),
          ),
        ),
      ),
    );
  }

  async function claim(/** @type {Task} */ task, /** @type {'claim'|'unclaim'} */ action) {
    alert.hidden = true;
    try {
      await post(`/tasks/${encodeURIComponent(task.taskId)}/${action}`);
      context.notify(action === 'claim' ? t('queue.claimed') : t('queue.unclaimedOk'), 'ok');
      await load();
    } catch (error) {
      showError(error);
    }
  }

  function openDecision(/** @type {Task} */ task) {
    const dialog = decisionDialog(task, async (position) => {
      context.notify(t('decide.done', { position }), 'ok');
      await load();
    });
    main.append(dialog);
    dialog.showModal();
  }

  /** @type {Array<{type: string, taskId: string, procedureId: string}>} */
  const announcements = [];
  const live = connectLive(
    (type, change) => {
      announcements.push({ type, taskId: String(change.taskId ?? ''), procedureId: String(change.procedureId ?? '') });
      scheduleReload();
    },
    (connected) => {
      liveStatus.className = connected ? 'live on' : 'live off';
      liveStatus.textContent = connected ? t('queue.live') : t('queue.liveOff');
    },
  );
  context.onLeave(() => live.close());

  /** Several events in a burst reload once, then are announced with the titles the reload brought. */
  let reloadTimer = 0;
  function scheduleReload() {
    clearTimeout(reloadTimer);
    reloadTimer = window.setTimeout(() => {
      const closedTitles = new Map(titles);
      void load().then(() => {
        for (const a of announcements.splice(0)) {
          const title = titles.get(a.taskId) ?? closedTitles.get(a.taskId) ?? a.procedureId;
          context.notify(t(a.type === 'task-opened' ? 'queue.newTask' : 'queue.closedTask', { title }));
        }
      });
    }, 150);
  }
  context.onLeave(() => clearTimeout(reloadTimer));

  await load();
}

/**
 * Subscribes to the queue's server-sent events; EventSource reconnects by itself after a drop.
 * @param {(type: string, change: {taskId?: string, procedureId?: string}) => void} onChange
 * @param {(connected: boolean) => void} onStatus
 */
function connectLive(onChange, onStatus) {
  const source = new EventSource(withQuery('/tasks/events', { access_token: token() }));
  source.onopen = () => onStatus(true);
  source.onerror = () => onStatus(false);
  for (const type of ['task-opened', 'task-closed']) {
    source.addEventListener(type, (event) => {
      let change = {};
      try {
        change = JSON.parse(/** @type {MessageEvent} */ (event).data);
      } catch {
        // An unreadable event still means the queue changed.
      }
      onChange(type, change);
    });
  }
  return source;
}

/**
 * The decision form in a modal dialog (Esc closes it, focus stays inside). One idempotency key per opening, so a
 * double click or a retry after a lost answer records the decision once.
 * @param {Task} task
 * @param {(position: number|string) => Promise<void>} onDone
 */
function decisionDialog(task, onDone) {
  const key = idempotencyKey();
  const kinds = task.decision === 'tally' ? ['tally'] : ['approve', 'reject', 'return'];
  const alert = h('div', { class: 'alert error', role: 'alert', hidden: true });
  const note = h('textarea', { name: 'note', rows: 3 });
  const reason = h('textarea', { name: 'reason', rows: 3 });
  const tally = h(
    'textarea',
    { name: 'tally', rows: 6, class: 'mono' },
    '{\n  "convened": 0,\n  "inFavour": 0,\n  "against": 0\n}',
  );
  const noteField = field(t('decide.note'), note);
  const reasonField = field(t('decide.reason'), reason);
  const tallyField = field(t('decide.tallyJson'), tally);
  const radios = kinds.map((kind, index) =>
    h(
      'label',
      { class: 'radio' },
      h('input', { type: 'radio', name: 'kind', value: kind, checked: index === 0, onchange: sync }),
      t(`decide.${kind}`),
    ),
  );
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('decide.submit'));
  const headingId = `decide-${task.taskId}`;
  const dialog = /** @type {HTMLDialogElement} */ (
    h(
      'dialog',
      { class: 'dialog', 'aria-labelledby': headingId, onclose: () => dialog.remove() },
      h(
        'form',
        { method: 'dialog', onsubmit: decide },
        h('h2', { id: headingId }, t('decide.heading', { title: task.title })),
        h('p', { class: 'muted small mono' }, `${task.procedureId} · ${task.stepId}`),
        alert,
        h('fieldset', { class: 'radios' }, h('legend', {}, t('decide.kind')), radios),
        noteField,
        reasonField,
        tallyField,
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', class: 'button ghost', onclick: () => dialog.close() }, t('common.cancel')),
          submit,
        ),
      ),
    )
  );
  sync();
  return dialog;

  function chosen() {
    return /** @type {HTMLInputElement} */ (dialog.querySelector('input[name=kind]:checked')).value;
  }

  function sync() {
    const kind = chosen();
    noteField.hidden = kind !== 'approve';
    reasonField.hidden = kind !== 'reject' && kind !== 'return';
    tallyField.hidden = kind !== 'tally';
  }

  async function decide(/** @type {SubmitEvent} */ event) {
    event.preventDefault();
    alert.hidden = true;
    const kind = chosen();
    /** @type {Record<string, unknown>} */
    const decision = { kind };
    if (kind === 'approve' && /** @type {HTMLTextAreaElement} */ (note).value.trim())
      decision.note = /** @type {HTMLTextAreaElement} */ (note).value.trim();
    if (kind === 'reject' || kind === 'return')
      decision.reason = /** @type {HTMLTextAreaElement} */ (reason).value.trim();
    if (kind === 'tally') {
      try {
        decision.tally = JSON.parse(/** @type {HTMLTextAreaElement} */ (tally).value);
      } catch (error) {
        alert.textContent = t('decide.badJson', { error: error instanceof Error ? error.message : String(error) });
        alert.hidden = false;
        return;
      }
    }
    submit.setAttribute('disabled', '');
    try {
      const answer = await post(`/tasks/${encodeURIComponent(task.taskId)}/decision`, decision, {
        'Idempotency-Key': key,
      });
      const events = Array.isArray(answer) ? answer : Array.isArray(answer?.events) ? answer.events : [];
      dialog.close();
      await onDone(events[0]?.position ?? '—');
    } catch (error) {
      alert.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
      alert.hidden = false;
      submit.removeAttribute('disabled');
    }
  }
}
