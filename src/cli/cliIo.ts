// What a CLI command may touch: two output streams and the directory paths are relative to (tests capture them).
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}
