// A table (the Cloud PCs view, a Fleet Overview table) as CSV or JSON that names the tenant and the time.
// CSV follows RFC 4180 (comma, CRLF, quotes doubled); a cell that a spreadsheet would run as a formula
// (= + - @ at its start, OWASP "CSV Injection") gets a leading apostrophe, since names come from the tenant.

export interface ExportTable {
  /** Column titles, in order. */
  columns: readonly string[];
  rows: readonly (readonly (string | number | null | undefined)[])[];
}

export interface ExportContext {
  /** The tenant the rows come from ("Simulator", the signed-in account's tenant). */
  tenant: string;
  /** When the rows were read (ISO 8601). */
  exportedAt: string;
}

function cell(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with two last columns, tenant and exportedAt, on every row: the file names where and when on its own. */
export function toCsv(table: ExportTable, ctx: ExportContext): string {
  const lines = [[...table.columns, 'tenant', 'exportedAt'].map(cell).join(',')];
  for (const row of table.rows) lines.push([...row, ctx.tenant, ctx.exportedAt].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** JSON: `{ tenant, exportedAt, rows: [{ column: value }] }`, values as they are (no formula guard needed). */
export function toJson(table: ExportTable, ctx: ExportContext): string {
  const rows = table.rows.map((row) =>
    Object.fromEntries(table.columns.map((c, i) => [c, row[i] === undefined ? null : row[i]])),
  );
  return `${JSON.stringify({ tenant: ctx.tenant, exportedAt: ctx.exportedAt, rows }, null, 2)}\n`;
}

/** A file name from a title, the tenant and the time: `cloud-pcs-contoso-2026-06-01T1015Z`. */
export function exportFileName(title: string, ctx: ExportContext, extension: 'csv' | 'json'): string {
  const slug = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const time = ctx.exportedAt.slice(0, 16).replace(/:/g, '');
  return `${slug(title)}-${slug(ctx.tenant) || 'tenant'}-${time}Z.${extension}`;
}
