// Decides where a document's whole-document engine work runs (validation, the outline): small
// documents inline (a typical policy takes microseconds), large ones in a worker thread so no
// keystroke and no outline refresh waits.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { getDocumentSymbols } from '../../core/policy/documentSymbols';
import type { PolicySymbol } from '../../core/policy/documentSymbols';
import type { Finding } from '../../core/policy/finding';
import { validateDocument } from '../../core/policy/validator';
import type { ValidateOptions } from '../../core/policy/validator';
import type { EngineJobKind, EngineReply, EngineResults } from './engineJobs';

/** Above this size a document is validated in the worker (1 MB takes ~7 ms to validate and ~60 ms to outline: more than a frame). */
export const WORKER_THRESHOLD_BYTES = 64 * 1024;

type Pending = { resolve: (result: unknown) => void; reject: (e: Error) => void };

export class ValidationScheduler {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private workerFailed = false;

  constructor(private readonly workerScript: string) {}

  async validate(text: string, options?: ValidateOptions): Promise<Finding[]> {
    if (text.length < WORKER_THRESHOLD_BYTES || this.workerFailed) return validateDocument(text, options);
    // A worker that could not start or died: late diagnostics beat none.
    return this.inWorker('validate', text, options).catch(() => validateDocument(text, options));
  }

  /** The outline: a 1 MB fleet has ~15,000 symbols, ~60 ms of tree building. */
  async documentSymbols(text: string): Promise<PolicySymbol[]> {
    if (text.length < WORKER_THRESHOLD_BYTES || this.workerFailed) return getDocumentSymbols(text);
    return this.inWorker('symbols', text).catch(() => getDocumentSymbols(text));
  }

  private inWorker<K extends EngineJobKind>(
    kind: K,
    text: string,
    options?: ValidateOptions,
  ): Promise<EngineResults[K]> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<EngineResults[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: (r) => resolve(r as EngineResults[K]), reject });
      worker.postMessage({ id, kind, text, options });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.resolve(this.workerScript));
    worker.unref();
    worker.on('message', (msg: EngineReply) => {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!p) return;
      if (msg.error === undefined) p.resolve(msg.result);
      else p.reject(new Error(msg.error));
    });
    worker.on('error', (err) => {
      // A worker that cannot run the engine (missing file, crash) is not started again for every keystroke.
      this.workerFailed = true;
      if (this.worker === worker) this.failAll(err);
    });
    worker.on('exit', () => {
      // Only the current worker's end concerns its jobs: a disposed one must not clear its successor.
      if (this.worker !== worker) return;
      this.failAll(new Error('the validation worker stopped'));
      this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('the validation worker was disposed'));
    void worker?.terminate();
  }
}
