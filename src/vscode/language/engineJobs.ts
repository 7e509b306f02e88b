// The messages between the extension host and the engine worker (plain data, structured-cloned).
import type { PolicySymbol } from '../../core/policy/documentSymbols';
import type { Finding } from '../../core/policy/finding';
import type { ValidateOptions } from '../../core/policy/validator';

export interface EngineResults {
  validate: Finding[];
  symbols: PolicySymbol[];
}

export type EngineJobKind = keyof EngineResults;

export interface EngineJob {
  id: number;
  kind: EngineJobKind;
  text: string;
  /** For validate: e.g. the tenant's deployed policies (plain data). */
  options?: ValidateOptions;
}

export interface EngineReply {
  id: number;
  result?: unknown;
  error?: string;
}
