/**
 * `node:fs` for the hook's hot path, loaded through `createRequire`. An ESM `import … from 'node:fs'` makes Node
 * build the module's export namespace, which reads every lazy getter of `fs` (`ReadStream`, `promises`…) and so
 * loads about twenty stream modules — measured at 2–5 ms of the Stop hook's budget (bench/hook.mjs). `require`
 * hands back the same object without touching those getters. Commands use plain `node:fs` imports.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The `node:fs` module object (synchronous functions only are used on the hook path). */
export const fs = require('node:fs') as typeof import('node:fs');
