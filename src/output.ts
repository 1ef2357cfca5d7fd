/**
 * Printing results: stdout carries results only — exactly one JSON document under `--json`, human text
 * otherwise. Logs and progress go to stderr (brief, "Architecture rules").
 */

/** Where a command's result goes. */
export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The process's stdout/stderr. */
export const processOutput: Output = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Print `result` as JSON (when `json`) or as the text `human(result)` returns, followed by a newline. */
export function emit<T>(result: T, json: boolean | undefined, human: (result: T) => string, out: Output = processOutput): void {
  out.stdout(json ? `${JSON.stringify(result, null, 2)}\n` : `${human(result).replace(/\n+$/, '')}\n`);
}
