import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** A browser the machine already has: the one named by CHROMIUM_PATH, else Debian's chromium. */
const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags this sandbox needs: no sandbox as root, no GPU, nothing fetched in the background. */
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface ChromiumInstall {
  executablePath: string;
  /** Environment the browser needs beyond ours. */
  env?: Record<string, string>;
}

/**
 * The Chromium to launch: CHROMIUM_PATH when set, a system chromium when present, else the one
 * `@sparticuz/chromium` (a dev dependency) ships inside its npm package, unpacked into the temp folder on
 * first use. A test run then needs nothing installed by hand: `npm install` brings the browser.
 */
export async function findChromium(): Promise<ChromiumInstall> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, and there is no file there: unset it to use the bundled Chromium`);
    return { executablePath: configured };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM };
  const { default: bundled } = await import('@sparticuz/chromium');
  const executablePath = await bundled.executablePath();
  // The fonts it unpacks beside the binary, not the machine's (a bare machine may have none): the same page on every machine.
  return { executablePath, env: { FONTCONFIG_PATH: process.env.FONTCONFIG_PATH ?? join(tmpdir(), 'fonts') } };
}

/** Headless Chromium for the rendering tests. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, env } = await findChromium();
  return chromium.launch({ executablePath, args: LAUNCH_ARGS, env: env && { ...process.env, ...env } });
}
