#!/usr/bin/env node
// `npm run screenshots [-- --review DIR]`: the README's pictures, made by driving the built extension in
// Debian's Chromium against the local mock sources and the saved Taobao page — never by hand, so they show the
// extension as it is. Writes docs/sidepanel.png (light), docs/sidepanel-dark.png, docs/compare.png,
// docs/ask.png, docs/popup.png and docs/options.png. With --review DIR it also writes the side panel at 320 px
// wide and in Chinese (zh-CN) there, the views to look at before calling a UI change done.
// Needs the built extension (`npm run build`), as the browser tests do.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { register } from 'tsx/esm/api';

register();
const ROOT = resolve(import.meta.dirname, '..');
const DOCS = join(ROOT, 'docs');
const reviewAt = process.argv.indexOf('--review');
const REVIEW = reviewAt > 0 ? resolve(process.argv[reviewAt + 1] ?? '/tmp/shots') : null;

const { startHarness } = await import('../tests/e2e/support/harness.ts');
const { createMockSources } = await import('../tests/mock-sources/server.ts');
const { ShopTab } = await import('../tests/e2e/pages/ShopTab.ts');
const { SearchBox, SidePanelPage } = await import('../tests/e2e/pages/SidePanelPage.ts');
const { ResultsPanel } = await import('../tests/e2e/pages/ResultsPanel.ts');

const PANEL = { width: 400, height: 860 };
const SHOP_URL = 'https://item.taobao.com/item.htm?id=712345678901';

/** A browser on the mock with the Taobao page spotted and the side panel open on it, searched. */
async function searchedPanel(lang) {
  const mock = createMockSources();
  const h = await startHarness(mock.hostHandlers(), { lang });
  await h.browser.worker.evaluate(() =>
    chrome.storage.sync.set({ sourceSettings: { minIntervalMs: 300, jitterMs: 0, cacheHours: 24 } }),
  );
  const tab = await ShopTab.open(h.browser, SHOP_URL);
  await tab.waitForReport((r) => r !== null);
  const panel = await SidePanelPage.open(h.browser, tab.tabId);
  await panel.page.setViewportSize(PANEL);
  await offerPictures(panel.page);
  const box = new SearchBox(panel.page);
  await box.search();
  const results = new ResultsPanel(panel.page);
  await results.cards.first().waitFor();
  await settle(panel.page);
  return { h, panel, box, results };
}

/** Pictures loaded (or refused) and the virtualiser's measurements applied. */
async function settle(page) {
  await page.evaluate(async () => {
    const done = (img) =>
      img.complete
        ? null
        : new Promise((r) => {
            img.addEventListener('load', r, { once: true });
            img.addEventListener('error', r, { once: true });
          });
    await Promise.race([
      Promise.all([...document.images].map(done)),
      new Promise((r) => setTimeout(r, 3000)),
    ]);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  await page.waitForTimeout(150);
}

/**
 * The mock's offers name pictures on 1688's image host, which the mock does not serve: in these pictures the
 * page shows them with the photos saved for the tests (tests/fixtures/sites/www.example-shop.test/img), chosen
 * by offer id, so the cards look as they do with real pictures. Only the page's own requests are answered (not
 * the background's, which hashes pictures): the photos repeat, and must not make the offers one same-photo
 * cluster.
 */
async function offerPictures(page) {
  const photos = ['ukbench00120.jpg', 'ukbench01380.jpg', 'stoplights.jpg', 'babylonian.png'].map((f) =>
    readFileSync(join(ROOT, 'tests', 'fixtures', 'sites', 'www.example-shop.test', 'img', f)),
  );
  await page.route(/^https:\/\/cbu01\.alicdn\.com\//, (route) => {
    const id = Number(/(\d+)\.jpg/.exec(route.request().url())?.[1]?.slice(-3) ?? 0);
    return route.fulfill({ status: 200, body: photos[id % photos.length] });
  });
}

async function shot(page, file, opts = {}) {
  mkdirSync(join(file, '..'), { recursive: true });
  // Transitions finished first: a shot taken right after switching to dark caught buttons half-way there.
  await page.screenshot({ path: file, animations: 'disabled', ...opts });
  console.log(`wrote ${file}`);
}

async function readme() {
  const { h, panel, results } = await searchedPanel('en-US');
  const page = panel.page;
  try {
    // The panel as a seller first sees it: the product, the search, the best matches.
    await page.emulateMedia({ colorScheme: 'light' });
    await settle(page);
    await shot(page, join(DOCS, 'sidepanel.png'));
    await page.emulateMedia({ colorScheme: 'dark' });
    await settle(page);
    await shot(page, join(DOCS, 'sidepanel-dark.png'));
    await page.emulateMedia({ colorScheme: 'light' });

    // Three offers ticked, then side by side.
    const ids = await results.renderedIds();
    for (const id of ids.slice(0, 3)) await results.card(id).getByTestId('offer-compare').check();
    await page.getByTestId('compare-open').click();
    await results.compareView.waitFor();
    await settle(page);
    await shot(page, join(DOCS, 'compare.png'));
    await page.keyboard.press('Escape');
    await results.compareView.waitFor({ state: 'detached' });

    // Asking the first offer's supplier.
    await results.card(ids[0]).getByTestId('offer-ask').click();
    await results.askDialog.waitFor();
    await settle(page);
    await shot(page, join(DOCS, 'ask.png'));
    await page.keyboard.press('Escape');

    // Two offers kept (one asked about), for the popup's shortlist.
    await results.keep(ids[0], { note: 'Best price at 50', tags: ['summer'] });
    await results.keep(ids[1], { tags: ['backup'] });
    const popup = await h.browser.openExtensionPage('popup.html');
    await offerPictures(popup);
    await popup.reload();
    await popup.setViewportSize({ width: 380, height: 600 });
    await settle(popup);
    await shot(popup, join(DOCS, 'popup.png'));
    if (REVIEW) await popupDetailShots(popup, 'en');

    // The options as a person sees them: the source limits back at their defaults (the run above shortened them).
    await h.browser.worker.evaluate(() => chrome.storage.sync.remove('sourceSettings'));
    const options = await h.browser.openExtensionPage('options.html');
    await options.setViewportSize({ width: 820, height: 1100 });
    await settle(options);
    await shot(options, join(DOCS, 'options.png'));
    if (REVIEW) {
      const templates = options.getByTestId('inquiry-templates');
      await templates.scrollIntoViewIfNeeded();
      await templates.screenshot({ path: join(REVIEW, 'options-templates.png') });
    }

    if (REVIEW) {
      await page.setViewportSize({ width: 320, height: 760 });
      await settle(page);
      await shot(page, join(REVIEW, 'sidepanel-320.png'));
      await shot(page, join(REVIEW, 'sidepanel-320-full.png'), { fullPage: true });
      await page.emulateMedia({ colorScheme: 'dark' });
      await shot(page, join(REVIEW, 'sidepanel-320-dark.png'));
      await page.emulateMedia({ colorScheme: 'light' });
      await page.getByTestId('compare-open').click();
      await results.compareView.waitFor();
      await shot(page, join(REVIEW, 'compare-320.png'));
      await page.keyboard.press('Escape');
      await results.card(ids[2]).getByTestId('offer-ask').click();
      await results.askDialog.waitFor();
      await shot(page, join(REVIEW, 'ask-320.png'));
      await page.keyboard.press('Escape');
    }
  } finally {
    await h.close();
  }
}

async function chinese() {
  const { h, panel, results } = await searchedPanel('zh-CN');
  const page = panel.page;
  try {
    await settle(page);
    await shot(page, join(REVIEW, 'sidepanel-zh.png'));
    await page.setViewportSize({ width: 320, height: 760 });
    await settle(page);
    await shot(page, join(REVIEW, 'sidepanel-zh-320.png'), { fullPage: true });
    const [id] = await results.renderedIds();
    await results.card(id).getByTestId('offer-ask').click();
    await results.askDialog.waitFor();
    await shot(page, join(REVIEW, 'ask-zh-320.png'));
    await page.keyboard.press('Escape');
    await results.card(id).getByTestId('offer-keep').click();
    await results.keepDialog.waitFor();
    await shot(page, join(REVIEW, 'keep-zh-320.png'));
    await results.keepDialog.getByTestId('keep-save').click();
    await results.keepDialog.waitFor({ state: 'detached' });
    const popup = await h.browser.openExtensionPage('popup.html');
    await offerPictures(popup);
    await popup.reload();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popupDetailShots(popup, 'zh');
  } finally {
    await h.close();
  }
}

/**
 * The popup's detail of the first kept offer after its page was read once: its tiers and the variants kept as
 * last read (light and dark), the view to look at for the shortlist's detail.
 */
async function popupDetailShots(popup, lang) {
  const row = popup.getByTestId('shortlist-row').first();
  await row.click();
  await popup.getByTestId('shortlist-detail').waitFor();
  await popup.getByTestId('detail-read-offer').click();
  await popup.getByTestId('offer-details').waitFor({ timeout: 60_000 });
  await popup.keyboard.press('Escape');
  await popup.getByTestId('shortlist-detail').waitFor({ state: 'detached' });
  await row.click();
  const asRead = popup.getByTestId('detail-variants-as-read');
  await asRead.waitFor();
  await asRead.scrollIntoViewIfNeeded();
  await settle(popup);
  await shot(popup, join(REVIEW, `popup-detail-variants-${lang}.png`));
  await popup.emulateMedia({ colorScheme: 'dark' });
  await shot(popup, join(REVIEW, `popup-detail-variants-${lang}-dark.png`));
  await popup.emulateMedia({ colorScheme: 'light' });
}

await readme();
if (REVIEW) await chinese();
