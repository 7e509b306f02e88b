// Runs in a worker thread (no 'vscode' here): validates large documents off the extension host's
// main thread so typing never stalls, even in a 1 MB file.
import { parentPort } from 'node:worker_threads';
import { validateDocument } from '../../core/policy/validator';

interface Job {
  id: number;
  text: string;
}

parentPort?.on('message', (job: Job) => {
  try {
    parentPort?.postMessage({ id: job.id, findings: validateDocument(job.text) });
  } catch (err) {
    parentPort?.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
