// Calls to the simulator's own controls (`/_simulator/...`) and directory writes, straight to its REST handler.
import { graphErrorFromResponse } from '../../core/graph/graphError';
import type { ExtensionContext } from '../extensionContext';

export class NotSimulatorError extends Error {
  constructor() {
    super('This action needs the simulator backend (Cloud PC: Use the Simulator).');
  }
}

/** Sends one request to the in-process simulator; non-2xx answers become a GraphError. */
export async function simulatorRequest<T = unknown>(
  ctx: ExtensionContext,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const simulator = ctx.backends.current.simulator;
  if (!simulator) throw new NotSimulatorError();
  const reply = await simulator.handler({
    method,
    url: path,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (reply.status < 200 || reply.status >= 300) {
    throw graphErrorFromResponse(
      reply.status,
      { get: (name) => reply.headers[name.toLowerCase()] ?? null },
      reply.body,
      { method, path },
    );
  }
  return (reply.body ? JSON.parse(reply.body) : undefined) as T;
}
