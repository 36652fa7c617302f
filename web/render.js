// Renders one `answer` (docs/protocol.md) as DOM: the reply, "Bedoelde u …?", the cards with their
// eligibility hints, the advice desk and the feedback buttons. Forms live in forms.js.

import { h, icon, srOnly, thumbIcon, uid } from './dom.js';
import {
  formatAmountRange, formatDate, hostName, keepAmountsTogether as tidy, kindLabel, resultInfo, safeUrl, statusInfo,
  verdictInfo,
} from './format.js';

/** A link that opens in a new tab and says so to screen readers. */
function externalLink(url, text, className) {
  const href = safeUrl(url);
  if (!href) return null;
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: className },
    text, srOnly(' (opent in een nieuw tabblad)'));
}

/** Server text with line breaks → paragraphs. */
function paragraphs(text, className) {
  return String(text || '').split(/\n\s*\n|\n/).map((p) => p.trim()).filter(Boolean)
    .map((p) => h('p', { class: className }, tidy(p)));
}

/** ✓ / ✗ / ? per criterion, with words for screen readers. */
function criterionItem(text, result) {
  const info = resultInfo(result);
  return h('li', { class: `criterion criterion-${result in { met: 1, failed: 1 } ? result : 'open'}` },
    icon(info.icon, 'criterion-icon'), srOnly(`${info.text}: `), h('span', {}, tidy(text)));
}

/** The criteria of a hint: its `criteria`, or (older servers) the ids in met / failed / open. */
function criteriaOf(hint) {
  if (Array.isArray(hint.criteria) && hint.criteria.length) {
    return hint.criteria.map((c) => criterionItem(c.text || c.id, c.result));
  }
  const items = [];
  for (const result of ['met', 'failed', 'open']) {
    for (const text of hint[result] || []) items.push(criterionItem(text, result));
  }
  return items;
}

/** "Kunt u meedoen?": the verdict in words and one line per criterion. */
export function renderHint(hint, headingLevel = 5) {
  const verdict = verdictInfo(hint.verdict);
  const items = criteriaOf(hint);
  const symbol = { met: '✓', failed: '✗', open: '?' }[verdict.tone];
  return h('div', { class: `hint hint-${verdict.tone}`, 'data-hint': hint.id },
    h(`h${headingLevel}`, { class: 'hint-title' }, 'Kunt u meedoen?'),
    h('p', { class: 'verdict' }, icon(symbol, 'verdict-icon'),
      h('span', {}, h('strong', {}, `${verdict.label}.`), ' ', verdict.explain)),
    items.length ? h('ul', { class: 'criteria' }, items) : null);
}

function statusBadge(status) {
  const info = statusInfo(status);
  return h('span', { class: `badge status status-${info.tone}` },
    icon(info.icon, 'status-icon'), srOnly('Status: '), info.label);
}

/** One match as a card; `hint` (may be null) is its eligibility panel. */
export function renderCard(match, hint) {
  const info = statusInfo(match.status);
  const amount = formatAmountRange(match.amount_min, match.amount_max);
  const why = (match.why || []).filter(Boolean);
  const titleId = uid('kaart');
  const facts = [];
  if (amount) facts.push(h('div', {}, h('dt', {}, 'Bedrag'), h('dd', {}, amount)));
  if (match.last_checked) {
    facts.push(h('div', {}, h('dt', {}, 'Gecontroleerd op'), h('dd', {}, formatDate(match.last_checked))));
  }
  return h('li', { class: `card card-${info.tone}`, 'data-match': match.id },
    h('article', { 'aria-labelledby': titleId },
      h('h4', { class: 'card-title', id: titleId }, match.title || match.id),
      h('p', { class: 'badges' },
        h('span', { class: 'badge kind' }, srOnly('Soort: '), kindLabel(match.kind)), ' ',
        statusBadge(match.status)),
      info.tone === 'expired' || info.tone === 'closed'
        ? h('p', { class: `status-note status-note-${info.tone}` },
          icon(info.icon, 'status-icon'), h('span', {}, h('strong', {}, `${info.label}.`), ' ', info.explain))
        : null,
      match.summary ? h('p', { class: 'summary' }, tidy(match.summary))
        : (match.snippet ? h('p', { class: 'summary' }, `“${tidy(match.snippet)}”`) : null),
      facts.length ? h('dl', { class: 'facts' }, facts) : null,
      why.length ? h('div', { class: 'why' },
        h('p', { class: 'why-title' }, 'Waarom deze regeling?'),
        h('ul', {}, why.map((w) => h('li', {}, tidy(w))))) : null,
      match.caveat ? h('p', { class: 'caveat' }, icon('!', 'caveat-icon'),
        h('span', {}, h('strong', {}, 'Let op: '), tidy(match.caveat))) : null,
      hint ? renderHint(hint) : null,
      match.source ? h('p', { class: 'source' },
        externalLink(match.source, `Lees meer op ${hostName(match.source)}`)) : null));
}

/** "Praat met een adviseur": the desk of the answer. */
export function renderDesk(desk) {
  if (!desk || !desk.name) return null;
  const phone = desk.phone ? String(desk.phone) : '';
  const website = desk.website ? externalLink(desk.website, `Website van ${desk.name}`) : null;
  return h('div', { class: 'desk' },
    h('h4', {}, 'Praat met een adviseur'),
    h('p', { class: 'desk-name' }, h('strong', {}, desk.name)),
    desk.description ? h('p', {}, desk.description) : null,
    website || phone ? h('ul', { class: 'desk-contact' },
      website ? h('li', {}, website) : null,
      phone ? h('li', {}, 'Bel: ', h('a', { href: `tel:${phone.replace(/[^\d+]/g, '')}` }, phone)) : null)
      : null);
}

/** Thumbs up / down, replaced by a thank-you once clicked. */
export function renderFeedback(answerId, onFeedback) {
  const questionId = uid('feedback');
  const box = h('div', { class: 'feedback', role: 'group', 'aria-labelledby': questionId });
  const choose = (useful) => {
    const sent = onFeedback(answerId, useful);
    if (!sent) return; // not connected: the buttons stay, the status line tells why
    const thanks = h('p', { class: 'feedback-thanks', tabindex: '-1' },
      icon('✓', 'thanks-icon'), h('span', {}, 'Bedankt voor uw reactie! Zo maken wij Finwijzer beter.'));
    box.replaceChildren(thanks);
    thanks.focus();
  };
  box.append(
    h('p', { id: questionId, class: 'feedback-question' }, 'Had u iets aan dit antwoord?'),
    h('div', { class: 'button-row' },
      h('button', { type: 'button', class: 'button button-secondary', onclick: () => choose(true) },
        thumbIcon(true), 'Ja'),
      h('button', { type: 'button', class: 'button button-secondary', onclick: () => choose(false) },
        thumbIcon(false), 'Nee')));
  return box;
}

/**
 * The whole answer. actions: {ask(text), feedback(answerId, useful) → bool}.
 * Returns the element; the caller places it in the log.
 */
export function renderAnswer(answer, actions) {
  const matches = Array.isArray(answer.matches) ? answer.matches : [];
  const hints = Array.isArray(answer.hints) ? answer.hints : [];
  const hintById = new Map(hints.map((hint) => [hint.id, hint]));
  const matchIds = new Set(matches.map((m) => m.id));
  const otherHints = hints.filter((hint) => !matchIds.has(hint.id));

  const parts = [];
  const reply = paragraphs(answer.reply, 'reply');
  parts.push(...reply);
  if (answer.did_you_mean) {
    parts.push(h('p', { class: 'did-you-mean' }, 'Bedoelde u: ',
      h('button', { type: 'button', class: 'link-button', onclick: () => actions.ask(answer.did_you_mean) },
        answer.did_you_mean), '?'));
  }
  if (!reply.length) { // the server's reply says how many it found; without one, we say it
    parts.push(h('p', { class: 'match-count' }, matches.length === 0
      ? 'Wij vonden geen regeling die past. Probeer het met andere woorden, of praat met een adviseur.'
      : `Wij vonden ${matches.length} ${matches.length === 1 ? 'regeling' : 'regelingen'}.`));
  }
  if (matches.length) {
    parts.push(h('ol', { class: 'cards', 'aria-label': 'Gevonden regelingen' },
      matches.map((m) => renderCard(m, hintById.get(m.id)))));
  }
  if (otherHints.length) {
    parts.push(h('div', { class: 'other-hints' },
      h('h4', {}, 'Uw kansen bij andere regelingen'),
      h('ul', { class: 'plain-list' }, otherHints.map((hint) => h('li', { class: 'other-hint' },
        h('p', { class: 'other-hint-title' }, h('strong', {}, hint.title || hint.id)),
        renderHint(hint))))));
  }
  if (answer.followup && answer.followup.question) {
    parts.push(h('p', { class: 'followup-note' }, icon('→', 'followup-icon'),
      h('span', {}, 'Wij willen nog iets weten: ', h('strong', {}, answer.followup.question),
        ' U kunt antwoorden onder het vraagvak.')));
  }
  parts.push(renderDesk(answer.desk));
  if (answer.answer_id) parts.push(renderFeedback(answer.answer_id, actions.feedback));
  return h('div', { class: 'answer', 'data-answer': answer.answer_id || '' }, parts);
}

/** The short sentence the live region reads out for a new answer. */
export function announceAnswer(answer) {
  const n = Array.isArray(answer.matches) ? answer.matches.length : 0;
  const found = n === 0 ? 'Finwijzer vond geen regeling.'
    : `Finwijzer vond ${n} ${n === 1 ? 'regeling' : 'regelingen'}.`;
  const dym = answer.did_you_mean ? ` Bedoelde u: ${answer.did_you_mean}?` : '';
  const followup = answer.followup && answer.followup.question
    ? ` Nog een vraag: ${answer.followup.question}` : '';
  return found + dym + followup;
}
