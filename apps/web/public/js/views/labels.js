// Human names for the codes the API uses (kinds, roles, levels, statuses), in the current language.
import { tOr } from '../i18n.js';

export const PROCEDURE_KINDS = [
  'personnel-plan',
  'introduction',
  'appointment',
  'vetting',
  'election',
  'congress-personnel',
];

export const kindName = (/** @type {string|null|undefined} */ kind) => (kind ? tOr(`kind.${kind}`, kind) : '—');
export const roleName = (/** @type {string} */ role) => tOr(`role.${role}`, role);
export const levelName = (/** @type {string|null|undefined} */ level) => (level ? tOr(`level.${level}`, level) : '—');
export const statusName = (/** @type {string} */ status) => tOr(`procedures.status.${status}`, status);
