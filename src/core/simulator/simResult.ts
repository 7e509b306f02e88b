// Errors are values: model operations return a SimResult; the REST facade turns errors into the Graph envelope.

export interface SimError {
  status: number;
  code: string;
  message: string;
  innerCode?: string;
}

export type SimResult<T> = { ok: true; value: T } | { ok: false; error: SimError };

export function ok<T>(value: T): SimResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(status: number, code: string, message: string, innerCode?: string): SimResult<T> {
  return { ok: false, error: { status, code, message, innerCode } };
}

export function notFound<T = never>(type: string, id: string): SimResult<T> {
  return fail(404, 'ResourceNotFound', `No ${type} with id '${id}' exists.`);
}
