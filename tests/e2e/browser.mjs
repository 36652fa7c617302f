// The browser side of the tests: Debian's Chromium through playwright-core, and small page helpers.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ARTIFACTS } from './server.mjs';

const require = createRequire(import.meta.url);
export const AXE_PATH = require.resolve('axe-core/axe.min.js');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.FINWIJZER_CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/**
 * A fresh page (own context: own sessionStorage). It records page errors, console errors and
 * Content-Security-Policy violations in page.problems.
 */
export async function openPage(browser, { width = 1280, height = 800, bypassCSP = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, bypassCSP, locale: 'nl-NL' });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return page;
}

export async function closePage(page) {
  await page.context().close();
}

/** Opens the chat and waits until it says "Verbonden". */
export async function gotoChat(page, url) {
  await page.goto(`${url}/`);
  await waitForStatus(page, 'Verbonden');
}

export async function waitForStatus(page, text, timeout = 15000) {
  await page.waitForFunction((t) => document.getElementById('status')?.textContent.trim() === t, text,
    { timeout });
}

export const answerCount = (page) => page.locator('#log .answer').count();

/** Waits until the log holds more than `before` answers (or an error in place of one). */
export async function waitForAnswer(page, before, timeout = 20000) {
  await page.waitForFunction((n) => document.querySelectorAll('#log .answer').length > n
    || document.querySelector('#log .turn:last-of-type .notice-error') !== null, before, { timeout });
  const error = await page.locator('#log .turn').last().locator('.notice-error').count();
  assert.equal(error, 0, `the server answered with an error: ${
    error ? await page.locator('#log .turn').last().innerText() : ''}`);
}

/** Types a question in the question box, sends it and waits for the answer. */
export async function ask(page, text) {
  const before = await answerCount(page);
  await page.fill('#vraag', text);
  await page.click('#ask-form button[type=submit]');
  await waitForAnswer(page, before);
}

/** The last answer in the log. */
export const lastAnswer = (page) => page.locator('#log .answer').last();

/** What the hint panels of the last answer say: per hint its verdict and per criterion its result. */
export function hintSignature(page) {
  return lastAnswer(page).evaluate((answer) => [...answer.querySelectorAll('.hint')].map((hint) => {
    const results = [...hint.querySelectorAll('.criterion')].map((c) => c.className);
    return `${hint.dataset.hint}:${hint.className}:${results.join(',')}`;
  }).join('|'));
}

/** Runs axe-core with the WCAG 2.x A/AA rules; returns the violations. The page's context must bypass CSP. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: AXE_PATH });
  }
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  return result.violations;
}

export function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 5)
    .map((n) => `   ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n')}`).join('\n');
}

export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function assertNoProblems(page, ignore = /$^/) {
  const problems = page.problems.filter((p) => !ignore.test(p));
  assert.deepEqual(problems, [], `the page reported problems:\n${problems.join('\n')}`);
}
