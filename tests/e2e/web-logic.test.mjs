// The page's pure functions, imported straight from web/ (no browser, no server needed).

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { backoffDelay, socketUrl } from '../../web/connection.js';
import { readValue } from '../../web/forms.js';
import {
  displayValue, formatAmountRange, formatDate, formatEuro, kindLabel, keepAmountsTogether, parseDutchNumber,
  safeUrl, statusInfo,
} from '../../web/format.js';

const NBSP = '\u00a0';

describe('format.js', () => {
  test('euro amounts use dots between thousands', () => {
    assert.equal(formatEuro(50000), `€${NBSP}50.000`);
    assert.equal(formatEuro(1500000), `€${NBSP}1.500.000`);
    assert.equal(formatEuro(500), `€${NBSP}500`);
    assert.equal(formatEuro(0), `€${NBSP}0`);
  });

  test('amount ranges', () => {
    assert.equal(formatAmountRange(500, 50000), `€${NBSP}500 tot €${NBSP}50.000`);
    assert.equal(formatAmountRange(null, 1500000), `Tot €${NBSP}1.500.000`);
    assert.equal(formatAmountRange(25000, null), `Vanaf €${NBSP}25.000`);
    assert.equal(formatAmountRange(null, null), '');
    assert.equal(formatAmountRange(undefined, undefined), '');
    assert.equal(formatAmountRange(1000, 1000), `€${NBSP}1.000`);
  });

  test('dates in Dutch', () => {
    assert.equal(formatDate('2026-11-27'), '27 november 2026');
    assert.equal(formatDate('2027-01-05'), '5 januari 2027');
    assert.equal(formatDate('onbekend'), 'onbekend');
    assert.equal(formatDate(null), '');
  });

  test('kinds and statuses in plain Dutch', () => {
    assert.equal(kindLabel('garantie'), 'Borgstelling (garantie)');
    assert.equal(kindLabel('lening'), 'Lening');
    assert.equal(kindLabel('iets-nieuws'), 'Iets-nieuws');
    assert.equal(statusInfo('verlopen').label, 'Verlopen');
    assert.equal(statusInfo('doorlopend').label, 'Altijd open');
    assert.equal(statusInfo('gesloten').label, 'Gesloten');
    assert.equal(statusInfo('open').label, 'Open');
  });

  test('numbers as people type them', () => {
    assert.equal(parseDutchNumber('12'), 12);
    assert.equal(parseDutchNumber('50.000'), 50000);
    assert.equal(parseDutchNumber('€ 1.500.000'), 1500000);
    assert.equal(parseDutchNumber('€ 50.000,-'), 50000);
    assert.equal(parseDutchNumber('2,5 miljoen'), 2500000);
    assert.equal(parseDutchNumber('40k'), 40000);
    assert.equal(parseDutchNumber('1.500,50'), 1500.5);
    assert.ok(Number.isNaN(parseDutchNumber('veel')));
    assert.ok(Number.isNaN(parseDutchNumber('1.5')), 'ambiguous: 1.5 or 15?');
  });

  test('values for people and safe links', () => {
    assert.equal(displayValue(true), 'Ja');
    assert.equal(displayValue(false), 'Nee');
    assert.equal(displayValue(25000), '25.000');
    assert.equal(safeUrl('https://www.rvo.nl/x'), 'https://www.rvo.nl/x');
    assert.equal(safeUrl('javascript:alert(1)'), null);
    assert.equal(safeUrl('geen adres'), null);
    assert.equal(keepAmountsTogether('tot € 50.000 en € 1'), `tot €${NBSP}50.000 en €${NBSP}1`);
  });
});

describe('forms.js: reading typed answers', () => {
  test('numbers, amounts and years', () => {
    assert.deepEqual(readValue('getal', '12'), { value: 12 });
    assert.deepEqual(readValue('bedrag', '€ 50.000'), { value: 50000 });
    assert.deepEqual(readValue('jaar', '2019'), { value: 2019 });
    assert.ok(readValue('getal', 'twaalf').error);
    assert.ok(readValue('getal', '-3').error);
    assert.ok(readValue('jaar', '19').error);
  });

  test('yes / no, choices, and empty', () => {
    assert.deepEqual(readValue('ja_nee', 'Ja'), { value: true });
    assert.deepEqual(readValue('ja_nee', 'nee'), { value: false });
    assert.ok(readValue('ja_nee', 'misschien').error);
    assert.deepEqual(readValue('keuze', ' Zwolle '), { value: 'zwolle' });
    assert.ok(readValue('getal', '  ').error);
    assert.deepEqual(readValue('getal', '', { allowEmpty: true }), { value: null });
  });
});

describe('connection.js', () => {
  test('back-off: 1 s, doubling, at most 30 s', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 50].map(backoffDelay), [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  test('the websocket address resumes a session by its token', () => {
    const http = { protocol: 'http:', host: '127.0.0.1:8080' };
    assert.equal(socketUrl(http, null), 'ws://127.0.0.1:8080/ws');
    assert.equal(socketUrl(http, 'ab12'), 'ws://127.0.0.1:8080/ws?session=ab12');
    assert.equal(socketUrl({ protocol: 'https:', host: 'finwijzer.nl' }, 'ab12'), 'wss://finwijzer.nl/ws?session=ab12');
    assert.equal(socketUrl(http, 'x&y=1'), 'ws://127.0.0.1:8080/ws', 'a token that is not hex is not sent');
  });
});
