/**
 * Options of `cccc setup [--preset recommended|strict|custom] [--config-file F|-] [--language auto|en|zh-CN]
 * [--keep|--rebuild] [--yes]` (issue #2 §4), independent of commander: the CLI passes its parsed flags and
 * {@link parseSetupOptions} checks them (shadcn's zod-per-command habit, style.md).
 */
import { z } from 'zod';
import { UsageError } from '../errors.js';

/** `--language`: `auto`, or a BCP-47-like tag; messages exist for `en` and `zh-CN`, other tags are stored as given. */
const LanguageTag = z
  .string()
  .regex(/^(auto|[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)$/, 'must be auto, en, zh-CN or another language tag such as ja or pt-BR');

/** The flags of `cccc setup`, as the CLI hands them over (all optional; other keys such as `json` are ignored). */
export const SetupOptionsSchema = z.object({
  preset: z.enum(['recommended', 'strict', 'custom']).optional(),
  /** Custom config JSON (may be partial) or `-` for stdin; implies `--preset custom`. */
  configFile: z.string().min(1).optional(),
  language: LanguageTag.optional(),
  /** Existing config: keep it, fill only missing files. */
  keep: z.boolean().optional(),
  /** Existing config: back it up and rewrite it from the preset. */
  rebuild: z.boolean().optional(),
  /** Never ask; with `--rebuild`, also replace a config that does not parse (after backing it up). */
  yes: z.boolean().optional(),
});

/** `cccc setup` options (commander-independent). */
export type SetupOptions = z.input<typeof SetupOptionsSchema>;

/** Checked setup options: `preset` is resolved (`--config-file` implies `custom`). */
export interface ResolvedSetupOptions {
  preset: 'recommended' | 'strict' | 'custom' | undefined;
  configFile: string | undefined;
  language: string | undefined;
  keep: boolean;
  rebuild: boolean;
  yes: boolean;
}

/**
 * Validate setup options. Throws {@link UsageError} when a flag has a bad value, `--keep` and `--rebuild` are both
 * given, or `--config-file` is combined with a preset other than `custom`.
 */
export function parseSetupOptions(options: SetupOptions): ResolvedSetupOptions {
  const parsed = SetupOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `--${i.path.join('.').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`);
    throw new UsageError(`Invalid setup option(s):\n  ${lines.join('\n  ')}`, 'See `cccc setup --help`.');
  }
  const o = parsed.data;
  if (o.keep && o.rebuild) throw new UsageError('--keep and --rebuild cannot be used together.', 'Use --keep to leave config.json as is, or --rebuild to back it up and rewrite it.');
  if (o.configFile !== undefined && o.preset !== undefined && o.preset !== 'custom') {
    throw new UsageError(`--config-file cannot be combined with --preset ${o.preset}.`, 'A custom config file is merged over the recommended preset: use --preset custom (or omit --preset).');
  }
  return {
    preset: o.configFile !== undefined ? 'custom' : o.preset,
    configFile: o.configFile,
    language: o.language,
    keep: o.keep ?? false,
    rebuild: o.rebuild ?? false,
    yes: o.yes ?? false,
  };
}

/** True when no flag that decides the outcome was given (the wizard may then ask; `--language` only pre-answers). */
export function hasNoDecidingFlags(o: ResolvedSetupOptions): boolean {
  return o.preset === undefined && !o.keep && !o.rebuild && !o.yes;
}
