/**
 * SHA-256 helpers used by fingerprints (issue #3 §4) and the reviewer-wrote-nothing check (issue #3 §1).
 * All return lowercase hex. Files are hashed as a stream, so a huge file never sits in memory.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** SHA-256 hex of a string, encoded as UTF-8. */
export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 hex of raw bytes. */
export function sha256Bytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * SHA-256 hex of a file's bytes, read as a stream (constant memory). Follows symlinks like any read;
 * callers that must not follow them (the tree fingerprint) `lstat` first. Throws the fs error (ENOENT…).
 */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
