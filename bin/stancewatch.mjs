#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so `npx stancewatch` needs no build step.
import { register } from 'tsx/esm/api';

// The SDK warns on every run under Node 20 about releases from 2027 on; the CLI's own engines
// field says what it needs, so keep the terminal for the digest.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import(new URL('./cli.ts', import.meta.url).href);
process.exitCode = await main(process.argv);
