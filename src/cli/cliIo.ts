// What a CLI command may touch: two output streams and the directory paths are relative to (tests capture them).
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
  /** Whether a person is at a terminal (stdin and stdout are TTYs): only then may a command ask. */
  interactive?: boolean;
  /** Asks one question on the terminal and resolves with the line typed (undefined at end of input). */
  ask?: (question: string) => Promise<string | undefined>;
}
