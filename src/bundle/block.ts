/**
 * A bundle block: fixed wrapper text (heading, fences) around a body that the budget may cut. Only bodies are
 * budgeted; wrappers are always printed whole, so the assembler knows the fixed cost of the bundle up front.
 */
import { byteLength, fitText, fullSize } from './fit.js';

/** One budgeted piece of the bundle. */
export interface Block {
  /** Name in `ContextBundle.truncated` when cut, e.g. `planning-docs/architecture.md`. */
  section: string;
  prefix: string;
  /** Content; ends in a newline unless empty. */
  body: string;
  /** Bytes the collector did not read (per-file read cap); reported as dropped. */
  unreadBytes: number;
  suffix: string;
}

/** A block rendered within its allowance. */
export interface RenderedBlock {
  text: string;
  droppedBytes: number;
}

/** Bytes the block's body needs to print whole. */
export function bodySize(block: Block): number {
  return fullSize(block.body, block.unreadBytes);
}

/** Bytes of the block's fixed wrapper. */
export function wrapperSize(block: Block): number {
  return byteLength(block.prefix) + byteLength(block.suffix);
}

/** Render `block` with at most `allowance` bytes of body. */
export function renderBlock(block: Block, allowance: number): RenderedBlock {
  const fitted = fitText(block.body, block.unreadBytes, allowance);
  return { text: block.prefix + fitted.text + block.suffix, droppedBytes: fitted.droppedBytes };
}

/** `text` with a final newline (empty stays empty), so a closing fence starts its own line. */
export function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** A Markdown code fence longer than any backtick run in `text` (at least three), so content cannot close it. */
export function fenceFor(text: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return '`'.repeat(Math.max(3, longest + 1));
}

/** A block whose body is fenced as `language`: `### heading` (or none), the fence, the body, the fence. */
export function fencedBlock(section: string, heading: string, language: string, body: string, unreadBytes = 0): Block {
  const content = withFinalNewline(body);
  const fence = fenceFor(content);
  return { section, prefix: `${heading}${fence}${language}\n`, body: content, unreadBytes, suffix: `${fence}\n\n` };
}
