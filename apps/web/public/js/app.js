// The single-page app: hash routes, the header (navigation by role, language, sign out) and notifications.
import { ApiError, get, logout, onUnauthorized, token } from './api.js';
import { h, mount } from './dom.js';
import { language, setLanguage, t } from './i18n.js';
import { renderLaunch } from './views/launch.js';
import { renderLogin } from './views/login.js';
import { renderProcedure } from './views/procedure.js';
import { renderProcedures } from './views/procedures.js';
import { renderProgress } from './views/progress.js';
import { renderQueue } from './views/queue.js';
import { renderReplay } from './views/replay.js';

/** @typedef {{ role: string, bodyId: string }} Grant */
/** @typedef {{ userId: string, username: string, displayName: string, personId: string, grants: Grant[] }} Me */

/**
 * What every view gets.
 * @typedef {object} Context
 * @property {Me|null} me
 * @property {(role: string) => boolean} hasRole
 * @property {(path: string) => void} navigate
 * @property {(message: string, kind?: 'ok'|'error'|'info') => void} notify
 * @property {() => Promise<void>} signedIn
 * @property {(cleanup: () => void) => void} onLeave  registers work to undo when the view is left
 */

const main = /** @type {HTMLElement} */ (document.getElementById('main'));
/** @type {Me|null} */
let me = null;
/** @type {Array<() => void>} */
let cleanups = [];

const routes = [
  { pattern: /^\/login$/, view: renderLogin, public: true },
  { pattern: /^\/queue$/, view: renderQueue, nav: 'nav.queue', href: '/queue' },
  { pattern: /^\/procedures$/, view: renderProcedures, nav: 'nav.procedures', href: '/procedures' },
  { pattern: /^\/procedures\/(.+)$/, view: renderProcedure },
  { pattern: /^\/replay\/(.+)$/, view: renderReplay },
  { pattern: /^\/progress$/, view: renderProgress, nav: 'nav.progress', href: '/progress' },
  { pattern: /^\/launch$/, view: renderLaunch, nav: 'nav.launch', href: '/launch', role: 'organization-committee' },
];

function currentPath() {
  const path = location.hash.replace(/^#/, '');
  return path.startsWith('/') ? path : '/queue';
}

/** @type {Context} */
const context = {
  get me() {
    return me;
  },
  hasRole: (role) => Boolean(me?.grants.some((g) => g.role === role)),
  navigate: (path) => {
    if (currentPath() === path) void render();
    else location.hash = `#${path}`;
  },
  notify,
  signedIn: async () => {
    me = await get('/auth/me');
    renderHeader();
  },
  onLeave: (cleanup) => cleanups.push(cleanup),
};

/** Shows a short message in the polite live region; errors stay longer. */
function notify(/** @type {string} */ message, kind = 'info') {
  const toasts = /** @type {HTMLElement} */ (document.getElementById('toasts'));
  const toast = h('div', { class: `toast ${kind}` }, message);
  toasts.append(toast);
  setTimeout(() => toast.remove(), kind === 'error' ? 9000 : 5000);
}

function renderHeader() {
  document.title = t('app.title');
  /** @type {HTMLElement} */ (document.getElementById('skip-link')).textContent = t('app.skip');
  /** @type {HTMLElement} */ (document.getElementById('brand-tagline')).textContent = t('app.tagline');
  const toggle = /** @type {HTMLButtonElement} */ (document.getElementById('lang-toggle'));
  toggle.textContent = t('lang.switch');
  toggle.setAttribute('aria-label', t('lang.switchLabel'));
  toggle.lang = language() === 'vi' ? 'en' : 'vi';
  const signOut = /** @type {HTMLButtonElement} */ (document.getElementById('sign-out'));
  signOut.textContent = t('nav.signOut');
  signOut.hidden = !me;
  /** @type {HTMLElement} */ (document.getElementById('who')).textContent = me
    ? t('user.signedInAs', { name: me.displayName })
    : '';
  const nav = /** @type {HTMLElement} */ (document.getElementById('nav'));
  nav.setAttribute('aria-label', t('nav.label'));
  const path = currentPath();
  mount(
    nav,
    me
      ? h(
          'ul',
          {},
          routes
            .filter((r) => r.nav && (!r.role || context.hasRole(r.role)))
            .map((r) => {
              const href = /** @type {string} */ (r.href);
              const active = path === href || (href === '/procedures' && /^\/(procedures|replay)\//.test(path));
              return h(
                'li',
                {},
                h('a', { href: `#${href}`, 'aria-current': active ? 'page' : false }, t(/** @type {string} */ (r.nav))),
              );
            }),
        )
      : null,
  );
}

async function render() {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  const path = currentPath();
  if (!token()) {
    me = null;
    if (path !== '/login') {
      location.hash = '#/login';
      return;
    }
  } else if (!me) {
    try {
      me = await get('/auth/me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return;
      throw error;
    }
  }
  renderHeader();
  const route = routes.find((r) => r.pattern.test(path));
  if (!route) {
    location.hash = '#/queue';
    return;
  }
  const match = /** @type {RegExpExecArray} */ (route.pattern.exec(path));
  const parameter = match[1] ? decodeURIComponent(match[1]) : undefined;
  mount(main, h('p', { class: 'muted' }, t('common.loading')));
  try {
    await route.view(main, context, parameter);
  } catch (error) {
    mount(
      main,
      h('div', { class: 'alert error', role: 'alert' }, error instanceof Error ? error.message : String(error)),
    );
  }
  const heading = main.querySelector('h1');
  if (heading && document.activeElement === document.body) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}

onUnauthorized.add(() => {
  logout();
  me = null;
  location.hash = '#/login';
});

document.getElementById('lang-toggle')?.addEventListener('click', () => {
  setLanguage(language() === 'vi' ? 'en' : 'vi');
  void render();
});
document.getElementById('sign-out')?.addEventListener('click', () => {
  logout();
  me = null;
  location.hash = '#/login';
});
document.getElementById('skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', () => void render());

setLanguage(language());
void render();
