// The messages between the extension host and the engine worker (plain data, structured-cloned).
import type { PolicySymbol } from '../../core/policy/documentSymbols';
import type { Finding } from '../../core/policy/finding';

export interface EngineResults {
  validate: Finding[];
  symbols: PolicySymbol[];
}

export type EngineJobKind = keyof EngineResults;

export interface EngineJob {
  id: number;
  kind: EngineJobKind;
  text: string;
}

export interface EngineReply {
  id: number;
  result?: unknown;
  error?: string;
}
