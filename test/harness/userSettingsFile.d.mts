export declare function writeSettingsFile(file: string, settings: Record<string, unknown>): void;
export declare function assertSettingsUnchanged(file: string, expected: Record<string, unknown>): void;
