/**
 * The guard's rule vocabulary and the per-command entry point. Each rule is a small named function in
 * `guard-destructive.ts` or `guard-access.ts` that looks at one {@link SimpleCommand} and returns the hits it
 * finds; `guard.ts` keeps the hits whose `safety.*` flag is on.
 */
import type { SimpleCommand, ShellWord } from './shell-commands.js';
import type { GuardPlace } from './guard-paths.js';
import { databaseHits, deleteHits, findDeleteHits, gitHits } from './guard-destructive.js';
import { ccccStateShellHits, deployHits, moneyHits, secretShellHits } from './guard-access.js';

/**
 * Stable rule codes (issue #4 §3), each with the `safety.*` flag that turns it on:
 * `recursive-delete`, `force-push`, `history-rewrite`, `discard-changes`, `drop-database` →
 * `pause_on_destructive_commands`; `secret-file` → `pause_on_real_secrets`; `private-key` →
 * `pause_on_wallet_private_keys`; `deploy-publish` → `pause_on_production_access`; `real-money` →
 * `pause_on_real_money`; `cccc-state` (hand edits of docs/cccc/state.json, the journal or the loop counters)
 * and `unparseable` (nested too deep to check) are always on.
 */
export type GuardRule =
  | 'recursive-delete'
  | 'force-push'
  | 'history-rewrite'
  | 'discard-changes'
  | 'drop-database'
  | 'secret-file'
  | 'private-key'
  | 'deploy-publish'
  | 'real-money'
  | 'cccc-state'
  | 'unparseable';

/** The `safety.*` config flags (docs/cccc/config.json, inventory §3). A missing flag counts as true. */
export interface SafetyFlags {
  pause_on_real_secrets: boolean;
  pause_on_wallet_private_keys: boolean;
  pause_on_production_access: boolean;
  pause_on_real_money: boolean;
  pause_on_destructive_commands: boolean;
}

/** Which flag turns each rule on; null = always on. */
export const RULE_FLAG: Record<GuardRule, keyof SafetyFlags | null> = {
  'recursive-delete': 'pause_on_destructive_commands',
  'force-push': 'pause_on_destructive_commands',
  'history-rewrite': 'pause_on_destructive_commands',
  'discard-changes': 'pause_on_destructive_commands',
  'drop-database': 'pause_on_destructive_commands',
  'secret-file': 'pause_on_real_secrets',
  'private-key': 'pause_on_wallet_private_keys',
  'deploy-publish': 'pause_on_production_access',
  'real-money': 'pause_on_real_money',
  'cccc-state': null,
  unparseable: null,
};

/** One finding: the rule and a short description of what was found (completes "cccc guard: …"). */
export interface RuleHit {
  rule: GuardRule;
  reason: string;
}

/** Facts the rules need besides the command itself. */
export interface GuardContext extends GuardPlace {
  /** Whether `git status --porcelain` shows changes; null when unknown (treated as dirty). */
  treeDirty: boolean | null;
}

/** Every hit for one simple command, in rule order. */
export function commandHits(command: SimpleCommand, context: GuardContext): RuleHit[] {
  return [
    ...deleteHits(command, context),
    ...findDeleteHits(command, context),
    ...gitHits(command, context),
    ...databaseHits(command),
    ...secretShellHits(command, context),
    ...ccccStateShellHits(command, context),
    ...deployHits(command),
    ...moneyHits(command),
  ];
}

/** Options and positional words of `args`; `valued` lists options that take the next word as their value. */
export function splitArgs(args: ShellWord[], valued: readonly string[] = []): { flags: string[]; positionals: ShellWord[] } {
  const flags: string[] = [];
  const positionals: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as ShellWord;
    if (w.text === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (w.text.startsWith('-') && w.text.length > 1 && !w.glob) {
      flags.push(w.text);
      if (valued.includes(w.text)) i += 1;
      continue;
    }
    positionals.push(w);
  }
  return { flags, positionals };
}

/** True when `flags` has `long` (or `long=…`) or a short cluster (`-rf`) containing `short`. */
export function hasFlag(flags: readonly string[], short: string | null, long: string | null): boolean {
  return flags.some(
    (f) =>
      (long !== null && (f === long || f.startsWith(`${long}=`))) ||
      (short !== null && !f.startsWith('--') && f.slice(1).includes(short)),
  );
}
