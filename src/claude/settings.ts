/**
 * Planning edits of `.claude/settings.json` / `.claude/settings.local.json`: add or remove cccc's hook
 * registrations and nothing else (issue #4 §2; the original wiped invalid settings, inventory §10 B21).
 *
 * Pure: text in, `{text, changed}` out. `applySettingsPlan` (settings-file.ts) writes a plan with a backup.
 *
 * Rules:
 * - Parse first. Text that is not a JSON object → `InvalidInputError('SETTINGS_INVALID')` naming the file and
 *   saying nothing was changed; never a replacement. Empty or blank text counts as `{}` (nothing to lose).
 * - Every key and hook that is not ours is kept, in order; unchanged settings give `changed: false` and the
 *   original text back (idempotent: registering twice = once).
 * - Ours are recognised by structure, not by an extra key (Claude Code's handler schema has no documented
 *   place for a custom marker, B1): see {@link isCcccHandler}. This also finds our entries after the install
 *   path changed (new node, new npm prefix), so a re-registration replaces them instead of adding more.
 * - Removal drops groups, events and the `hooks` object only when removing our handlers emptied them; ones
 *   that were already empty stay. (An empty container the user had *before registration* and that then held
 *   only ours goes with them: an empty list means the same to Claude Code as no list.)
 * - Output keeps the file's indentation (2 spaces by default) and ends with a newline.
 */
import { InvalidInputError } from '../errors.js';

/** One hook handler (external-interfaces B1): `{type, command, args?, timeout?, …}`; other keys are kept. */
export interface HookHandler {
  type: string;
  command?: string;
  args?: string[];
  timeout?: number;
  [key: string]: unknown;
}

/** A matcher group: `{matcher?, hooks: [handler…]}`. Stop has no matcher. */
export interface MatcherGroup {
  matcher?: string;
  hooks: HookHandler[];
  [key: string]: unknown;
}

/** Event name (`Stop`, `PreToolUse`…) → matcher groups: the value of `settings.hooks`. */
export type HookRegistrations = Record<string, MatcherGroup[]>;

/** How cccc recognises its own handlers. */
export interface HookMarker {
  /** The entry file's path suffix, `/`-separated. */
  entryFile: string;
  /** The CLI subcommand in `args[1]`. */
  subcommand: string;
  /** The hook names in `args[2]`. */
  hookNames: readonly string[];
}

/**
 * cccc's marker: an exec-form handler `{"type":"command","args":[<…/dist/src/bin.js>,"hook",<stop|stop-failure|guard>]}`
 * — the entry file of this package run as `hook <name>` (Windows `\` paths included).
 */
export const CCCC_HOOK_MARKER: HookMarker = {
  entryFile: 'dist/src/bin.js',
  subcommand: 'hook',
  hookNames: ['stop', 'stop-failure', 'guard'],
};

/** A planned settings file: the new text, whether it differs, and the text it was planned from. */
export interface SettingsPlan {
  /** File name used in messages. */
  file: string;
  text: string;
  changed: boolean;
  /** The text the plan was computed from (null: the file did not exist); `applySettingsPlan` checks it. */
  previousText: string | null;
}

/** One of our registrations found in a settings file (for `cccc loop status` / `doctor`). */
export interface FoundRegistration {
  event: string;
  matcher: string | null;
  hookName: string;
  command: string | null;
  args: string[];
}

/** True when `handler` is one of cccc's (see {@link CCCC_HOOK_MARKER}). */
export function isCcccHandler(handler: unknown, marker: HookMarker = CCCC_HOOK_MARKER): boolean {
  if (!isObject(handler) || handler.type !== 'command' || !Array.isArray(handler.args)) return false;
  const [entry, sub, name] = handler.args as unknown[];
  if (typeof entry !== 'string' || sub !== marker.subcommand || typeof name !== 'string') return false;
  const normal = entry.replace(/\\/g, '/');
  return marker.hookNames.includes(name) && (normal === marker.entryFile || normal.endsWith(`/${marker.entryFile}`));
}

/**
 * Add (or refresh) `entries` in the settings text. Each of our handlers already present under the same event
 * and matcher is replaced in place; a missing one is appended in a group of its own; stale ones of ours
 * (other events, old matchers, duplicates) are removed. Throws `InvalidInputError('SETTINGS_INVALID')`.
 */
export function planHookRegistration(
  existingText: string | null,
  entries: HookRegistrations,
  options: { file?: string; marker?: HookMarker } = {},
): SettingsPlan {
  const file = options.file ?? '.claude/settings.json';
  const marker = options.marker ?? CCCC_HOOK_MARKER;
  const original = parseSettings(existingText, file);
  const work = structuredClone(original);
  const hooks = objectField(work, 'hooks', file, true) as Record<string, unknown>;
  const placed = new Set<unknown>();
  for (const [event, groups] of Object.entries(entries)) {
    const created = new Map<string, MatcherGroup>();
    for (const desiredGroup of groups) {
      for (const desired of desiredGroup.hooks) {
        const current = eventGroups(hooks, event, file);
        const fresh = structuredClone(desired);
        const spot = findOurs(current, desired, desiredGroup.matcher, marker, placed);
        if (spot !== null) spot.group.hooks[spot.index] = fresh;
        else {
          const key = matcherKey(desiredGroup.matcher);
          const mine = created.get(key);
          if (mine !== undefined) mine.hooks.push(fresh);
          else {
            const group: MatcherGroup = desiredGroup.matcher === undefined ? { hooks: [fresh] } : { matcher: desiredGroup.matcher, hooks: [fresh] };
            current.push(group);
            created.set(key, group);
          }
        }
        placed.add(fresh);
      }
    }
  }
  removeHandlers(work, (h) => isCcccHandler(h, marker) && !placed.has(h));
  if (isObject(work.hooks) && Object.keys(work.hooks).length === 0 && !isObject(original.hooks)) delete work.hooks;
  return finish(file, existingText, original, work);
}

/** Remove every handler of ours (any event). Throws `InvalidInputError('SETTINGS_INVALID')` on bad JSON. */
export function planHookRemoval(
  existingText: string | null,
  marker: HookMarker = CCCC_HOOK_MARKER,
  options: { file?: string } = {},
): SettingsPlan {
  const file = options.file ?? '.claude/settings.json';
  const original = parseSettings(existingText, file);
  const work = structuredClone(original);
  removeHandlers(work, (h) => isCcccHandler(h, marker));
  return finish(file, existingText, original, work);
}

/** Our registrations in a settings text (empty for a missing or blank file). Throws on invalid JSON. */
export function findHookRegistrations(
  existingText: string | null,
  marker: HookMarker = CCCC_HOOK_MARKER,
  options: { file?: string } = {},
): FoundRegistration[] {
  const settings = parseSettings(existingText, options.file ?? '.claude/settings.json');
  const found: FoundRegistration[] = [];
  if (!isObject(settings.hooks)) return found;
  for (const [event, groups] of Object.entries(settings.hooks)) {
    if (!Array.isArray(groups)) continue;
    for (const group of groups) {
      if (!isObject(group) || !Array.isArray(group.hooks)) continue;
      for (const h of group.hooks) {
        if (!isCcccHandler(h, marker)) continue;
        const handler = h as HookHandler;
        const args = handler.args as string[];
        found.push({ event, matcher: typeof group.matcher === 'string' ? group.matcher : null, hookName: args[2] as string, command: handler.command ?? null, args });
      }
    }
  }
  return found;
}

/** Parse settings text into an object; blank → `{}`. */
function parseSettings(text: string | null, file: string): Record<string, unknown> {
  if (text === null || text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw invalid(file, `is not valid JSON (${(error as Error).message.replace(/\s+/g, ' ')})`);
  }
  if (!isObject(value)) throw invalid(file, 'must hold a JSON object');
  return value;
}

function invalid(file: string, problem: string): InvalidInputError {
  return new InvalidInputError(
    'SETTINGS_INVALID',
    `${file} ${problem}; nothing was changed.`,
    `Fix ${file} (Claude Code cannot load it either: no comments or trailing commas), then run the command again.`,
    { file },
  );
}

/** `parent[key]` as an object, created when missing and `create`; throws SETTINGS_INVALID when it is not one. */
function objectField(parent: Record<string, unknown>, key: string, file: string, create: boolean): Record<string, unknown> | null {
  const value = parent[key];
  if (value === undefined && create) return (parent[key] = {}) as Record<string, unknown>;
  if (value === undefined) return null;
  if (!isObject(value)) throw invalid(file, `field "${key}" must be an object`);
  return value;
}

/** `hooks[event]` as an array (created when missing); throws SETTINGS_INVALID when it is not one. */
function eventGroups(hooks: Record<string, unknown>, event: string, file: string): MatcherGroup[] {
  if (hooks[event] === undefined) hooks[event] = [];
  const groups = hooks[event];
  if (!Array.isArray(groups)) throw invalid(file, `field "hooks.${event}" must be an array`);
  return groups as MatcherGroup[];
}

/** The first unplaced handler of ours with the same hook name, in a group with the same matcher. */
function findOurs(
  groups: MatcherGroup[],
  desired: HookHandler,
  matcher: string | undefined,
  marker: HookMarker,
  placed: Set<unknown>,
): { group: MatcherGroup; index: number } | null {
  const name = desired.args?.[2];
  for (const group of groups) {
    if (!isObject(group) || !Array.isArray(group.hooks) || matcherKey(group.matcher) !== matcherKey(matcher)) continue;
    const index = group.hooks.findIndex((h) => !placed.has(h) && isCcccHandler(h, marker) && (h as HookHandler).args?.[2] === name);
    if (index >= 0) return { group, index };
  }
  return null;
}

/** Matchers that mean "all": missing, '' and '*' (B1). */
function matcherKey(matcher: unknown): string {
  return matcher === undefined || matcher === '' || matcher === '*' ? '' : String(matcher);
}

/** Remove handlers matching `drop`; drop the groups, events and `hooks` object this empties (only those). */
function removeHandlers(settings: Record<string, unknown>, drop: (handler: unknown) => boolean): void {
  const hooks = settings.hooks;
  if (!isObject(hooks)) return;
  let emptiedEvents = 0;
  for (const event of Object.keys(hooks)) {
    const groups = hooks[event];
    if (!Array.isArray(groups)) continue;
    let removed = false;
    const kept: unknown[] = [];
    for (const group of groups) {
      if (!isObject(group) || !Array.isArray(group.hooks)) {
        kept.push(group);
        continue;
      }
      const handlers = group.hooks.filter((h) => !drop(h));
      if (handlers.length === group.hooks.length) kept.push(group);
      else {
        removed = true;
        if (handlers.length > 0) kept.push({ ...group, hooks: handlers });
      }
    }
    if (!removed) continue;
    if (kept.length === 0) {
      delete hooks[event];
      emptiedEvents += 1;
    } else hooks[event] = kept;
  }
  if (emptiedEvents > 0 && Object.keys(hooks).length === 0) delete settings.hooks;
}

/** The plan: the original text when nothing changed (a missing file stays missing: text ''), else new JSON. */
function finish(file: string, existingText: string | null, original: unknown, work: unknown): SettingsPlan {
  const changed = JSON.stringify(original) !== JSON.stringify(work);
  if (!changed) return { file, text: existingText ?? '', changed: false, previousText: existingText };
  return { file, text: `${JSON.stringify(work, null, indentOf(existingText))}\n`, changed: true, previousText: existingText };
}

/** The indentation of an existing JSON text (first indented line), or 2 spaces. */
function indentOf(text: string | null): string | number {
  const match = text === null ? null : /\n([ \t]+)\S/.exec(text);
  return match?.[1] ?? 2;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
