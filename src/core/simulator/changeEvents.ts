// Change notifications for the extension's views: a tiny listener list with dispose, no Node EventEmitter
// (no max-listener warnings, nothing retained after dispose).

export type SimulatorChangeKind =
  'cloudPc' | 'policy' | 'user' | 'group' | 'license' | 'onPremisesConnection' | 'auditEvent' | 'clock' | 'tenant';

export interface SimulatorChange {
  kind: SimulatorChangeKind;
  id: string;
  change: 'created' | 'updated' | 'deleted';
}

export type SimulatorChangeListener = (change: SimulatorChange) => void;

export interface Disposable {
  dispose(): void;
}

export class ChangeEmitter {
  private listeners: SimulatorChangeListener[] = [];

  get hasListeners(): boolean {
    return this.listeners.length > 0;
  }

  on(listener: SimulatorChangeListener): Disposable {
    this.listeners = [...this.listeners, listener];
    return {
      dispose: () => {
        this.listeners = this.listeners.filter((l) => l !== listener);
      },
    };
  }

  emit(change: SimulatorChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch {
        // A listener's bug must not break the simulator's state machine.
      }
    }
  }
}
