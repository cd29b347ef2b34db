// Shared pieces for event trails: readable event names and one line per event.
import { h } from '../dom.js';
import { eventTypeName, formatDate, t } from '../i18n.js';
import { roleName } from './labels.js';

/** @typedef {{position: number, streamId: string, streamVersion: number, type: string, data: Record<string, unknown>, metadata: Record<string, unknown>, recordedAt: string, hash: string, prevHash: string}} RecordedEvent */

/** A recorded event type, named for a person in the current language. */
export const eventName = eventTypeName;

/** What an event says in a few words: its reason, note, title or step, whichever it carries. */
export function eventGist(/** @type {RecordedEvent} */ event) {
  const d = event.data ?? {};
  for (const key of ['reason', 'note', 'opinion', 'name', 'title', 'stepId']) {
    if (typeof d[key] === 'string' && d[key]) return /** @type {string} */ (d[key]);
  }
  return '';
}

/** Who did it, in which role at that moment. */
export function eventActor(/** @type {RecordedEvent} */ event) {
  const m = event.metadata ?? {};
  if (typeof m.actorId !== 'string') return '';
  return t('event.by', { actor: m.actorId, role: typeof m.actorRole === 'string' ? roleName(m.actorRole) : '—' });
}

/** The timeline of a procedure as an ordered list. */
export function timeline(/** @type {RecordedEvent[]} */ events) {
  if (events.length === 0) return h('p', { class: 'empty' }, t('replay.empty'));
  return h(
    'ol',
    { class: 'timeline' },
    events.map((event) =>
      h(
        'li',
        {},
        h(
          'div',
          { class: 'timeline-head' },
          h('strong', {}, eventName(event.type)),
          h('time', { datetime: event.recordedAt }, formatDate(event.recordedAt, true)),
        ),
        h('div', { class: 'muted small' }, [eventActor(event), eventGist(event)].filter(Boolean).join(' · ')),
        h(
          'div',
          { class: 'muted small mono' },
          `#${event.position} · ${event.type} · ${event.streamId} v${event.streamVersion}`,
        ),
      ),
    ),
  );
}
