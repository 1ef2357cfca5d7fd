/**
 * Cutting one piece of text to a byte allowance, with a visible marker saying how much was dropped. Cuts
 * fall after a whole line when one ends in the allowance (else on a UTF-8 character boundary), so a cut never
 * splits a character and rarely a line.
 */

/** UTF-8 size of `text` in bytes. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The marker put where a text was cut: `[cccc: cut here — N bytes dropped to fit the bundle cap]`. */
export function cutMarker(droppedBytes: number): string {
  return `[cccc: cut here — ${droppedBytes} bytes dropped to fit the bundle cap]\n`;
}

/** The line appended to a text the collector only read in part: `[cccc: N more bytes not read …]`. */
export function unreadMarker(unreadBytes: number): string {
  return `[cccc: ${unreadBytes} more bytes not read (per-file read cap)]\n`;
}

/** A text fitted to an allowance: what to print and how many bytes of content were left out. */
export interface FittedText {
  text: string;
  droppedBytes: number;
}

/** Bytes {@link fitText} needs to show `body` (and its unread note) whole. */
export function fullSize(body: string, unreadBytes: number): number {
  return byteLength(body) + (unreadBytes > 0 ? byteLength(unreadMarker(unreadBytes)) : 0);
}

/**
 * Fit `body` (which should end in a newline) into `allowance` bytes. Whole → body plus an unread note when
 * `unreadBytes` > 0. Cut → the longest prefix that leaves room for {@link cutMarker}, then the marker; the
 * dropped count includes `unreadBytes`. An allowance smaller than the marker yields an empty text.
 */
export function fitText(body: string, unreadBytes: number, allowance: number): FittedText {
  if (fullSize(body, unreadBytes) <= allowance) {
    return { text: unreadBytes > 0 ? body + unreadMarker(unreadBytes) : body, droppedBytes: unreadBytes };
  }
  const bodyBytes = Buffer.from(body, 'utf8');
  const worstMarker = byteLength(cutMarker(bodyBytes.length + unreadBytes));
  // One byte more than the marker: a newline when the cut is not at a line end, so the marker has its own line.
  const room = allowance - worstMarker - 1;
  if (room < 0) return { text: '', droppedBytes: bodyBytes.length + unreadBytes };
  const kept = cutPoint(bodyBytes, room);
  const dropped = bodyBytes.length - kept + unreadBytes;
  const head = bodyBytes.subarray(0, kept).toString('utf8');
  return { text: head + (kept === 0 || head.endsWith('\n') ? '' : '\n') + cutMarker(dropped), droppedBytes: dropped };
}

/** Lines are kept whole when that costs at most this many bytes of the allowance; longer lines are split. */
const LINE_SLACK_BYTES = 4096;

/** Largest cut ≤ `room` bytes: just after the last newline in the last {@link LINE_SLACK_BYTES}, else on a character boundary. */
function cutPoint(bytes: Buffer, room: number): number {
  if (room >= bytes.length) return bytes.length;
  const newline = room > 0 ? bytes.lastIndexOf(10, room - 1) : -1;
  if (newline !== -1 && room - (newline + 1) <= LINE_SLACK_BYTES) return newline + 1;
  let end = room;
  while (end > 0 && ((bytes[end] as number) & 0xc0) === 0x80) end--;
  return end;
}
