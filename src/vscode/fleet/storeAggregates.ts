// The Fleet Overview's aggregates fed by the sidebar's Cloud PC store: every Cloud PC in one pass, then each change
// as the store applies it (what it was, what it is), so an update costs the change and the store stays the one
// index; a reset (cleared, or filled from empty) is one pass again.
// No vscode import: the unit tests and the bench wire the real store the same way.
import { FleetAggregator } from '../../core/fleet/fleetAggregator';
import { bucketOf } from '../views/cloudPcStatusBuckets';
import type { CloudPcStore } from '../views/cloudPcStore';

export interface StoreAggregates {
  readonly aggregator: FleetAggregator;
  dispose(): void;
}

export function aggregatesOf(store: CloudPcStore): StoreAggregates {
  const aggregator = new FleetAggregator(bucketOf, (id) => store.get(id));
  aggregator.rebuild(store);
  const listener = store.onDidChange((e) => {
    if (e.kind === 'upsert') aggregator.update(e.before, e.pc);
    else if (e.kind === 'remove') aggregator.update(e.before, undefined);
    else aggregator.rebuild(store);
  });
  return { aggregator, dispose: () => listener.dispose() };
}
