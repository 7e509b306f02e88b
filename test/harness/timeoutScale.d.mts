export declare const CI_TIMEOUT_SCALE: number;
export declare function timeoutScale(env?: Record<string, string | undefined>): number;
export declare function scaled(ms: number, env?: Record<string, string | undefined>): number;
