// What a user does in the web chat: ask, quick replies, "Bedoelde u", corrections, reset, errors and
// reconnecting. Runs against whatever server.mjs starts (the real finwijzer serve unless told otherwise).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  answerCount, ask, assertNoProblems, closePage, gotoChat, hintSignature, lastAnswer, launchBrowser, openPage,
  waitForAnswer, waitForStatus,
} from './browser.mjs';
import { startServer } from './server.mjs';

const T = { timeout: 90000 };
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
}, { timeout: 180000 });

after(async () => {
  await browser?.close();
  await server?.stop();
});

describe('web chat', () => {
  test('the empty page is Dutch, titled and connected', T, async () => {
    const page = await openPage(browser);
    try {
      await gotoChat(page, server.url);
      assert.equal(await page.getAttribute('html', 'lang'), 'nl');
      assert.match(await page.title(), /^Finwijzer – geld voor uw bedrijf/);
      assert.equal(await page.locator('label[for=vraag]').innerText(), 'Uw vraag');
      assert.equal(await page.locator('header, main, footer').count(), 3);
      const token = await page.evaluate(() => sessionStorage.getItem('finwijzer.session'));
      assert.match(token, /^[0-9a-f]{16,}$/, 'the session token is kept in sessionStorage');
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });

  test('a question gives cards with kind, status, amount, date and source', T, async () => {
    const page = await openPage(browser);
    try {
      await gotoChat(page, server.url);
      await ask(page, 'Ik wil een bakkerij overnemen in Goor');
      const answer = lastAnswer(page);
      const cards = answer.locator('.card');
      assert.ok(await cards.count() >= 1, 'at least one card');
      const first = cards.first();
      assert.ok((await first.locator('.card-title').innerText()).length > 3);
      assert.ok(await first.locator('.badge.kind').count() === 1, 'kind badge');
      assert.ok(await first.locator('.badge.status').count() === 1, 'status badge');
      assert.match(await first.locator('.source a').getAttribute('href'), /^https?:\/\//);
      const dates = await answer.locator('.facts dt:text("Gecontroleerd op") + dd').allInnerTexts();
      assert.ok(dates.length >= 1, 'last checked dates');
      for (const d of dates) assert.match(d, /^\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december) \d{4}$/);
      for (const amount of await answer.locator('.facts dt:text("Bedrag") + dd').allInnerTexts()) {
        assert.match(amount, /^((Tot|Vanaf) )?€\u00a0\d{1,3}(\.\d{3})*( tot €\u00a0\d{1,3}(\.\d{3})*)?$/);
      }
      for (const kind of await answer.locator('.badge.kind').allInnerTexts()) {
        assert.doesNotMatch(kind, /^(garantie|participatie|fiscaal|alternatief)$/, 'kinds are in plain Dutch');
      }
      // Expired schemes say so in words, not only by colour.
      for (const card of await answer.locator('.card-expired').all()) {
        assert.match(await card.innerText(), /Verlopen/);
      }
      // What was understood is listed, and the live region tells a short summary.
      assert.ok(await page.locator('#understood-list .fact').count() >= 1, 'understood facts are shown');
      await page.waitForFunction(() => /regeling/.test(document.getElementById('announcer').textContent));
      assert.ok((await page.locator('#announcer').innerText()).length < 300, 'the announcement is short');
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });

  test('a quick reply answers the follow-up and changes the hint panel', T, async () => {
    const page = await openPage(browser);
    try {
      await gotoChat(page, server.url);
      await ask(page, 'Ik wil een bakkerij overnemen in Goor');
      assert.equal(await page.locator('#followup').isVisible(), true, 'a follow-up question is shown');
      const replies = page.locator('#followup .quick-replies button');
      assert.ok(await replies.count() >= 1, 'the follow-up has quick replies');
      const field = await page.locator('#followup input').getAttribute('name').catch(() => null);
      const before = await hintSignature(page);
      const n = await answerCount(page);
      // The last option is the one most likely to decide a criterion (e.g. "250 of meer" fails mkb).
      const reply = replies.last();
      const label = await reply.innerText();
      await reply.click();
      await waitForAnswer(page, n);
      assert.equal(await page.locator('#log .turn').last().locator('.bubble').innerText(), label);
      assert.notEqual(await hintSignature(page), before, 'the hint panel changed');
      if (field) {
        assert.ok(await page.locator(`#understood-list .fact[data-field="${field}"]`).count() === 1,
          'the answered field is now understood');
      }
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });

  test('"Bedoelde u" asks the corrected question', T, async () => {
    const page = await openPage(browser);
    try {
      await gotoChat(page, server.url);
      await ask(page, 'leening voor mijn bakkerij in Goor');
      const suggestion = lastAnswer(page).locator('.did-you-mean button');
      assert.equal(await suggestion.count(), 1, 'a "Bedoelde u" suggestion');
      const corrected = await suggestion.innerText();
      assert.match(corrected, /lening/i);
      const n = await answerCount(page);
      await suggestion.click();
      await waitForAnswer(page, n);
      assert.equal(await page.locator('#log .turn').last().locator('.bubble').innerText(), corrected);
      assert.equal(await lastAnswer(page).locator('.did-you-mean').count(), 0, 'no suggestion for the right words');
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });

  test('an understood fact can be changed and forgotten', T, async () => {
    const page = await openPage(browser);
    try {
      await gotoChat(page, server.url);
      await ask(page, 'Ik wil een bakkerij overnemen in Goor');
      const fact = (field) => page.locator(`#understood-list .fact[data-field="${field}"]`);
      assert.equal(await fact('gemeente').count(), 1, 'gemeente is understood from "Goor"');

      // Change: the place becomes Zwolle.
      let n = await answerCount(page);
      await fact('gemeente').getByRole('button', { name: /^Wijzig/ }).click();
      const input = fact('gemeente').locator('input');
      assert.equal(await input.evaluate((el) => el === document.activeElement), true, 'the editor gets focus');
      await input.fill('Zwolle');
      await fact('gemeente').getByRole('button', { name: 'Opslaan', exact: true }).click();
      await waitForAnswer(page, n);
      assert.match(await fact('gemeente').locator('.fact-value').innerText(), /zwolle/i);
      const focused = await page.evaluate(() => document.activeElement?.closest('.fact')?.dataset.field);
      assert.equal(focused, 'gemeente', 'the focus returns to the fact that was changed');

      // Forget: an empty value removes it.
      n = await answerCount(page);
      await fact('gemeente').getByRole('button', { name: /^Wijzig/ }).click();
      await fact('gemeente').locator('input').fill('');
      await fact('gemeente').getByRole('button', { name: 'Opslaan', exact: true }).click();
      await waitForAnswer(page, n);
      assert.equal(await fact('gemeente').count(), 0, 'gemeente is forgotten');
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });

  test('"Begin opnieuw" clears the conversation', T, async () => {
    const page = await openPage(browser);
    try {
      await gotoChat(page, server.url);
      await ask(page, 'Ik wil een bakkerij overnemen in Goor');
      await page.getByRole('button', { name: 'Begin opnieuw', exact: true }).click();
      await page.waitForFunction(() => /gewist/.test(document.getElementById('log').textContent));
      assert.equal(await page.locator('#log .turn').count(), 0);
      assert.equal(await page.locator('#understood-list .fact').count(), 0);
      assert.equal(await page.locator('#followup').isVisible(), false);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'vraag');
      // The next question starts from nothing: Goor is not remembered.
      await ask(page, 'Ik zoek een lening');
      assert.equal(await page.locator('#understood-list .fact[data-field="gemeente"]').count(), 0);
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });

  test('feedback thumbs send feedback and say thank you', T, async () => {
    const page = await openPage(browser);
    const sent = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
    try {
      await gotoChat(page, server.url);
      await ask(page, 'Ik wil een bakkerij overnemen in Goor');
      const answerId = await lastAnswer(page).getAttribute('data-answer');
      await lastAnswer(page).getByRole('button', { name: 'Ja', exact: true }).click();
      await page.waitForFunction(() => /Bedankt/.test(document.querySelector('.feedback').textContent));
      const feedback = sent.map((s) => JSON.parse(s)).find((m) => m.type === 'feedback');
      assert.deepEqual(feedback, { type: 'feedback', answer_id: answerId, useful: true });
      assert.equal(await page.evaluate(() => document.activeElement?.className), 'feedback-thanks');
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });

  test('follow-up free input sends typed numbers; a yes/no follow-up gets Ja / Nee', T, async () => {
    const page = await openPage(browser);
    const sent = [];
    // Between server and page: the first answer asks a number without options, the next a yes/no.
    const followups = [
      { field: 'werkzame_personen', question: 'Hoeveel mensen werken er in uw bedrijf?', type: 'getal', options: [] },
      { field: 'project_gestart', question: 'Bent u al begonnen?', type: 'ja_nee', options: [] },
    ];
    let answers = 0;
    await page.routeWebSocket(/\/ws/, (ws) => {
      const upstream = ws.connectToServer();
      ws.onMessage((m) => {
        sent.push(JSON.parse(String(m)));
        upstream.send(m);
      });
      upstream.onMessage((m) => {
        const message = JSON.parse(String(m));
        if (message.type === 'answer') message.followup = followups[Math.min(answers++, 1)];
        ws.send(JSON.stringify(message));
      });
    });
    try {
      await gotoChat(page, server.url);
      await ask(page, 'Ik wil een bakkerij overnemen in Goor');
      assert.equal(await page.locator('#followup .quick-replies').count(), 0, 'no options: no quick replies');
      const input = page.getByLabel('Uw antwoord', { exact: true });
      await input.fill('heel veel');
      await input.press('Enter');
      assert.match(await page.locator('#followup .field-error').innerText(), /getal/);
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      let n = await answerCount(page);
      await input.fill('12');
      await input.press('Enter');
      await waitForAnswer(page, n);
      assert.deepEqual(sent.at(-1), { type: 'answer_field', field: 'werkzame_personen', value: 12 });

      const buttons = page.locator('#followup .quick-replies button');
      assert.deepEqual(await buttons.allInnerTexts(), ['Ja', 'Nee']);
      assert.equal(await page.locator('#followup input').count(), 0, 'yes/no needs no free input');
      n = await answerCount(page);
      await buttons.last().click();
      await waitForAnswer(page, n);
      assert.deepEqual(sent.at(-1), { type: 'answer_field', field: 'project_gestart', value: false });
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });

  test('an error from the server is shown as a friendly Dutch message', T, async () => {
    const page = await openPage(browser);
    // Between page and server: a question with "FOUT-TEST" gets an error instead of an answer.
    await page.routeWebSocket(/\/ws/, (ws) => {
      const upstream = ws.connectToServer();
      ws.onMessage((m) => {
        if (String(m).includes('FOUT-TEST')) {
          ws.send(JSON.stringify({ type: 'error', code: 'rate_limited',
            message: 'U stelt veel vragen snel na elkaar. Wacht even.' }));
        } else {
          upstream.send(m);
        }
      });
    });
    try {
      await gotoChat(page, server.url);
      await page.fill('#vraag', 'FOUT-TEST');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#log .turn .notice-error');
      assert.match(await page.locator('#log .notice-error').innerText(), /Wacht even/);
      await page.waitForFunction(() => /Wacht even/.test(document.getElementById('announcer').textContent));
      // The connection stays usable.
      await ask(page, 'Ik wil een bakkerij overnemen in Goor');
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });

  test('reloading the page resumes the session and says so', T, async () => {
    const page = await openPage(browser);
    try {
      await gotoChat(page, server.url);
      await ask(page, 'Ik wil een bakkerij overnemen in Goor');
      await page.reload();
      await waitForStatus(page, 'Verbonden');
      await page.waitForSelector('#understood-list .fact[data-field="gemeente"]');
      assert.match(await page.locator('#log .notice').innerText(), /Welkom terug/);
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });

  test('a conversation taken over by another window is not taken back', T, async () => {
    const page = await openPage(browser);
    const routes = [];
    await page.routeWebSocket(/\/ws/, (ws) => {
      routes.push(ws);
      ws.connectToServer();
    });
    try {
      await gotoChat(page, server.url);
      await ask(page, 'Ik wil een bakkerij overnemen in Goor');
      await routes[0].close({ code: 4001, reason: 'session taken over' });
      await waitForStatus(page, 'Dit gesprek is nu open in een ander venster. Laad deze pagina opnieuw om hier verder te gaan.');
      await page.waitForTimeout(2500); // longer than the first back-off step
      assert.equal(routes.length, 1, 'no reconnect after 4001');
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });

  test('after a dropped connection it reconnects and resumes the session', T, async () => {
    const page = await openPage(browser);
    const routes = [];
    await page.routeWebSocket(/\/ws/, (ws) => {
      routes.push(ws);
      ws.connectToServer();
    });
    try {
      await gotoChat(page, server.url);
      await ask(page, 'Ik wil een bakkerij overnemen in Goor');
      const token = await page.evaluate(() => sessionStorage.getItem('finwijzer.session'));
      assert.equal(routes.length, 1);
      assert.doesNotMatch(routes[0].url(), /session=/);
      await routes[0].close({ code: 1001, reason: 'test' });
      await waitForStatus(page, 'Verbinding verbroken. Opnieuw verbinden…');
      await waitForStatus(page, 'Verbonden', 10000); // first retry after 1 s
      assert.equal(routes.length, 2);
      assert.match(routes[1].url(), new RegExp(`/ws\\?session=${token}$`), 'the token is reused');
      // The server kept the conversation: Goor is still understood.
      assert.equal(await page.locator('#understood-list .fact[data-field="gemeente"]').count(), 1);
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });
});
