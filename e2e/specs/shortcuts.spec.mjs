// The shortcuts dialog on a phone (B11): the key boxes never wrap or break,
// and on a touch screen the dialog lists the swipe gestures.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useApp } from '../lib/fixture.mjs';

const env = useApp();
const PHONE = { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Opens the dialog with the header's ? button; returns each key box's line count and whether it fits the dialog. */
async function openDialog(app, press) {
  await app.open('/practice');
  const help = app.page.locator('button.help-button');
  await (press === 'tap' ? help.tap() : help.click());
  await app.testid('shortcuts-dialog').waitFor();
  return app.testid('shortcuts-dialog').evaluate((dialog) => {
    const box = dialog.getBoundingClientRect();
    return [...dialog.querySelectorAll('kbd')].map((kbd) => {
      const r = kbd.getBoundingClientRect();
      return { text: kbd.textContent, lines: kbd.getClientRects().length, fits: r.left >= box.left && r.right <= box.right, tall: r.height > 2 * parseFloat(getComputedStyle(kbd).fontSize) };
    });
  });
}

test('B11: on a phone the shortcuts dialog keeps each key box on one line and lists the swipes', async () => {
  const app = await env.app(PHONE);
  const boxes = await openDialog(app, 'tap');
  const grades = boxes.find((b) => b.text === '1 2 3 4');
  assert.ok(grades, 'the grade keys are listed');
  assert.deepEqual(boxes.filter((b) => b.lines !== 1 || b.tall || !b.fits), [], 'no key box wraps, breaks or spills out');
  const gestures = app.testid('gestures');
  await gestures.waitFor();
  const text = await gestures.textContent();
  assert.match(text, /Swipe left.*Next question/s);
  assert.match(text, /Swipe right.*Previous question/s);
  assert.deepEqual(app.page.errors, []);
});

test('with a mouse and keyboard the dialog lists the keys only', async () => {
  const app = await env.app();
  const boxes = await openDialog(app, 'click');
  assert.ok(boxes.length >= 7);
  assert.equal(await app.testid('gestures').count(), 0);
  assert.deepEqual(app.page.errors, []);
});
