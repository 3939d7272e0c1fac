// Page object for the standalone app: navigation by hash route and the
// data-testid locators of the UI contract.
export const STORAGE_KEY = 'pyprep:python:v1';

export class AppPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  testid(id) {
    return this.page.getByTestId(id);
  }

  /** Opens a hash route (e.g. '/browse') and waits until the app has rendered. */
  async open(route = '/') {
    await this.page.goto(`${this.baseUrl}#${route}`);
    await this.ready();
  }

  async ready() {
    await this.testid('nav-home').waitFor();
    // A screen that loads on first use has arrived (src/ui/lazy.rs).
    await this.page.waitForFunction(() => !document.querySelector('[data-testid="part-loading"]'));
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  async questionLinks() {
    return this.testid('question-link');
  }

  /** The id of the question on the current card. */
  async cardId() {
    const card = this.testid('card');
    await card.waitFor();
    return card.getAttribute('data-id');
  }

  /** Waits until the card shows a question other than `id`, or no card (session over). */
  async waitForCardOtherThan(id) {
    await this.page.waitForFunction((old) => {
      const card = document.querySelector('[data-testid="card"]');
      return !card || card.dataset.id !== old;
    }, id);
  }

  /** Reveals the answer and grades the current card; returns its id. */
  async revealAndGrade(grade = 'good') {
    const id = await this.cardId();
    await this.testid('reveal').click();
    await this.testid('answer-short').waitFor();
    await this.testid(`grade-${grade}`).click();
    await this.waitForCardOtherThan(id);
    return id;
  }

  /** The progress envelope as stored in localStorage (null if none), once the
   * app's pending save (scheduled for after the frame) has run. */
  async storedProgress() {
    return this.page.evaluate(
      (key) => new Promise((done) => setTimeout(() => done(JSON.parse(localStorage.getItem(key) ?? 'null')), 0)),
      STORAGE_KEY,
    );
  }

  /** Question ids that have progress stored. */
  async storedIds() {
    const stored = await this.storedProgress();
    return Object.keys(stored?.questions ?? {}).sort();
  }

  /** Sum of a per-category count on the home screen (count-new, count-learning, ...). */
  async homeTotal(testid) {
    // The start page is a part that loads on first use: wait for it.
    await this.testid(testid).first().waitFor();
    const texts = await this.testid(testid).allTextContents();
    return texts.reduce((sum, t) => sum + Number.parseInt(t.replace(/\D+/g, '') || '0', 10), 0);
  }

  /** Width the page can scroll sideways by (0 when nothing overflows). */
  async horizontalOverflow() {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }
}
