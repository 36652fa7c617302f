// Formatting for the chat: euro amounts, Dutch dates, and plain-Dutch labels for protocol values.
// Pure functions, no DOM: see docs/protocol.md for the values they translate.

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus',
  'september', 'oktober', 'november', 'december'];

/** 50000 → "50.000" (dots between thousands, as in Dutch). */
export function groupThousands(n) {
  const negative = n < 0;
  const [whole, fraction] = Math.abs(n).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (negative ? '-' : '') + grouped + (fraction ? ',' + fraction.slice(0, 2) : '');
}

/** 50000 → "€ 50.000" (with a no-break space, so it never wraps between sign and number). */
export function formatEuro(n) {
  return '€\u00a0' + groupThousands(Math.round(n));
}

const isAmount = (v) => typeof v === 'number' && Number.isFinite(v);

/** The amount range of a match in words, or '' when neither end is known. */
export function formatAmountRange(min, max) {
  if (isAmount(min) && isAmount(max)) {
    return min === max ? formatEuro(max) : `${formatEuro(min)} tot ${formatEuro(max)}`;
  }
  if (isAmount(max)) return `Tot ${formatEuro(max)}`;
  if (isAmount(min)) return `Vanaf ${formatEuro(min)}`;
  return '';
}

/** "2026-11-27" → "27 november 2026"; anything else is returned as it came. */
export function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return iso || '';
  const month = MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

const KINDS = {
  lening: 'Lening',
  subsidie: 'Subsidie',
  garantie: 'Borgstelling (garantie)',
  participatie: 'Deelname in uw bedrijf (participatie)',
  voucher: 'Voucher (tegoedbon)',
  fiscaal: 'Belastingvoordeel',
  advies: 'Advies en hulp',
  crowdfunding: 'Crowdfunding (geld van veel mensen)',
  alternatief: 'Andere manier van financieren',
};

/** The kind of a match in plain Dutch. */
export function kindLabel(kind) {
  return KINDS[kind] || (kind ? kind.charAt(0).toUpperCase() + kind.slice(1) : 'Regeling');
}

const STATUSES = {
  open: { label: 'Open', explain: 'U kunt nu aanvragen.', icon: '●', tone: 'open' },
  doorlopend: { label: 'Altijd open', explain: 'U kunt altijd aanvragen.', icon: '●', tone: 'ongoing' },
  gesloten: { label: 'Gesloten', explain: 'U kunt nu niet aanvragen. Misschien gaat het weer open.',
    icon: '■', tone: 'closed' },
  verlopen: { label: 'Verlopen', explain: 'Deze regeling bestaat niet meer.', icon: '✕', tone: 'expired' },
};

/** {label, explain, icon, tone} for the status of a match. */
export function statusInfo(status) {
  return STATUSES[status] || { label: status || 'Onbekend', explain: '', icon: '?', tone: 'unknown' };
}

const VERDICTS = {
  eligible: { label: 'Waarschijnlijk wel', explain: 'U voldoet aan alle voorwaarden die wij kennen.',
    tone: 'met' },
  ineligible: { label: 'Waarschijnlijk niet', explain: 'U voldoet niet aan een voorwaarde.', tone: 'failed' },
  unknown: { label: 'Dat weten wij nog niet', explain: 'Wij missen nog gegevens van u.', tone: 'open' },
};

/** {label, explain, tone} for the verdict of a hint. */
export function verdictInfo(verdict) {
  return VERDICTS[verdict] || VERDICTS.unknown;
}

const RESULTS = {
  met: { icon: '✓', text: 'voldaan' },
  failed: { icon: '✗', text: 'niet voldaan' },
  open: { icon: '?', text: 'nog onbekend' },
};

/** {icon, text} for a criterion result; `text` is for screen readers. */
export function resultInfo(result) {
  return RESULTS[result] || RESULTS.open;
}

/**
 * Reads a number the way people type it in Dutch: "12", "50.000", "€ 1.500.000", "2,5 miljoen", "40k".
 * Returns NaN when the text is not a number.
 */
export function parseDutchNumber(text) {
  let s = String(text).trim().toLowerCase().replace(/[€\s\u00a0]/g, '').replace(/euro$/, '');
  let factor = 1;
  const unit = /(miljoen|mln|duizend|k)$/.exec(s);
  if (unit) {
    factor = unit[1] === 'miljoen' || unit[1] === 'mln' ? 1e6 : 1e3;
    s = s.slice(0, -unit[1].length);
  }
  if (s.endsWith(',-')) s = s.slice(0, -2);
  if (!/^-?[\d.,]+$/.test(s)) return NaN;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, ''); // 50.000 or 1.500,50
  else if (/^-?\d+\.\d+$/.test(s) && factor === 1) return NaN;           // 1.5: ambiguous, ask again
  s = s.replace(',', '.');
  const n = Number(s) * factor;
  return Number.isFinite(n) ? n : NaN;
}

/** A profile value for people: true → "Ja", 50000 → "50.000", "hof van twente" as it is. */
export function displayValue(value) {
  if (value === true) return 'Ja';
  if (value === false) return 'Nee';
  if (value === null || value === undefined) return '(niet ingevuld)';
  if (typeof value === 'number') return groupThousands(value);
  return String(value);
}

/** Only http(s) addresses become links; anything else (javascript:, data:) is refused. */
export function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** "https://www.rvo.nl/x" → "rvo.nl", for readable link texts. */
export function hostName(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Server text with "€ 50.000" kept on one line (a no-break space after the euro sign). */
export function keepAmountsTogether(text) {
  return String(text ?? '').replace(/€ (?=\d)/g, '€\u00a0');
}
