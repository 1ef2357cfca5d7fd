/**
 * A fingerprint of every file and folder under a directory (`.git/` included): path, type, mode and content
 * hash. Two equal fingerprints mean nothing was written, created or removed — how the tests prove that a
 * read-only command (doctor, checkpoint status, rebuild-context's machine) stays read-only.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/** `relative path → "dir" | "file <mode> <sha256>" | "link <target>"`, sorted by path. */
export function hashTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = path.join(dir, name);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) out[rel] = `link ${readlinkSync(abs)}`;
      else if (st.isDirectory()) {
        out[rel] = 'dir';
        walk(abs);
      } else out[rel] = `file ${st.mode.toString(8)} ${createHash('sha256').update(readFileSync(abs)).digest('hex')}`;
    }
  };
  walk(root);
  return out;
}
