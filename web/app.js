// Wiring of the chat page: the form, the log, the panels and the connection (docs/protocol.md).

import { Connection } from './connection.js';
import { h, icon, srOnly } from './dom.js';
import { firstFollowupControl, renderFollowup, renderUnderstood } from './forms.js';
import { announceAnswer, renderAnswer } from './render.js';

const $ = (id) => document.getElementById(id);
const els = {
  status: $('status'), log: $('log'), empty: $('empty-state'), form: $('ask-form'), input: $('vraag'),
  inputError: $('vraag-fout'), followup: $('followup'), understoodList: $('understood-list'),
  understoodEmpty: $('understood-empty'), understoodHeading: $('bekend-kop'), reset: $('reset'),
  announcer: $('announcer'),
};

const STATUS_TEXT = {
  connecting: 'Verbinden…',
  open: 'Verbonden',
  closed: 'Verbinding verbroken. Opnieuw verbinden…',
  taken: 'Dit gesprek is nu open in een ander venster. Laad deze pagina opnieuw om hier verder te gaan.',
};

const ERROR_TEXT = {
  bad_json: 'Uw bericht kwam niet goed aan. Probeer het nog een keer.',
  unknown_type: 'Uw bericht kwam niet goed aan. Probeer het nog een keer.',
  bad_request: 'Dit antwoord kunnen wij niet gebruiken. Probeer het anders te schrijven.',
  rate_limited: 'U stuurt veel berichten snel na elkaar. Wacht even en probeer het opnieuw.',
  unavailable: 'Finwijzer is even niet beschikbaar. Probeer het over een paar minuten opnieuw.',
  internal: 'Er ging iets mis bij ons. Probeer het opnieuw. Blijft het misgaan? Bel dan uw ondernemersloket.',
};

// What was sent and still waits for its reply, in order: {kind: 'turn'|'feedback'|'reset', turn, origin}.
let inflight = [];
let lastOrigin = null; // where the last question or answer came from, to put the focus back sensibly
let hadConversation = false;

const connection = new Connection({ onMessage: receive, onState: showState });

// ---- the live region: a short sentence, not the whole card ----

let announceTimer = null;
function announce(text) {
  clearTimeout(announceTimer);
  els.announcer.textContent = '';
  // A fresh text node after a tick makes screen readers read it, even when the text is the same.
  announceTimer = setTimeout(() => { els.announcer.textContent = text; }, 50);
}

// ---- the log ----

function hideEmptyState() {
  if (els.empty.isConnected) els.empty.remove();
}

/** A new turn in the log: the user's words as a heading, and a place for the answer. */
function addTurn(kind, text) {
  hideEmptyState();
  hadConversation = true;
  const prefix = kind === 'answer' ? 'Uw antwoord: ' : 'Uw vraag: ';
  const answerBox = h('div', { class: 'turn-answer' },
    h('p', { class: 'pending' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), 'Finwijzer zoekt…'));
  const turn = h('article', { class: `turn turn-${kind}` },
    h('h3', { class: 'turn-question' }, srOnly(prefix), h('span', { class: 'bubble' }, text)),
    answerBox);
  els.log.append(turn);
  return { turn, answerBox };
}

/** A notice in the log that belongs to no turn (reset, lost session, errors). */
function addNotice(text, tone = 'info') {
  hideEmptyState();
  const notice = h('p', { class: `notice notice-${tone}` },
    icon(tone === 'error' ? '!' : 'i', 'notice-icon'), h('span', {}, text));
  els.log.append(notice);
  return notice;
}

function errorParagraph(text) {
  return h('p', { class: 'notice notice-error' }, icon('!', 'notice-icon'), h('span', {}, text));
}

function showInputError(text) {
  els.inputError.textContent = text || '';
  els.inputError.hidden = !text;
}

const NOT_CONNECTED = 'U bent nu niet verbonden. Wij proberen opnieuw te verbinden. Probeer het zo nog eens.';

// ---- sending ----

function sendTurn(message, kind, shownText, origin) {
  if (!connection.send(message)) {
    showInputError(NOT_CONNECTED);
    announce(NOT_CONNECTED);
    return false;
  }
  showInputError('');
  const { turn, answerBox } = addTurn(kind, shownText);
  inflight.push({ kind: 'turn', turn, answerBox, origin });
  lastOrigin = origin;
  return true;
}

function ask(text, origin = 'ask') {
  const question = String(text).trim();
  if (!question) {
    showInputError('Typ eerst uw vraag.');
    els.input.focus();
    return false;
  }
  return sendTurn({ type: 'ask', text: question }, 'ask', question, origin);
}

function answerField(field, value, shownText, origin = 'followup') {
  return sendTurn({ type: 'answer_field', field, value }, 'answer', shownText, origin);
}

function sendFeedback(answerId, useful) {
  if (!connection.send({ type: 'feedback', answer_id: answerId, useful })) {
    announce(NOT_CONNECTED);
    return false;
  }
  inflight.push({ kind: 'feedback' });
  return true;
}

const actions = {
  ask: (text) => ask(text, 'suggestion'),
  feedback: sendFeedback,
};

// ---- receiving ----

function takeInflight(kind) {
  const i = inflight.findIndex((entry) => entry.kind === kind);
  return i < 0 ? null : inflight.splice(i, 1)[0];
}

function showPanels(understood, followup) {
  const focusWas = document.activeElement;
  const inFollowup = els.followup.contains(focusWas);
  const editedField = focusWas && focusWas.closest ? focusWas.closest('.fact')?.dataset.field : null;

  renderUnderstood(els.understoodList, els.understoodEmpty, understood,
    (field, value, text) => answerField(field, value, text, 'understood'));
  renderFollowup(els.followup, followup, (field, value, text) => answerField(field, value, text, 'followup'));

  // The element with the focus may have been replaced: put the focus somewhere that makes sense.
  if (document.activeElement && document.activeElement !== document.body) return;
  if (inFollowup || lastOrigin === 'followup') {
    (firstFollowupControl(els.followup) || els.input).focus();
  } else if (editedField || lastOrigin === 'understood') {
    const button = [...els.understoodList.querySelectorAll('.fact')]
      .find((li) => li.dataset.field === editedField)?.querySelector('button');
    (button || els.understoodHeading).focus();
  }
}

function onAnswer(message) {
  const entry = takeInflight('turn') || addTurnFromServer(message);
  entry.answerBox.replaceChildren(renderAnswer(message, actions));
  showPanels(message.understood, message.followup);
  announce(announceAnswer(message));
  if (entry.origin !== 'followup' && entry.origin !== 'understood') {
    entry.turn.scrollIntoView({ block: 'start' });
  }
}

function addTurnFromServer(message) {
  const { turn, answerBox } = addTurn('ask', message.question || 'Uw vraag');
  return { turn, answerBox, origin: 'server' };
}

/**
 * Which sent message an error is about. The protocol does not say (see docs/protocol.md): a dropped
 * message (rate_limited) is the newest; otherwise the server answers in order, so the oldest.
 * Should the server add `"of": "<type>"`, as in ack, that is used.
 */
function takeErrorEntry(message) {
  const kinds = { ask: 'turn', answer_field: 'turn', feedback: 'feedback', reset: 'reset' };
  if (message.of && kinds[message.of]) return takeInflight(kinds[message.of]);
  if (message.code === 'rate_limited') return inflight.pop() || null;
  return inflight.shift() || null;
}

function onError(message) {
  const text = message.message || ERROR_TEXT[message.code] || ERROR_TEXT.internal;
  const entry = takeErrorEntry(message);
  if (entry && entry.kind === 'turn') {
    entry.answerBox.replaceChildren(errorParagraph(text));
  } else {
    addNotice(text, 'error');
  }
  announce(text);
}

function onAck(message) {
  takeInflight(message.of);
  if (message.of !== 'reset') return;
  inflight = [];
  els.log.replaceChildren();
  hadConversation = false;
  addNotice('Het gesprek is gewist. U kunt opnieuw beginnen.');
  showPanels([], null);
  announce('Het gesprek is gewist.');
  els.input.value = '';
  els.input.focus();
}

function onWelcome(message) {
  const known = Array.isArray(message.understood) && message.understood.length > 0;
  if (!message.resumed && hadConversation) {
    addNotice('Uw vorige gesprek was niet meer bewaard. Vertel ons opnieuw wat u zoekt.');
  } else if (message.resumed && !hadConversation && known && !els.log.querySelector('.notice')) {
    addNotice('Welkom terug. Wij weten nog wat u eerder vertelde. U ziet het onder “Dit weten wij van u”.');
  }
  showPanels(message.understood, null);
}

function receive(message) {
  switch (message.type) {
    case 'welcome': return onWelcome(message);
    case 'answer': return onAnswer(message);
    case 'error': return onError(message);
    case 'ack': return onAck(message);
    default: return undefined; // newer servers may send more: ignore what we do not know
  }
}

function showState(state) {
  els.status.textContent = STATUS_TEXT[state] || STATUS_TEXT.connecting;
  els.status.className = `connection connection-${state}`;
  if (state === 'open') showInputError('');
  if (state !== 'closed' && state !== 'taken') return;
  // Whatever was on its way got no answer: say so in its place.
  for (const entry of inflight) {
    if (entry.kind === 'turn') {
      entry.answerBox.replaceChildren(errorParagraph(
        'Geen antwoord: de verbinding was weg. Stuur uw bericht opnieuw als wij weer verbonden zijn.'));
    }
  }
  inflight = [];
}

// ---- the page's own controls ----

els.form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (ask(els.input.value, 'ask')) els.input.value = '';
});

els.input.addEventListener('input', () => showInputError(''));

for (const button of document.querySelectorAll('[data-example]')) {
  button.addEventListener('click', () => {
    if (ask(button.textContent, 'example')) els.input.focus();
  });
}

els.reset.addEventListener('click', () => {
  if (!connection.send({ type: 'reset' })) {
    announce(NOT_CONNECTED);
    showInputError(NOT_CONNECTED);
    return;
  }
  inflight.push({ kind: 'reset' });
});

connection.start();
