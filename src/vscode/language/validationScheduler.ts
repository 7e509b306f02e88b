// Decides where and when a document is validated: debounced as you type; small documents inline
// (a typical policy takes microseconds), large ones in a worker thread so no keystroke waits.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../../core/policy/finding';
import { validateDocument } from '../../core/policy/validator';

/** Above this size a document is validated in the worker (1 MB takes ~10 ms: more than a frame). */
export const WORKER_THRESHOLD_BYTES = 64 * 1024;

type Pending = { resolve: (f: Finding[]) => void; reject: (e: Error) => void };

export class ValidationScheduler {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly workerScript: string) {}

  async validate(text: string): Promise<Finding[]> {
    if (text.length < WORKER_THRESHOLD_BYTES) return validateDocument(text);
    return this.inWorker(text);
  }

  private inWorker(text: string): Promise<Finding[]> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Finding[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, text });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(path.resolve(this.workerScript));
    worker.unref();
    worker.on('message', (msg: { id: number; findings?: Finding[]; error?: string }) => {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (!p) return;
      if (msg.findings) p.resolve(msg.findings);
      else p.reject(new Error(msg.error ?? 'validation failed'));
    });
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', () => {
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
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
