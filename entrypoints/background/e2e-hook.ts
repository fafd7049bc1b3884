import { browser } from 'wxt/browser';
import { runE2eCommand } from './e2e-commands';

/**
 * TEST BUILDS ONLY (`wxt build --mode e2e`, written to .output/<browser>-mv3-e2e; see
 * tests/e2e-firefox/README.md). Firefox's WebDriver BiDi neither navigates to nor scripts moz-extension://
 * pages (extension contexts are hidden from it, Mozilla bug 1755014), and no test can click a native menu. So in
 * a test build the background asks the test's own server for commands — open an extension page in a tab, read
 * or act on its DOM, call a `browser.*` API, run a right-click item — and posts back each result. The call in
 * index.ts sits behind `import.meta.env.MODE === 'e2e'`, so shipped builds drop this module and the next;
 * scripts/lint-firefox.mjs fails when the marker below is found in a shipped build.
 */
export const E2E_HOOK_MARKER = 'sourcelens-e2e-hook';

/** The test's command endpoint: a reserved `.test` name the test browser's proxy sends to the test's server. */
const DRIVER_URL = 'https://sourcelens-e2e.test/driver';

export function installE2eHook(): void {
  void drive();
}

/** Long-polls the endpoint: each request carries the previous command's result and brings back the next one. */
async function drive(): Promise<void> {
  let reply: unknown = { hello: E2E_HOOK_MARKER };
  for (;;) {
    let command: unknown;
    try {
      const res = await fetch(DRIVER_URL, { method: 'POST', body: JSON.stringify(reply) });
      command = await res.json();
    } catch {
      // The test's server is not up yet (or went away): ask again shortly, as a newcomer.
      await new Promise((resolve) => setTimeout(resolve, 250));
      reply = { hello: E2E_HOOK_MARKER };
      continue;
    }
    reply = await runE2eCommand(browser, command);
  }
}
