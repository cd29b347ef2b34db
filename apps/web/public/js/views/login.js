// Sign in, with the demo accounts listed so a first-time visitor can try each role.
import { ApiError, login } from '../api.js';
import { field, h, mount } from '../dom.js';
import { t } from '../i18n.js';

const DEMO_USERS = ['tochuc', 'phobithu', 'phobithu2', 'kiemphieu', 'ubkt', 'bochinhtri', 'bn12'];

/** @param {HTMLElement} main @param {import('../app.js').Context} context */
export function renderLogin(main, context) {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const alert = h('div', { class: 'alert error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary' }, t('login.submit'));
  const form = h(
    'form',
    {
      class: 'card narrow',
      'aria-labelledby': 'login-heading',
      onsubmit: async (/** @type {SubmitEvent} */ event) => {
        event.preventDefault();
        alert.hidden = true;
        submit.setAttribute('disabled', '');
        try {
          await login(
            /** @type {HTMLInputElement} */ (username).value.trim(),
            /** @type {HTMLInputElement} */ (password).value,
          );
          await context.signedIn();
          context.navigate(context.hasRole('inspection-committee') ? '/procedures' : '/queue');
        } catch (error) {
          alert.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
          alert.hidden = false;
          submit.removeAttribute('disabled');
        }
      },
    },
    h('h1', { id: 'login-heading' }, t('login.heading')),
    h('p', { class: 'muted' }, t('login.intro')),
    alert,
    field(t('login.username'), username),
    field(t('login.password'), password),
    h('div', { class: 'actions' }, submit),
  );
  const demo = h(
    'section',
    { class: 'card narrow', 'aria-labelledby': 'demo-heading' },
    h('h2', { id: 'demo-heading' }, t('login.demoUsers')),
    h(
      'ul',
      { class: 'demo-users' },
      DEMO_USERS.map((name) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'link',
              onclick: () => {
                /** @type {HTMLInputElement} */ (username).value = name;
                /** @type {HTMLInputElement} */ (password).focus();
              },
            },
            h('code', {}, name),
          ),
          ' — ',
          t(`login.demo.${name}`),
        ),
      ),
    ),
  );
  mount(main, h('div', { class: 'login-layout' }, form, demo));
}
