/**
 * The message catalogue: every human-facing line of cccc's commands, `next` instructions, the Stop hook's
 * continuation text and doctor's hints, in English and Simplified Chinese (issue #5 "Human-facing language").
 * Both catalogues have the same keys (the type system checks it per section; a test also checks that each
 * key has the same `{placeholders}` in both). JSON output keys and status names are never translated.
 *
 * The sections live in `./messages/`; this module only joins them, so it stays cheap to import.
 */
import type { Language } from './language.js';
import { EN_COMMANDS, ZH_COMMANDS } from './messages/commands.js';
import { EN_DOCTOR, ZH_DOCTOR } from './messages/doctor.js';
import { EN_OPERATIONS, ZH_OPERATIONS } from './messages/operations.js';
import { EN_WORKFLOW, ZH_WORKFLOW } from './messages/workflow.js';

/** The English catalogue. */
export const EN = { ...EN_WORKFLOW, ...EN_COMMANDS, ...EN_DOCTOR, ...EN_OPERATIONS } as const;

/** A catalogue key. */
export type MessageKey = keyof typeof EN;

/** The Simplified Chinese catalogue. */
export const ZH: Record<MessageKey, string> = { ...ZH_WORKFLOW, ...ZH_COMMANDS, ...ZH_DOCTOR, ...ZH_OPERATIONS };

/** The catalogue for `language`. */
export function catalogue(language: Language): Record<MessageKey, string> {
  return language === 'zh-CN' ? ZH : EN;
}

/** The message `key` in `language` with `{name}` placeholders filled from `values` (unknown names stay as written). */
export function format(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return catalogue(language)[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** A translator bound to one language: `t('status.task', {task})`. */
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The {@link Translate} function for `language`. */
export function translator(language: Language): Translate {
  return (key, values) => format(language, key, values);
}
