export declare const APT_LOCK_WAIT_SECONDS: number;
export declare function aptCommands(missing: string[]): { argv: string[][]; notice: string };
