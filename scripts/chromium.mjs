import { existsSync } from 'node:fs';

/** Where Debian's Chromium is (or CHROME_PATH), and whether it is there. */
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
export const hasChromium = () => existsSync(chromiumPath);
