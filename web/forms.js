// The two panels where the user gives facts: the follow-up question (quick replies and free input)
// and "Dit weten wij van u" (understood facts, each with a "Wijzig" control), plus reading typed values.

import { h, srOnly, uid } from './dom.js';
import { displayValue, parseDutchNumber } from './format.js';

const TYPE_HELP = {
  getal: 'Typ een getal, bijvoorbeeld 12.',
  bedrag: 'Typ een bedrag in euro, bijvoorbeeld 50.000.',
  jaar: 'Typ een jaartal, bijvoorbeeld 2019.',
  ja_nee: 'Typ ja of nee.',
};

/**
 * Reads what the user typed as a profile value of `type` (velden.yaml types).
 * Returns {value} or {error: '<Dutch message>'}; empty text gives {value: null} when allowEmpty.
 */
export function readValue(type, text, { allowEmpty = false } = {}) {
  const s = String(text).trim();
  if (!s) return allowEmpty ? { value: null } : { error: 'Vul eerst een antwoord in.' };
  if (type === 'getal' || type === 'bedrag' || type === 'jaar') {
    const n = parseDutchNumber(s);
    if (!Number.isFinite(n) || n < 0) return { error: TYPE_HELP[type] };
    const value = Math.round(n);
    if (type === 'jaar' && (value < 1800 || value > 2100)) return { error: TYPE_HELP.jaar };
    return { value };
  }
  if (type === 'ja_nee') {
    if (/^(ja|j|yes|waar)$/i.test(s)) return { value: true };
    if (/^(nee|n|no|niet)$/i.test(s)) return { value: false };
    return { error: TYPE_HELP.ja_nee };
  }
  // keuze values in velden.yaml are lower case ("hof van twente", "overname"): "Zwolle" means "zwolle".
  if (type === 'keuze') return { value: s.toLowerCase() };
  return { value: s };
}

/** The quick replies of a follow-up: its options, or Ja / Nee for a yes/no field without options. */
function quickReplies(followup) {
  const options = Array.isArray(followup.options) ? followup.options : [];
  if (options.length) return options.map((o) => ({ label: o.label ?? displayValue(o.value), value: o.value }));
  if (followup.type === 'ja_nee') return [{ label: 'Ja', value: true }, { label: 'Nee', value: false }];
  return [];
}

/** Shows an error under an input and marks the input invalid (or clears both). */
function setFieldError(input, errorEl, message) {
  errorEl.textContent = message || '';
  errorEl.hidden = !message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/**
 * Fills the follow-up panel (a <section> with an <h2>) or hides it when `followup` is null.
 * answerField(field, value, shownText) sends the answer and returns false when not connected.
 */
export function renderFollowup(panel, followup, answerField) {
  const body = panel.querySelector('.followup-body');
  if (!followup || !followup.field) {
    panel.hidden = true;
    body.replaceChildren();
    return;
  }
  panel.hidden = false;
  const questionId = uid('followup-vraag');
  const replies = quickReplies(followup);
  const parts = [h('p', { class: 'followup-question', id: questionId }, followup.question)];
  if (replies.length) {
    parts.push(h('div', { class: 'quick-replies', role: 'group', 'aria-labelledby': questionId },
      replies.map((r) => h('button', {
        type: 'button', class: 'button button-choice', 'data-value': JSON.stringify(r.value),
        onclick: () => answerField(followup.field, r.value, r.label),
      }, r.label))));
  }
  if (followup.type !== 'ja_nee') {
    const inputId = uid('followup-invoer');
    const helpId = uid('followup-hulp');
    const errorId = uid('followup-fout');
    const numeric = ['getal', 'bedrag', 'jaar'].includes(followup.type);
    const input = h('input', {
      id: inputId, name: followup.field, type: 'text', autocomplete: 'off',
      inputmode: numeric ? (followup.type === 'bedrag' ? 'decimal' : 'numeric') : null,
      'aria-describedby': TYPE_HELP[followup.type] ? `${helpId} ${errorId}` : errorId,
    });
    const error = h('p', { class: 'field-error', id: errorId, hidden: true });
    const form = h('form', { class: 'followup-form', novalidate: true },
      h('label', { for: inputId }, replies.length ? 'Of typ uw antwoord' : 'Uw antwoord'),
      TYPE_HELP[followup.type] ? h('p', { class: 'field-help', id: helpId }, TYPE_HELP[followup.type]) : null,
      error,
      h('div', { class: 'input-row' }, input,
        h('button', { type: 'submit', class: 'button' }, 'Stuur antwoord')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const read = readValue(followup.type, input.value);
      if (read.error) {
        setFieldError(input, error, read.error);
        input.focus();
        return;
      }
      setFieldError(input, error, '');
      answerField(followup.field, read.value, input.value.trim());
    });
    parts.push(form);
  }
  body.replaceChildren(...parts);
}

/** The first control of the follow-up panel, to put the focus on after a quick reply. */
export function firstFollowupControl(panel) {
  return panel.hidden ? null : panel.querySelector('button, input');
}

/** The editor that opens under a fact: a select for yes/no, else a text input. */
function factEditor(fact, onSave, onCancel) {
  const inputId = uid('wijzig');
  const helpId = uid('wijzig-hulp');
  const errorId = uid('wijzig-fout');
  const isBool = typeof fact.value === 'boolean';
  // The protocol gives no type for understood facts: numbers are read as numbers, and text as a keuze
  // value (the only text type in corpus/velden.yaml).
  const type = typeof fact.value === 'number' ? 'bedrag' : 'keuze';
  let input;
  if (isBool) {
    input = h('select', { id: inputId, 'aria-describedby': helpId },
      h('option', { value: 'ja', selected: fact.value === true }, 'Ja'),
      h('option', { value: 'nee', selected: fact.value === false }, 'Nee'),
      h('option', { value: '' }, 'Weet ik niet (vergeet dit)'));
  } else {
    input = h('input', {
      id: inputId, type: 'text', autocomplete: 'off', value: fact.value ?? '',
      inputmode: type === 'bedrag' ? 'decimal' : null, 'aria-describedby': `${helpId} ${errorId}`,
    });
  }
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const form = h('form', { class: 'fact-editor', novalidate: true },
    h('label', { for: inputId }, `Nieuwe waarde voor ${fact.label}`),
    h('p', { class: 'field-help', id: helpId }, isBool
      ? 'Kies “Weet ik niet” als wij dit moeten vergeten.'
      : 'Laat het vak leeg als wij dit moeten vergeten.'),
    error,
    input,
    h('div', { class: 'button-row' },
      h('button', { type: 'submit', class: 'button' }, 'Opslaan'),
      h('button', { type: 'button', class: 'button button-secondary', onclick: onCancel }, 'Annuleren')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const read = isBool ? readValue('ja_nee', input.value, { allowEmpty: true })
      : readValue(type, input.value, { allowEmpty: true });
    if (read.error) {
      setFieldError(input, error, read.error);
      input.focus();
      return;
    }
    setFieldError(input, error, '');
    onSave(read.value, read.value === null ? 'vergeten' : (isBool ? displayValue(read.value) : input.value.trim()));
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') onCancel();
  });
  return { form, input };
}

/**
 * Fills "Dit weten wij van u". understood: [{field, label, value, display, derived}].
 * answerField(field, value, shownText) sends the correction.
 */
export function renderUnderstood(list, emptyNote, understood, answerField) {
  const facts = Array.isArray(understood) ? understood : [];
  emptyNote.hidden = facts.length > 0;
  list.hidden = facts.length === 0;
  list.replaceChildren(...facts.map((fact) => {
    const item = h('li', { class: 'fact', 'data-field': fact.field });
    const shown = fact.display || displayValue(fact.value);
    const line = h('p', { class: 'fact-line' },
      h('span', { class: 'fact-label' }, `${fact.label}: `), h('span', { class: 'fact-value' }, shown));
    item.append(line);
    if (fact.derived) {
      line.append(h('span', { class: 'fact-derived' }, ' (volgt uit uw andere antwoorden)'));
      return item;
    }
    const editButton = h('button', { type: 'button', class: 'button button-small button-secondary',
      'aria-expanded': 'false' }, 'Wijzig', srOnly(` ${fact.label}`));
    item.append(editButton);
    editButton.addEventListener('click', () => {
      const open = item.querySelector('.fact-editor');
      if (open) return open.querySelector('input, select').focus();
      const close = () => {
        item.querySelector('.fact-editor')?.remove();
        editButton.setAttribute('aria-expanded', 'false');
        editButton.focus();
      };
      const editor = factEditor(fact, (value, shownText) => answerField(fact.field, value,
        `${fact.label}: ${shownText}`), close);
      item.append(editor.form);
      editButton.setAttribute('aria-expanded', 'true');
      editor.input.focus();
    });
    return item;
  }));
}
