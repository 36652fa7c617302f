// A mock of `finwijzer serve` for UI work only: serves web/ with the same Content-Security-Policy and
// answers the websocket protocol of docs/protocol.md with canned data (a few real corpus schemes).
// The acceptance tests run against the real server; FINWIJZER_E2E_MOCK=1 makes run.mjs use this one.
//
//   node tests/e2e/mock-server.mjs [port]     # then open http://127.0.0.1:<port>/

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_WEB = path.resolve(here, '../../web');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json',
};

// ---- canned knowledge ----

const FIELDS = {
  doel: { label: 'Waarvoor zoekt u geld', type: 'keuze',
    display: { overname: 'Een bedrijf overnemen of opvolgen', verduurzaming: 'Verduurzamen of energie besparen',
      investering: 'Een investering (machine, pand, bus)', starten: 'Een bedrijf starten' } },
  gemeente: { label: 'Gemeente', type: 'keuze' },
  provincie: { label: 'Provincie', type: 'keuze', derived: true },
  werkzame_personen: { label: 'Werkzame personen', type: 'getal',
    question: 'Hoeveel mensen werken er in uw bedrijf? Tel uzelf mee.',
    options: [{ label: 'Alleen ikzelf', value: 1 }, { label: '2 tot 9', value: 5 },
      { label: '10 tot 49', value: 25 }, { label: '50 tot 249', value: 100 }, { label: '250 of meer', value: 300 }] },
  jaaromzet: { label: 'Jaaromzet', type: 'bedrag', question: 'Hoeveel omzet maakt uw bedrijf per jaar, ongeveer?' },
  financieringsbedrag: { label: 'Bedrag dat u nodig heeft', type: 'bedrag',
    question: 'Hoeveel geld heeft u ongeveer nodig?',
    options: [{ label: 'Tot € 50.000', value: 50000 }, { label: '€ 50.000 tot € 250.000', value: 150000 },
      { label: '€ 250.000 tot € 1 miljoen', value: 600000 }, { label: 'Meer dan € 1 miljoen', value: 2000000 }] },
  project_gestart: { label: 'Al begonnen', type: 'ja_nee',
    question: 'Bent u al begonnen met het project of de investering waarvoor u geld zoekt?' },
};

const PLACES = { goor: 'hof van twente', 'hof van twente': 'hof van twente', zwolle: 'zwolle', enschede: 'enschede',
  deventer: 'deventer', utrecht: 'utrecht' };
const OVERIJSSEL = new Set(['hof van twente', 'zwolle', 'enschede', 'deventer']);

const has = (p, f) => p[f] !== undefined && p[f] !== null;
const and = (...xs) => (xs.includes(false) ? false : xs.includes(null) ? null : true);
const or = (...xs) => (xs.includes(true) ? true : xs.includes(null) ? null : false);
const cmp = (p, f, test) => (has(p, f) ? test(p[f]) : null);
const MKB = {
  id: 'mkb', text: 'Uw bedrijf heeft minder dan 250 werkzame personen en een jaaromzet tot € 50 miljoen of een balanstotaal tot € 43 miljoen.',
  fields: ['werkzame_personen', 'jaaromzet'],
  test: (p) => and(cmp(p, 'werkzame_personen', (v) => v < 250), or(cmp(p, 'jaaromzet', (v) => v <= 5e7))),
};
const IN_OVERIJSSEL = { id: 'in-overijssel', text: 'Uw bedrijf is gevestigd in de provincie Overijssel.',
  fields: ['gemeente'], test: (p) => cmp(p, 'provincie', (v) => v === 'overijssel') };

const SCHEMES = [
  { id: 'bmkb', title: 'Borgstelling MKB-kredieten (BMKB)', kind: 'garantie', status: 'open', goals: ['overname', 'investering', 'starten'],
    summary: 'De overheid staat borg voor een deel van uw lening, zodat u toch kunt lenen als u te weinig onderpand heeft.',
    amount_max: 1500000, source: 'https://bedrijvenbeleidinbeeld.nl/beleidsinstrument/b/bmkb',
    caveat: 'Het hoogste BMKB-krediet is tijdelijk verhoogd naar € 1,5 miljoen; wij weten niet of dat nu nog zo is.',
    criteria: [MKB] },
  { id: 'qredits-mkb-krediet', title: 'Qredits MKB-krediet', kind: 'lening', status: 'doorlopend', goals: ['overname', 'investering', 'starten'],
    summary: 'Een lening van Qredits tot € 250.000 voor starters en bestaande mkb-bedrijven, eventueel samen met geld van de bank.',
    amount_max: 250000, source: 'https://qredits.nl/krediet/veelgestelde-vragen/',
    criteria: [{ id: 'totaal-max', text: 'U heeft in totaal niet meer nodig dan € 500.000.', fields: ['financieringsbedrag'],
      test: (p) => cmp(p, 'financieringsbedrag', (v) => v <= 500000) }] },
  { id: 'overijssel-voucher-financieringsadvies', title: 'Voucher financieringsadvies (ondersteuningsvoucher) Overijssel',
    kind: 'voucher', status: 'gesloten', goals: ['overname', 'investering', 'starten'],
    summary: 'Een voucher van de provincie voor hulp van een adviseur bij uw investeringsplan of bij het vinden van financiering.',
    source: 'https://overijssel.jaarverslag-2019.nl/p29322/5-4-1-versterken-ondernemerschap-in-overijssel',
    caveat: 'De officiële regeling van deze voucher is niet gevonden. Of hij nu nog bestaat, is onzeker.',
    criteria: [MKB, IN_OVERIJSSEL, { id: 'niet-gestart', text: 'U bent nog niet begonnen met het advies als u de voucher aanvraagt.',
      fields: ['project_gestart'], test: (p) => cmp(p, 'project_gestart', (v) => !v) }] },
  { id: 'isde-zakelijk', title: 'Investeringssubsidie duurzame energie en energiebesparing (ISDE) voor bedrijven',
    kind: 'subsidie', status: 'doorlopend', goals: ['verduurzaming'],
    summary: 'Subsidie voor bedrijven die een warmtepomp, een zonneboiler of een aansluiting op een warmtenet kopen.',
    source: 'https://www.rvo.nl/subsidies-financiering/isde', criteria: [] },
  { id: 'op-oost-efro', title: 'OP Oost (EFRO) - Europese subsidie voor innovatie in Oost-Nederland', kind: 'subsidie',
    status: 'verlopen', goals: ['verduurzaming', 'overname'], amount_min: 350000, amount_max: 2000000,
    summary: 'Europese subsidie voor grote samenwerkingsprojecten rond innovatie en CO2-besparing; het programma 2014-2020 is afgelopen.',
    source: 'https://www.op-oost.eu/', caveat: 'Het programma OP Oost 2014-2020 is afgelopen.', criteria: [IN_OVERIJSSEL] },
];

const DESK = { id: 'novel-t', name: 'Novel-T', website: 'https://www.novelt.com/',
  description: 'Novel-T is een organisatie in Twente die ondernemers helpt.', phone: null };
const OFFICE = { id: 'ondernemersloket', name: 'Het ondernemersloket van uw gemeente', website: null, phone: null,
  description: 'Bij het ondernemersloket van uw gemeente kunt u vragen stellen over geld voor uw bedrijf.' };

// ---- a conversation turn ----

function extract(text, profile) {
  const t = text.toLowerCase();
  if (/overne|overname/.test(t)) profile.doel = 'overname';
  else if (/zonnepanel|duurza|warmtepomp/.test(t)) profile.doel = 'verduurzaming';
  else if (/bus|machine|investe/.test(t)) profile.doel = 'investering';
  for (const [word, gemeente] of Object.entries(PLACES)) {
    if (new RegExp(`\\b${word}\\b`).test(t)) profile.gemeente = gemeente;
  }
  if (/zzp/.test(t)) profile.werkzame_personen = 1;
  derive(profile);
}

function derive(profile) {
  if (has(profile, 'gemeente')) profile.provincie = OVERIJSSEL.has(profile.gemeente) ? 'overijssel' : 'utrecht';
  else delete profile.provincie;
}

function understood(profile) {
  return Object.keys(FIELDS).filter((f) => has(profile, f)).map((field) => {
    const value = profile[field];
    const display = FIELDS[field].display?.[value]
      ?? (typeof value === 'string' ? value.replace(/\b\w/g, (c) => c.toUpperCase()) : undefined);
    return { field, label: FIELDS[field].label, value, display: display ?? null, derived: !!FIELDS[field].derived };
  });
}

function hintOf(scheme, profile) {
  const criteria = scheme.criteria.map((c) => {
    const r = c.test(profile);
    return { id: c.id, text: c.text, source: scheme.source, result: r === true ? 'met' : r === false ? 'failed' : 'open', fields: c.fields };
  });
  const results = criteria.map((c) => c.result);
  const verdict = results.includes('failed') ? 'ineligible' : results.includes('open') ? 'unknown' : 'eligible';
  const openFields = [...new Set(criteria.filter((c) => c.result === 'open').flatMap((c) => c.fields))]
    .filter((f) => !has(profile, f));
  const ids = (r) => criteria.filter((c) => c.result === r).map((c) => c.id);
  return { id: scheme.id, title: scheme.title, verdict, met: ids('met'), failed: ids('failed'), open: ids('open'),
    open_fields: openFields, criteria: criteria.map(({ fields, ...c }) => c) };
}

function compose(session, question, didYouMean) {
  const p = session.profile;
  const goal = p.doel || 'overname';
  const schemes = SCHEMES.filter((s) => s.goals.includes(goal));
  const matches = schemes.map((s, i) => ({
    id: s.id, title: s.title, kind: s.kind, status: s.status, score: 10 - i, snippet: s.summary,
    why: [p.doel ? `Past bij uw woorden: ${goal}.` : 'Past bij uw vraag.',
      ...(p.gemeente ? [`Geldt in uw regio (${p.gemeente.replace(/\b\w/g, (c) => c.toUpperCase())}).`] : []),
      ...(s.status === 'gesloten' ? ['Nu gesloten. Kijk bij de aanbieder of er een nieuwe ronde komt.'] : [])],
    summary: s.summary, amount_min: s.amount_min ?? null, amount_max: s.amount_max ?? null, source: s.source,
    last_checked: '2026-11-27', caveat: s.caveat ?? null,
  }));
  const hints = schemes.filter((s) => s.criteria.length).map((s) => hintOf(s, p));
  const openField = hints.flatMap((h) => h.open_fields).find((f) => FIELDS[f]?.question && !session.asked.has(f));
  let followup = null;
  if (openField) {
    session.asked.add(openField);
    const f = FIELDS[openField];
    followup = { field: openField, question: f.question, type: f.type, options: f.options || [] };
  }
  session.answers += 1;
  const n = matches.length;
  return {
    type: 'answer', answer_id: `a${session.answers}`, question, did_you_mean: didYouMean, profile: { ...p },
    understood: understood(p), matches, hints, followup,
    desk: p.gemeente === 'hof van twente' || p.gemeente === 'enschede' ? DESK : OFFICE,
    reply: `Ik vond ${n} ${n === 1 ? 'regeling' : 'regelingen'} die bij uw vraag ${n === 1 ? 'past' : 'passen'}.`
      + (followup ? ' Om te zien of u kunt meedoen, heb ik nog een vraag.' : ''),
  };
}

function handle(session, msg) {
  const error = (code, message) => ({ type: 'error', code, message });
  switch (msg?.type) {
    case 'ask': {
      if (typeof msg.text !== 'string' || !msg.text.trim()) return error('bad_request', 'Uw vraag is leeg. Typ een vraag.');
      if (msg.text.length > 2000) return error('bad_request', 'Uw vraag is te lang. Gebruik minder dan 2.000 tekens.');
      if (/mockfout/i.test(msg.text)) return error('internal', 'Er ging iets mis bij ons. Probeer het opnieuw.');
      const dym = /leening/i.test(msg.text) ? msg.text.replace(/leening/gi, 'lening') : null;
      extract(msg.text, session.profile);
      session.lastQuestion = msg.text;
      return compose(session, msg.text, dym);
    }
    case 'answer_field': {
      if (!FIELDS[msg.field]) return error('bad_request', 'Dit gegeven kennen wij niet.');
      if (msg.value === null) delete session.profile[msg.field];
      else session.profile[msg.field] = msg.value;
      session.asked.add(msg.field);
      derive(session.profile);
      return compose(session, session.lastQuestion || '', null);
    }
    case 'reset':
      session.profile = {};
      session.asked = new Set();
      session.lastQuestion = '';
      return { type: 'ack', of: 'reset' };
    case 'feedback':
      return { type: 'ack', of: 'feedback' };
    default:
      return error('unknown_type', 'Dit bericht begrijpen wij niet.');
  }
}

// ---- http + websocket ----

async function serveStatic(webDir, req, res) {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/healthz') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    return res.end('ok\n');
  }
  const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
  const file = path.resolve(webDir, rel);
  const headers = { 'Content-Security-Policy': "default-src 'self'", 'X-Content-Type-Options': 'nosniff' };
  if (!file.startsWith(webDir + path.sep) || req.method !== 'GET') {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
    return res.end('Niet gevonden\n');
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { ...headers, 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-cache' });
    res.end(body);
  } catch {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
    res.end('Niet gevonden\n');
  }
}

/** Starts the mock; resolves to {url, port, close()}. */
export async function startMock({ port = 0, host = '127.0.0.1', webDir = DEFAULT_WEB } = {}) {
  const web = path.resolve(webDir);
  const sessions = new Map();
  const server = http.createServer((req, res) => { serveStatic(web, req, res); });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== '/ws') return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      let token = url.searchParams.get('session');
      const resumed = !!token && sessions.has(token);
      if (!resumed) {
        token = randomBytes(32).toString('hex');
        sessions.set(token, { profile: {}, asked: new Set(), lastQuestion: '', answers: 0 });
      }
      const session = sessions.get(token);
      ws.send(JSON.stringify({ type: 'welcome', session: token, resumed, profile: { ...session.profile },
        understood: understood(session.profile) }));
      ws.on('message', (data) => {
        let msg;
        try { msg = JSON.parse(String(data)); } catch { msg = undefined; }
        const reply = msg && typeof msg === 'object' ? handle(session, msg)
          : { type: 'error', code: 'bad_json', message: 'Uw bericht kwam niet goed aan.' };
        setTimeout(() => ws.readyState === ws.OPEN && ws.send(JSON.stringify(reply)), 60);
      });
    });
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    close: () => new Promise((resolve) => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.close(() => resolve());
      server.closeAllConnections?.();
    }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const mock = await startMock({ port: Number(process.argv[2] || 8080) });
  console.log(`mock finwijzer serve on ${mock.url}/ (Ctrl-C stops it)`);
  const stop = () => mock.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
