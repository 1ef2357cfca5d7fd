/** Reading standard input with a size cap (bytes), for `--self-review -`, `--config-file -` and hook payloads. */

/** Default cap on standard input: 1 MiB. */
export const STDIN_MAX_BYTES = 1024 * 1024;

/**
 * Read all of stdin as UTF-8, up to `maxBytes` (default {@link STDIN_MAX_BYTES}); the rest is discarded and
 * `truncated` is true. Returns empty text when stdin is a TTY (nothing piped).
 */
export async function readStdinText(maxBytes = STDIN_MAX_BYTES, stream: NodeJS.ReadStream = process.stdin): Promise<{ text: string; truncated: boolean }> {
  if (stream.isTTY) return { text: '', truncated: false };
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (size + buffer.length > maxBytes) {
      chunks.push(buffer.subarray(0, maxBytes - size));
      size = maxBytes;
      truncated = true;
      break;
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  if (truncated) stream.destroy();
  return { text: Buffer.concat(chunks).toString('utf8'), truncated };
}
