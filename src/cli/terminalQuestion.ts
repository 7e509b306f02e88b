// One question on the terminal (apply's "Apply these changes?"): a line read from stdin, then stdin released.
import { createInterface } from 'node:readline/promises';

export async function askOnTerminal(question: string): Promise<string | undefined> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    return await rl.question(question);
  } catch {
    return undefined;
  } finally {
    rl.close();
  }
}
