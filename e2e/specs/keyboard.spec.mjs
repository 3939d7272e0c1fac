// A keyboard-only session: reveal, grade, move, bookmark, search, help.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../lib/fixture.mjs';

const env = useApp();

test('practise with the keyboard only', async () => {
  const app = await env.app();
  const { keyboard } = app.page;
  await app.open('/practice');
  const graded = [];
  for (const [reveal, grade] of [['Space', '3'], ['Enter', '4'], ['Space', '1']]) {
    const id = await app.cardId();
    await keyboard.press(reveal);
    await app.testid('answer-short').waitFor();
    assert.match(await app.testid('live').textContent(), /reveal/i);
    await keyboard.press(grade);
    await app.waitForCardOtherThan(id);
    graded.push(id);
  }
  assert.match(await app.testid('live').textContent(), /grade/i);
  assert.deepEqual(await app.storedIds(), [...graded].sort());

  const current = await app.cardId();
  await keyboard.press('j');
  await app.waitForCardOtherThan(current);
  await keyboard.press('k');
  await app.page.waitForFunction((id) => document.querySelector('[data-testid="card"]')?.dataset.id === id, current);

  await keyboard.press('b');
  await app.page.waitForFunction(() => document.querySelector('[data-testid="bookmark"]')?.getAttribute('aria-pressed') === 'true');

  await keyboard.press('?');
  await app.testid('shortcuts-dialog').waitFor();
  await keyboard.press('Escape');
  await app.testid('shortcuts-dialog').waitFor({ state: 'hidden' });

  await keyboard.press('/');
  await app.page.waitForFunction(() => document.activeElement?.dataset.testid === 'search');
  await keyboard.type('trie');
  await app.page.waitForFunction(() => document.querySelectorAll('[data-testid="question-link"]').length >= 1);
  assert.deepEqual(app.page.errors, []);
});

test('typing in the attempt box does not trigger shortcuts; Escape leaves it', async () => {
  const app = await env.app();
  await app.open('/practice');
  const id = await app.cardId();
  await app.testid('attempt').click();
  await app.page.keyboard.type('1 b j ? ');
  assert.equal(await app.testid('answer-short').count(), 0);
  assert.equal(await app.testid('shortcuts-dialog').count(), 0);
  assert.equal(await app.testid('attempt').inputValue(), '1 b j ? ');
  await app.page.keyboard.press('Escape');
  assert.notEqual(await app.page.evaluate(() => document.activeElement?.dataset.testid), 'attempt');
  await app.page.keyboard.press('j');
  await app.waitForCardOtherThan(id);
});

test('the arrow keys scroll the page and never change the card', async () => {
  const app = await env.app({ viewport: { width: 390, height: 844 } });
  await app.open('/practice');
  const id = await app.cardId();
  await app.page.keyboard.press('Space');
  await app.testid('answer-short').waitFor();
  await app.page.evaluate(() => window.scrollTo(0, 0));
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowLeft']) await app.page.keyboard.press(key);
  assert.equal(await app.cardId(), id, 'the card stays');
  assert.equal(await app.testid('grade-good').count(), 1, 'still revealed, not graded');
  await app.page.waitForFunction(() => window.scrollY > 0);
  assert.deepEqual(await app.storedIds(), [], 'nothing graded');
});

test('focus is visible on every control reached with Tab', async () => {
  const app = await env.app();
  await app.open('/');
  for (let i = 0; i < 8; i += 1) {
    await app.page.keyboard.press('Tab');
    const outline = await app.page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, width: parseFloat(style.outlineWidth), style: style.outlineStyle };
    });
    assert.ok(outline.style !== 'none' && outline.width > 0, `focus on ${outline.tag} is visible`);
  }
});
