// Accessibility of the web chat (WCAG 2.1 AA): axe-core in the main states, keyboard-only use,
// reflow at 320 px and at 200 % zoom, and screenshots for people to look at (artifacts/).

import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  answerCount, ask, assertNoProblems, axeViolations, closePage, describeViolations, gotoChat, launchBrowser,
  openPage, screenshot, waitForAnswer, waitForStatus,
} from './browser.mjs';
import { ARTIFACTS, startServer } from './server.mjs';

const T = { timeout: 120000 };
const QUESTION = 'Ik wil een bakkerij overnemen in Goor';
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

async function assertAxeClean(page, state) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe found violations ${state}:\n${describeViolations(violations)}`);
}

/** Presses Tab until `predicate` holds for the focused element; returns the number of presses. */
async function tabUntil(page, predicate, max = 30) {
  for (let i = 1; i <= max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return i;
  }
  throw new Error(`not reached with ${max} presses of Tab`);
}

const noSidewaysScroll = (page) => page.evaluate(() => ({
  scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
}));

describe('accessibility', () => {
  test('axe finds no WCAG 2.1 A/AA violations in the main states', T, async () => {
    // axe is injected as a script tag, which the page's CSP forbids: this context bypasses it.
    const page = await openPage(browser, { bypassCSP: true });
    try {
      await gotoChat(page, server.url);
      await assertAxeClean(page, 'on the empty page');
      await ask(page, QUESTION);
      assert.ok(await page.locator('#log .card').count() >= 1, 'cards are shown');
      assert.ok(await page.locator('#log .hint').count() >= 1, 'hints are shown');
      await assertAxeClean(page, 'after an answer with cards and hints');
      assert.equal(await page.locator('#followup').isVisible(), true, 'the follow-up is shown');
      await page.locator('#understood-list .fact button').first().click();
      await assertAxeClean(page, 'with the follow-up and a fact editor open');
      await page.getByRole('button', { name: 'Begin opnieuw', exact: true }).click();
      await page.waitForFunction(() => /gewist/.test(document.getElementById('log').textContent));
      await assertAxeClean(page, 'after "Begin opnieuw"');
    } finally {
      await closePage(page);
    }
  });

  test('axe finds no violations while disconnected', T, async () => {
    const page = await openPage(browser, { bypassCSP: true });
    await page.routeWebSocket(/\/ws/, (ws) => ws.close({ code: 1001 }));
    try {
      await page.goto(`${server.url}/`);
      await waitForStatus(page, 'Verbinding verbroken. Opnieuw verbinden…');
      await page.fill('#vraag', QUESTION);
      await page.keyboard.press('Enter');
      await page.waitForSelector('#vraag-fout:not([hidden])');
      assert.match(await page.locator('#vraag-fout').innerText(), /niet verbonden/);
      assert.equal(await page.inputValue('#vraag'), QUESTION, 'the question is kept');
      await assertAxeClean(page, 'while disconnected');
      await screenshot(page, 'disconnected-1280');
    } finally {
      await closePage(page);
    }
  });

  test('keyboard only: Tab to the question, Enter, Tab to a quick reply, Space', T, async () => {
    const page = await openPage(browser);
    try {
      await gotoChat(page, server.url);
      // First Tab: the skip link, which leads to the question box.
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
      const skipVisible = await page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0);
      assert.ok(skipVisible, 'the skip link is visible when focused');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'vraag');

      await page.keyboard.type(QUESTION);
      let n = await answerCount(page);
      await page.keyboard.press('Enter');
      await waitForAnswer(page, n);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'vraag', 'the focus stays in the box');

      const presses = await tabUntil(page, () => document.activeElement.closest('.quick-replies') !== null);
      assert.ok(presses <= 3, `a quick reply is ${presses} Tab presses from the question box`);
      const outline = await page.evaluate(() => {
        const s = getComputedStyle(document.activeElement);
        return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      assert.ok(outline.style !== 'none' && outline.width >= 2, 'the focus is visible');
      n = await answerCount(page);
      await page.keyboard.press('Space');
      await waitForAnswer(page, n);
      // The panel was rebuilt: the focus went to the next question, or back to the question box.
      const focus = await page.evaluate(() => ({
        id: document.activeElement.id, inFollowup: document.activeElement.closest('#followup') !== null,
      }));
      assert.ok(focus.inFollowup || focus.id === 'vraag', `focus after the quick reply: ${JSON.stringify(focus)}`);
      assertNoProblems(page);
    } finally {
      await closePage(page);
    }
  });

  for (const [width, height, what] of [[320, 640, '320 px wide'], [640, 400, '200 % zoom of 1280 × 800']]) {
    test(`no sideways scrolling at ${what}`, T, async () => {
      const page = await openPage(browser, { width, height });
      try {
        await gotoChat(page, server.url);
        let size = await noSidewaysScroll(page);
        assert.ok(size.scrollWidth <= width, `empty page: scrollWidth ${size.scrollWidth} > ${width}`);
        await ask(page, QUESTION);
        await page.locator('#understood-list .fact button').first().click();
        size = await noSidewaysScroll(page);
        assert.ok(size.scrollWidth <= width, `after an answer: scrollWidth ${size.scrollWidth} > ${width}`);
        assertNoProblems(page);
      } finally {
        await closePage(page);
      }
    });
  }

  test('screenshots at 1280 × 800 and 320 px', T, async () => {
    for (const [width, height] of [[1280, 800], [320, 640]]) {
      const page = await openPage(browser, { width, height });
      try {
        await gotoChat(page, server.url);
        await screenshot(page, `empty-${width}`);
        await ask(page, QUESTION);
        await screenshot(page, `answer-${width}`);
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.locator('#understood-list .fact button').first().click();
        await page.locator('#followup').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(ARTIFACTS, `followup-${width}-viewport.png`) });
        assertNoProblems(page);
      } finally {
        await closePage(page);
      }
    }
  });
});
