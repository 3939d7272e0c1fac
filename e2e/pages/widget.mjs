// Page object for one embedded widget: a script embed (a [data-pyprep] mount
// point whose open shadow root holds the widget) or an iframe embed (the
// widget is the frame's document). Playwright locators pierce open shadow
// roots, so the data-testid locators of the UI contract work unchanged; the
// in-page checks resolve the shadow root themselves.

export class WidgetPage {
  /**
   * @param ctx a Page (script embed, or the frame's own page) or a Frame
   * @param index index of the mount point among [data-pyprep] elements, or null for an iframe embed
   */
  constructor(ctx, index = null) {
    this.ctx = ctx;
    this.index = index;
  }

  /** The mount point element (script embed) or the frame's <html>. */
  get root() {
    return this.index === null ? this.ctx.locator('html') : this.ctx.locator('[data-pyprep]').nth(this.index);
  }

  testid(id) {
    return this.root.getByTestId(id);
  }

  /** A handle on the node the widget renders into: its shadow root, or the frame's document. */
  async rootHandle() {
    return this.ctx.evaluateHandle(
      (index) => (index === null ? document : (document.querySelectorAll('[data-pyprep]')[index]?.shadowRoot ?? null)),
      this.index,
    );
  }

  /** Runs `fn([root, arg])` in the page, root being the widget's shadow root or document. */
  async inWidget(fn, arg) {
    const root = await this.rootHandle();
    try {
      return await this.ctx.evaluate(fn, [root, arg]);
    } finally {
      await root.dispose();
    }
  }

  /** Waits until `fn([root, arg])` is truthy in the page (root may be null before mounting). */
  async waitInWidget(fn, arg) {
    const root = await this.rootHandle();
    try {
      await this.ctx.waitForFunction(fn, [root, arg]);
    } finally {
      await root.dispose();
    }
  }

  /**
   * Waits until the widget has rendered (its `widget` root) and fails with the
   * message shown when the loader or the configuration failed instead.
   */
  async ready() {
    await this.root
      .locator('[data-testid="widget"], [data-testid="embed-error"], [data-testid="config-error"]')
      .first()
      .waitFor();
    for (const failure of ['embed-error', 'config-error']) {
      if (await this.testid(failure).count()) throw new Error(`widget shows ${failure}: ${await this.testid(failure).first().textContent()}`);
    }
  }

  /** The id of the question on the current card. */
  async cardId() {
    const card = this.testid('card');
    await card.waitFor();
    return card.getAttribute('data-id');
  }

  /** Waits until the card shows a question other than `id`, or no card. */
  async waitForCardOtherThan(id) {
    await this.waitInWidget(([root, old]) => {
      const card = root?.querySelector('[data-testid="card"]');
      return !card || card.dataset.id !== old;
    }, id);
  }

  /** Waits until the card shows question `id`. */
  async waitForCard(id) {
    await this.waitInWidget(([root, want]) => root?.querySelector('[data-testid="card"]')?.dataset.id === want, id);
  }

  /** Reveals the answer and grades the current card (by tap with `{ tap: true }`); returns its id. */
  async revealAndGrade(grade = 'good', { tap = false } = {}) {
    const press = (locator) => (tap ? locator.tap() : locator.click());
    const id = await this.cardId();
    await press(this.testid('reveal'));
    await this.testid('answer-short').waitFor();
    await press(this.testid(`grade-${grade}`));
    await this.waitForCardOtherThan(id);
    return id;
  }

  /** The number shown by `queue-remaining` ("N left in this session"). */
  async queueRemaining() {
    const text = await this.testid('queue-remaining').textContent();
    return Number.parseInt(text.replace(/\D+/g, ''), 10);
  }

  /** Computed values of `props` on the first element with data-testid `id` inside the widget. */
  async computed(id, props) {
    return this.inWidget(
      ([root, [tid, names]]) => {
        const el = root.querySelector(`[data-testid="${tid}"]`);
        if (!el) return null;
        const style = getComputedStyle(el);
        return Object.fromEntries(names.map((n) => [n, style.getPropertyValue(n)]));
      },
      [id, props],
    );
  }
}
