// Runs in a worker thread (no 'vscode' here): the engine's whole-document work on large documents
// (validation, the outline) off the extension host's main thread, so typing never stalls, even in a
// 1 MB file.
import { parentPort } from 'node:worker_threads';
import { getDocumentSymbols } from '../../core/policy/documentSymbols';
import { validateDocument } from '../../core/policy/validator';
import type { EngineJob } from './engineJobs';
import { errorText } from '../../core/model/errorText';

parentPort?.on('message', (job: EngineJob) => {
  try {
    const result = job.kind === 'symbols' ? getDocumentSymbols(job.text) : validateDocument(job.text, job.options);
    parentPort?.postMessage({ id: job.id, result });
  } catch (err) {
    parentPort?.postMessage({ id: job.id, error: errorText(err) });
  }
});
