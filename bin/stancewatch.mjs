#!/usr/bin/env node
// The CLI is TypeScript; tsx compiles it on the fly so `npx stancewatch` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import(new URL('./cli.ts', import.meta.url).href);
process.exitCode = await main(process.argv);
