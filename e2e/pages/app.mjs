// Page object for the standalone app: navigation by hash route and the
// data-testid locators of the UI contract.
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
  }

  async questionLinks() {
    return this.testid('question-link');
  }

  /** Width the page can scroll sideways by (0 when nothing overflows). */
  async horizontalOverflow() {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }
}
