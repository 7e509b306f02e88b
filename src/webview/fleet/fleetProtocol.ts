// Messages between the Fleet Overview panel (extension host) and its webview. Types only: both sides import it.
import type { FleetTableId } from '../../core/export/fleetExportTables';
import type { FleetSnapshot } from '../../core/fleet/fleetSnapshot';

export type FleetAction = 'retry' | 'reprovision' | 'endGracePeriod';

export type ToWebview =
  | { type: 'snapshot'; snapshot: FleetSnapshot }
  /** Restricted Mode: the actions are drawn disabled with `reason` (empty when the folder is trusted). */
  | { type: 'trust'; restricted: boolean; reason: string };

export type FromWebview =
  | { type: 'ready' }
  /** After drawing a snapshot: what the bars show, read back from the drawn elements (`policyId|bucket` → count). */
  | { type: 'rendered'; revision: number; cells: Record<string, number>; firstPaintMs?: number }
  | { type: 'filter'; policyId: string; bucket: string }
  | { type: 'action'; action: FleetAction; cloudPcIds: string[] }
  /** A table's Export… button: the extension asks how (copy, file) and writes; the page never writes. */
  | { type: 'export'; table: FleetTableId };
