// One simulated tenant shared by every editor window that opens the same state file. The first window
// takes the state's lock and owns the simulator: it serves it on 127.0.0.1 (random port) behind a secret
// written to `<state>.lock` (mode 0600). The other windows are clients of that server; when the owner goes
// away (closed window, crash), the next request or poll finds it gone and one client takes the lock over,
// reopening the state from disk (every acknowledged change is there). docs/simulator.md says why.
import { randomBytes } from 'node:crypto';
import type { RestHandler, RestRequest, RestResponse } from '../../model/rest';
import type { Disposable, SimulatorChangeListener } from '../changeEvents';
import { ChangeEmitter } from '../changeEvents';
import { ChangeFeed, CHANGES_PATH } from '../changeFeed';
import type { ChangePage } from '../changeFeed';
import type { SeedKind } from '../demoSeed';
import { envelopeError } from './envelopeError';
import { SimulatorService } from './simulatorService';
import { startSimulatorServer } from './simulatorServer';
import type { SimulatorServer } from './simulatorServer';
import { acquireStateLock } from '../stateLock';
import type { LockOwner, StateLock } from '../stateLock';
import { errorText } from '../../model/errorText';

export interface SharedSimulatorOptions {
  statePath: string;
  timeScale: number;
  seed?: SeedKind;
  log: (level: 'info' | 'warn', message: string) => void;
  /** How often a client asks the owner for changes while someone listens (default 1 s). */
  pollMs?: number;
  /** How long a client waits for a starting owner to publish where it serves (default 10 s). */
  connectTimeoutMs?: number;
}

interface Owner {
  role: 'owner';
  service: SimulatorService;
  server: SimulatorServer;
  lock: StateLock;
  feed: ChangeFeed;
  subscription: Disposable;
}

interface Client {
  role: 'client';
  owner: LockOwner & { url: string; token: string };
}

type Role = Owner | Client;

export class SharedSimulator {
  private role: Promise<Role>;
  private settled: Role | undefined;
  private readonly emitter = new ChangeEmitter();
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private feedPosition: { epoch?: string; seq: number } = { seq: 0 };
  private sampleUsers: string[] = [];
  private disposed = false;
  /** Graph's contract, in whichever role this window has; a lost owner is taken over transparently. */
  readonly handler: RestHandler = (request) => this.handle(request);

  constructor(private readonly options: SharedSimulatorOptions) {
    this.role = this.settle();
    // A failed start is reported to the request that awaits it (and tried again then), not as an unhandled rejection.
    this.role.catch(() => undefined);
  }

  /** 'owner' or 'client', once known (tests and the log). */
  async currentRole(): Promise<'owner' | 'client'> {
    return (await this.role).role;
  }

  onDidChange(listener: SimulatorChangeListener): Disposable {
    const subscription = this.emitter.on(listener);
    this.schedulePoll();
    return subscription;
  }

  /** A few user principal names for previews: live in the owner, last seen in a client. */
  sampleUserPrincipalNames(count: number): string[] {
    if (this.settled?.role === 'owner') {
      const names: string[] = [];
      for (const user of this.settled.service.simulator.users.values()) {
        if (names.length >= count) break;
        names.push(user.userPrincipalName);
      }
      return names;
    }
    return this.sampleUsers.slice(0, count);
  }

  /** Simulated time now in the owner; undefined in a client (its clock is the owner's, a request away). */
  now(): number | undefined {
    return this.settled?.role === 'owner' ? this.settled.service.now() : undefined;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    clearTimeout(this.pollTimer);
    const role = await this.role.catch(() => undefined);
    if (role?.role === 'owner') await closeOwner(role);
  }

  // ------------------------------------------------------------ roles

  /** Takes the lock (owner) or finds the owner's endpoint (client); waits while an owner is starting. */
  private async settle(): Promise<Role> {
    const deadline = Date.now() + (this.options.connectTimeoutMs ?? 10_000);
    for (;;) {
      const attempt = await acquireStateLock(this.options.statePath);
      if (attempt.ok) return this.become(await this.openOwner(attempt.lock));
      const owner = attempt.owner;
      if (owner?.url && owner.token && owner.pid !== process.pid) {
        const client: Client = { role: 'client', owner: owner as Client['owner'] };
        // Read the feed's position before any request goes through this window, so no change made after it is missed.
        if (await this.startFeedAt(client)) {
          this.options.log(
            'info',
            `Simulator: shared with the editor window of process ${owner.pid}, which owns ${this.options.statePath} (its time scale applies).`,
          );
          return this.become(client);
        }
      }
      // The owner is starting, not answering yet, or is this process releasing it (a backend switch): wait a moment.
      if (Date.now() > deadline) throw new Error(attempt.message);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private become(role: Role): Role {
    this.settled = role;
    if (role.role === 'client') void this.refreshSampleUsers();
    this.schedulePoll();
    return role;
  }

  private async openOwner(lock: StateLock): Promise<Owner> {
    let service: SimulatorService;
    try {
      service = SimulatorService.open({
        seed: this.options.seed ?? 'demo',
        statePath: this.options.statePath,
        timeScale: this.options.timeScale,
        log: (m) => this.options.log('warn', `Simulator state: ${m}`),
      });
    } catch (err) {
      await lock.release();
      throw err;
    }
    const feed = new ChangeFeed(service);
    const token = randomBytes(32).toString('base64url');
    const server = await startSimulatorServer({ token, port: 0, handler: ownerHandler(service, feed) });
    lock.publish({ url: server.url, token });
    const subscription = service.onDidChange((change) => this.emitter.emit(change));
    this.options.log(
      'info',
      `Simulator state: ${this.options.statePath} (this window owns it and shares it with other windows)`,
    );
    return { role: 'owner', service, server, lock, feed, subscription };
  }

  /** The owner is gone: settle again (one waiting client wins the lock) and tell the views to reload. */
  private takeOver(from: Role): Promise<Role> {
    if (this.settled !== from) return this.role;
    this.settled = undefined;
    this.role = this.settle();
    void this.role.then(
      () => this.emitter.emit({ kind: 'tenant', id: '', change: 'updated' }),
      () => undefined,
    );
    return this.role;
  }

  // ------------------------------------------------------------ requests

  /** The role, starting again when the last start failed (an owner that never answered): one failure is not forever. */
  private async roleNow(): Promise<Role> {
    const current = this.role;
    try {
      return await current;
    } catch {
      if (this.role === current) this.role = this.settle();
      return this.role;
    }
  }

  private async handle(request: RestRequest): Promise<RestResponse> {
    const role = await this.roleNow();
    if (role.role === 'owner') return role.service.handler(request);
    const forwarded = await forward(role.owner, request);
    if (typeof forwarded !== 'string') return forwarded;
    const next = await this.takeOver(role);
    // Refused: the owner never saw this request, so sending it again cannot apply it twice. Lost midway: it may
    // have been applied, so the caller decides (a 503 it can retry after looking).
    const again =
      forwarded === 'refused'
        ? next.role === 'owner'
          ? await next.service.handler(request)
          : await forward(next.owner, request)
        : 'lost';
    return typeof again === 'string'
      ? envelopeError(
          503,
          'serviceUnavailable',
          'The editor window that owned the simulator went away during this request; look, then try again.',
          request.headers['client-request-id'],
        )
      : again;
  }

  private schedulePoll(): void {
    if (this.disposed || this.pollTimer || this.settled?.role !== 'client' || !this.emitter.hasListeners) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      void this.poll().finally(() => this.schedulePoll());
    }, this.options.pollMs ?? 1000);
    this.pollTimer.unref?.();
  }

  /** Positions this client at the owner's latest change; false when the owner is not answering. */
  private async startFeedAt(client: Client): Promise<boolean> {
    const reply = await forward(client.owner, { method: 'GET', url: `${CHANGES_PATH}?after=0`, headers: {} });
    if (typeof reply === 'string' || reply.status !== 200 || !reply.body) return false;
    const page = JSON.parse(reply.body) as ChangePage;
    this.feedPosition = { epoch: page.epoch, seq: page.seq };
    return true;
  }

  private async poll(): Promise<void> {
    const role = this.settled;
    if (role?.role !== 'client') return;
    const { epoch, seq } = this.feedPosition;
    const reply = await forward(role.owner, {
      method: 'GET',
      url: `${CHANGES_PATH}?after=${seq}${epoch ? `&epoch=${epoch}` : ''}`,
      headers: {},
    });
    if (typeof reply === 'string') {
      await this.takeOver(role).catch((err: unknown) => this.options.log('warn', `Simulator: ${errorText(err)}`));
      return;
    }
    if (reply.status !== 200 || !reply.body) return;
    const page = JSON.parse(reply.body) as ChangePage;
    const first = epoch === undefined;
    this.feedPosition = { epoch: page.epoch, seq: page.seq };
    if (page.reset && !first) this.emitter.emit({ kind: 'tenant', id: '', change: 'updated' });
    for (const change of page.changes) this.emitter.emit(change);
    if (page.changes.some((c) => c.kind === 'user' || c.kind === 'tenant')) void this.refreshSampleUsers();
  }

  private async refreshSampleUsers(): Promise<void> {
    const role = this.settled;
    if (role?.role !== 'client') return;
    const reply = await forward(role.owner, {
      method: 'GET',
      url: '/v1.0/users?$top=10&$select=userPrincipalName',
      headers: {},
    });
    if (typeof reply !== 'string' && reply.status === 200 && reply.body) {
      this.sampleUsers = (JSON.parse(reply.body) as { value: { userPrincipalName: string }[] }).value.map(
        (u) => u.userPrincipalName,
      );
    }
  }
}

/** The owner's server: the simulator, plus the change feed for its sibling windows. */
function ownerHandler(service: SimulatorService, feed: ChangeFeed): RestHandler {
  return async (request) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname !== CHANGES_PATH) return service.handler(request);
    const page = feed.read(url.searchParams.get('epoch') ?? undefined, Number(url.searchParams.get('after') ?? '0'));
    return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(page) };
  };
}

/** Headers that describe one connection, not the request (and the caller's own token, replaced by the secret). */
const HOP_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'content-length',
  'transfer-encoding',
  'authorization',
]);

async function closeOwner(owner: Owner): Promise<void> {
  owner.subscription.dispose();
  owner.feed.dispose();
  await owner.server.close();
  owner.service.close();
  await owner.lock.release();
}

/**
 * Sends one request to the owner's server. Links in the answer name the owner's origin; they are put back
 * on the origin the caller used, so its pager sees the origin it expects. 'refused': nobody listens (the
 * request was not delivered); 'lost': the connection failed after it may have been.
 */
async function forward(owner: Client['owner'], request: RestRequest): Promise<RestResponse | 'refused' | 'lost'> {
  const asked = /^https?:\/\//i.test(request.url) ? new URL(request.url) : undefined;
  const pathAndQuery = asked ? `${asked.pathname}${asked.search}` : request.url;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) if (!HOP_HEADERS.has(k.toLowerCase())) headers[k] = v;
  headers.authorization = `Bearer ${owner.token}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  let text: string;
  try {
    res = await fetch(`${owner.url}${pathAndQuery}`, {
      method: request.method,
      headers,
      body: request.body,
      redirect: 'manual',
    });
    text = await res.text();
  } catch (err) {
    return (err as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED' ? 'refused' : 'lost';
  }
  const relink = (value: string) => (asked ? value.split(owner.url).join(asked.origin) : value);
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => (out[k] = k === 'location' ? relink(v) : v));
  return { status: res.status, headers: out, body: text === '' ? undefined : relink(text) };
}
