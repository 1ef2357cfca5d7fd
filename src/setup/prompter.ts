/**
 * Line-based questions over injected streams (node:readline/promises), so the setup wizard runs against a TTY
 * and against in-memory streams in tests. Lines are read through the interface's async iterator, which buffers
 * input that arrives before a question is asked (`rl.question()` would drop it).
 */
import { createInterface } from 'node:readline/promises';

/** Thrown when the input ends (Ctrl-D, closed pipe) before an answer: the wizard treats it as "exit". */
export class EndOfInput extends Error {
  constructor() {
    super('input ended before the question was answered');
  }
}

/** One choice of a lettered menu. */
export interface Choice<T> {
  /** `A`, `B`, … (matched case-insensitively). */
  key: string;
  label: string;
  value: T;
}

/** Messages the prompter needs, in the user's language. */
export interface PrompterText {
  choose: (defaultKey: string) => string;
  invalidChoice: (keys: string) => string;
  invalidNumber: (min: number) => string;
  yesNo: (yes: boolean) => string;
  invalidYesNo: string;
}

/** Asks questions on `output` and reads answers from `input`. Empty answer = the default. */
export interface Prompter {
  choose<T>(title: string, choices: Choice<T>[], defaultKey: string): Promise<T>;
  number(label: string, defaultValue: number, min?: number): Promise<number>;
  yesNo(label: string, defaultValue: boolean): Promise<boolean>;
  text(label: string, defaultValue: string): Promise<string>;
  /** Write a line of information. */
  say(line: string): void;
  close(): void;
}

const YES = new Set(['y', 'yes', '是', '好', 'ok']);
const NO = new Set(['n', 'no', '否', '不']);

/** A {@link Prompter} over the given streams. Every ask throws {@link EndOfInput} when the input ends. */
export function createPrompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, text: PrompterText): Prompter {
  const rl = createInterface({ input, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string> => {
    output.write(prompt);
    const next = await lines.next();
    if (next.done) throw new EndOfInput();
    return next.value.trim();
  };
  return {
    async choose(title, choices, defaultKey) {
      const keys = choices.map((c) => c.key).join('/');
      const menu = [title, ...choices.map((c) => `  ${c.key}. ${c.label}`)].join('\n');
      output.write(`\n${menu}\n`);
      for (;;) {
        const answer = (await ask(text.choose(defaultKey))).toUpperCase() || defaultKey;
        const picked = choices.find((c) => c.key === answer);
        if (picked) return picked.value;
        output.write(`${text.invalidChoice(keys)}\n`);
      }
    },
    async number(label, defaultValue, min = 1) {
      for (;;) {
        const answer = await ask(`${label} [${defaultValue}]: `);
        if (answer === '') return defaultValue;
        const value = Number(answer);
        if (Number.isInteger(value) && value >= min) return value;
        output.write(`${text.invalidNumber(min)}\n`);
      }
    },
    async yesNo(label, defaultValue) {
      for (;;) {
        const answer = (await ask(`${label} ${text.yesNo(defaultValue)}: `)).toLowerCase();
        if (answer === '') return defaultValue;
        if (YES.has(answer)) return true;
        if (NO.has(answer)) return false;
        output.write(`${text.invalidYesNo}\n`);
      }
    },
    async text(label, defaultValue) {
      const answer = await ask(defaultValue ? `${label} [${defaultValue}]: ` : `${label}: `);
      return answer === '' ? defaultValue : answer;
    },
    say(line) {
      output.write(`${line}\n`);
    },
    close() {
      rl.close();
    },
  };
}
