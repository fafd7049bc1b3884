import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { type FixtureServer, startFixtureServer } from '../../e2e/support/fixture-server';
import { createMockSources, type MockSources } from '../../mock-sources/server';
import { DRIVER_HOST, Driver } from './driver';
import { launchFirefox, ROOT } from './firefox';
import { type SocksProxy, startSocksProxy } from './socks-proxy';

export interface FirefoxHarness {
  server: FixtureServer;
  proxy: SocksProxy;
  mock: MockSources;
  browser: Browser;
  /** Commands into the extension (test build). */
  driver: Driver;
  /** Opens a web page in a new tab, brings it to the front and returns it with the extension's id for the tab. */
  openTab(url: string): Promise<{ page: Page; tabId: number }>;
  close(): Promise<void>;
}

/** Fixture server (shop pages + the mock sources + the command endpoint), proxy and Firefox, wired together. */
export async function startFirefoxHarness(opts: { lang?: string } = {}): Promise<FirefoxHarness> {
  const mock = createMockSources();
  const driver = new Driver();
  const server = await startFixtureServer({
    root: ROOT,
    sitesDir: join(ROOT, 'tests', 'fixtures', 'sites'),
    extraHosts: { ...mock.hostHandlers(), [DRIVER_HOST]: driver.handle },
  });
  const proxy = await startSocksProxy(server.port);
  let browser: Browser;
  try {
    browser = await launchFirefox({ pac: proxy.pac(server.hosts), lang: opts.lang });
    await Promise.race([
      driver.ready,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('the test build never asked for commands')), 30_000),
      ),
    ]);
  } catch (error) {
    driver.close();
    await proxy.close();
    await server.close();
    throw error;
  }
  return {
    server,
    proxy,
    mock,
    browser,
    driver,
    async openTab(url) {
      // Opened by the extension, so its tab id is known (it has no `tabs` permission to look one up by URL).
      const opened = browser.waitForTarget((t) => t.url() === url);
      const tab = await driver.send<{ id: number }>({
        op: 'api',
        path: 'tabs.create',
        args: [{ url, active: true }],
      });
      const page = await (await opened).page();
      if (!page) throw new Error(`no page for ${url}`);
      await page.waitForFunction(() => document.readyState !== 'loading');
      return { page, tabId: tab.id };
    },
    async close() {
      driver.close();
      await browser.close().catch(() => {});
      await proxy.close();
      await server.close();
    },
  };
}
