/**
 * Script entry of the plugin's hooks (`node ${CLAUDE_PLUGIN_ROOT}/dist/src/plugin/hook-bin.js <name>`, see
 * hook-entry.ts). Like `cccc hook`, it always exits 0 (the hook fails open) and leaves the exit code alone.
 */
import { runPluginHook } from './hook-entry.js';

await runPluginHook(process.argv[2] ?? '');
