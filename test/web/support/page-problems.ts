import type { Page } from 'playwright-core';

/** A dictionary key shown raw (i18next prints the key when a translation is missing). */
const RAW_KEY =
  /\b(app|nav|auth|queue|task|decision|tally|round|election|procedures|actionProgramme|assetDeclaration|plan|launch|progress|replay|registry|role|kind|stage|stageState|run|status|outcome|decisionKind|level|bodyKind|relation|gender|invalidReason|vettingCheck|step|track|event|error|stateView|kindHelp|dossierAccess|dossierAccessOutcome|dossierRefusal)\.[A-Za-z][\w-]*/;
/** English words a Vietnamese page never shows. */
const ENGLISH = [
  'the',
  'and',
  'of',
  'Submit',
  'Cancel',
  'Loading',
  'Error',
  'Task',
  'Tasks',
  'Procedure',
  'Approve',
  'Reject',
  'Sign',
  'running',
  'completed',
  'withdrawn',
  'elected',
  'Step',
  'No data',
  'Search',
  'Select',
  'Unknown',
  'Nothing',
  'committee',
  'Committee',
  'deputy',
  'secretary',
  'board',
  'Politburo',
  'Launch',
  'Progress',
  'Queue',
  'Registry',
];
/** An id of the engine or the registry. */
const RAW_ID = /\b(person|org|body|user)\/[\w-]+|\bproc-[0-9a-f]{6,}/;

/** What a page shows outside its technical-details sections, and every text box's value. */
async function visibleText(page: Page): Promise<{ text: string; boxes: string[] }> {
  // A string: the test's own type check has no DOM library, and the compiler must not rewrite browser code.
  return page.evaluate<{ text: string; boxes: string[] }>(`(() => {
    const clone = document.body.cloneNode(true);
    clone.querySelectorAll('[data-technical]').forEach((el) => el.remove());
    const boxes = [...document.querySelectorAll('textarea, input')].map((el) => el.value);
    document.body.appendChild(clone);
    const text = clone.innerText;
    clone.remove();
    return { text, boxes };
  })()`);
}

/**
 * The problems of a page shown in Vietnamese: raw keys, English words, raw ids, names shown as unknown, JSON in a
 * text box.
 */
export async function problemsOf(page: Page): Promise<string[]> {
  const { text, boxes } = await visibleText(page);
  const problems: string[] = [];
  const key = RAW_KEY.exec(text);
  if (key) problems.push(`untranslated key "${key[0]}"`);
  for (const word of ENGLISH) {
    if (new RegExp(`(^|[\\s(,.:;])${word}($|[\\s),.:;])`).test(text)) problems.push(`English word "${word}"`);
  }
  // The app's stand-in for a name the registry did not give: a person or body shown without one.
  if (text.includes('Chưa rõ tên')) problems.push('a name shown as unknown');
  const id = RAW_ID.exec(text);
  if (id) problems.push(`raw id "${id[0]}"`);
  for (const box of boxes) if (/^\s*[[{]/.test(box)) problems.push(`JSON in a text box: ${box.slice(0, 40)}`);
  return problems;
}
