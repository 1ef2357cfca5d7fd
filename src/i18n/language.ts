/**
 * The user's language for human-facing text (issue #5 "Human-facing language"): `language.user_language`
 * from config, where `auto` means from `LC_ALL` / `LC_MESSAGES` / `LANG` (a `zh` locale gives zh-CN).
 * JSON keys and status names always stay English.
 */

/** Languages with a message catalogue. */
export type Language = 'en' | 'zh-CN';

/** Resolve a configured language (`auto`, `en`, `zh-CN`, or another tag) to a catalogue language. */
export function resolveLanguage(configured: string | undefined, env: Record<string, string | undefined> = process.env): Language {
  const value = !configured || configured === 'auto' ? env.LC_ALL || env.LC_MESSAGES || env.LANG || 'en' : configured;
  return value.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
