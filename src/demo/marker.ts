/**
 * The demo marker (issue #7 "`cccc demo`"): `cccc demo` writes `.cccc-demo` at the root of the throwaway
 * repository it creates, holding a random token. The simulated reviewer (simulated-codex.ts) answers only when
 * the repository it is asked to review holds this file AND the token it was started with (`--demo-token`, put in
 * that repository's `codex.cli_command`) matches — so copying the demo's `cli_command` into a real workspace
 * gets a refusal, never a simulated verdict.
 *
 * Node built-ins only: the reviewer imports this and must start fast.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The marker's file name, at the demo repository's root. */
export const DEMO_MARKER_FILE = '.cccc-demo';

/** The label every simulated summary, finding and artifact starts with. */
export const SIMULATION_LABEL = '[SIMULATION]';

/** What `.cccc-demo` holds. */
export interface DemoMarker {
  kind: 'cccc-demo';
  /** 32 hex characters from `crypto.randomBytes(16)`. */
  token: string;
  /** ISO-8601 time the demo repository was created. */
  createdAt: string;
  /** Human-readable warning that the reviewer of this repository is a simulation. */
  notice: string;
}

/** A fresh random token (32 hex characters). */
export function newDemoToken(): string {
  return randomBytes(16).toString('hex');
}

/** The marker text for `token` (2-space JSON with a trailing newline). */
export function demoMarkerText(token: string, createdAt: string): string {
  const marker: DemoMarker = {
    kind: 'cccc-demo',
    token,
    createdAt,
    notice: `${SIMULATION_LABEL} This repository was created by \`cccc demo\`. Its Codex reviewer is a built-in offline simulation; no real Codex model reviews anything here.`,
  };
  return `${JSON.stringify(marker, null, 2)}\n`;
}

/** The marker at `root`, or null when it is missing, unreadable or not a demo marker. Never throws. */
export function readDemoMarker(root: string): DemoMarker | null {
  try {
    const value = JSON.parse(readFileSync(path.join(root, DEMO_MARKER_FILE), 'utf8')) as Partial<DemoMarker> | null;
    if (value?.kind !== 'cccc-demo' || typeof value.token !== 'string' || !/^[0-9a-f]{32}$/.test(value.token)) return null;
    return value as DemoMarker;
  } catch {
    return null;
  }
}

/** The nearest ancestor of `start` (inclusive) holding a `.cccc-demo` file, or null. */
export function findDemoRoot(start: string): string | null {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, DEMO_MARKER_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Why the simulated reviewer must refuse to review `root` with `token`, or null when it may answer: `root`
 * must hold a valid marker whose token equals `token` (both non-empty).
 */
export function demoRefusal(root: string | null, token: string | null): string | null {
  if (root === null) return `no ${DEMO_MARKER_FILE} marker was found: this is not a repository created by \`cccc demo\``;
  const marker = readDemoMarker(root);
  if (marker === null) return `${path.join(root, DEMO_MARKER_FILE)} is missing or is not a cccc demo marker: this is not a repository created by \`cccc demo\``;
  if (token === null || token === '') return 'no --demo-token was given (the demo writes it into codex.cli_command)';
  if (token !== marker.token) return `the --demo-token does not match ${path.join(root, DEMO_MARKER_FILE)}`;
  return null;
}
