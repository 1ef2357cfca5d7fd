/**
 * `cccc hook <stop|stop-failure|guard>`: Claude Code hook entry points. They fail open — on any internal
 * error they exit 0 and print nothing on stdout (brief, "The Stop hook fails open"); diagnostics go to stderr.
 */

/** Run the hook named `args[0]`; resolves to the exit code (always 0). */
export async function runHookEntry(args: string[]): Promise<number> {
  try {
    process.stderr.write(`cccc hook ${args[0] ?? ''}: not wired yet; allowing\n`);
  } catch {
    // Fail open.
  }
  return 0;
}
