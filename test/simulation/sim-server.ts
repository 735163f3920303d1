import { MAX_RETRY_AFTER_MS } from "../../src/core/delivery/constants";
import type { Random } from "./prng";
import type { VirtualClock } from "./virtual-clock";

/** Who sent a request: one page load of one tab. */
export interface RequestSource {
  loadId: string;
  alive: boolean;
  online(): boolean;
  /** Requests reach the network (false: offline while `navigator.onLine` may say otherwise). */
  networkUp(): boolean;
}

/** One request the server received. */
export interface ReceivedRequest {
  atMs: number;
  loadId: string;
  simId?: string;
  body: string;
  keepalive: boolean;
  status: number;
  /** The server accepted it but the sender never read the answer (lost, hung, aborted, page gone). */
  answerLost: boolean;
  /** Its page was gone when it arrived (a keepalive request outliving its page): nobody could act on the answer. */
  pageGone: boolean;
}

/** A Retry-After the server sent: nothing with this body from this load may arrive before `notBeforeMs`. */
export interface RetryAfterPromise {
  simId: string;
  body: string;
  loadId: string;
  notBeforeMs: number;
  atMs: number;
}

/** The server's faults right now (the scenario changes them). */
export interface FaultPlan {
  error5xx: number;
  rateLimited: number;
  answerLost: number;
  hang: number;
  refused: boolean;
  blockedOrigins: Set<string>;
  slow: number;
}

export const HEALTHY: () => FaultPlan = () => ({ error5xx: 0, rateLimited: 0, answerLost: 0, hang: 0, refused: false, blockedOrigins: new Set(), slow: 0 });

const networkError = (message: string) => new TypeError(message);

/** Kelet as the simulation runs it: projects with their valid keys, on every sim origin, with injected faults. */
export class SimServer {
  faults: FaultPlan = HEALTHY();
  readonly requests: ReceivedRequest[] = [];
  readonly retryAfters: RetryAfterPromise[] = [];
  /** Every request a page made (reached the server or not), in order. */
  readonly attempts: { simId?: string; loadId: string; keepalive: boolean; atMs: number }[] = [];
  /** Keepalive bytes in flight per page load (browsers refuse a request over 64 KiB in total). */
  private keepaliveBytes = new Map<string, number>();
  readonly keepaliveOverBudget: string[] = [];

  constructor(
    private clock: VirtualClock,
    private random: Random,
    readonly origins: Set<string>,
    readonly keysByProject: Map<string, Set<string>>,
    private trace: (line: string) => void,
  ) {}

  /** The `fetch` a page load has. */
  fetchFor(source: RequestSource) {
    return (input: unknown, init: { method?: string; headers?: Record<string, string>; body?: string; keepalive?: boolean; signal?: AbortSignal } = {}) =>
      this.handle(source, String(input), init);
  }

  private latency(): number {
    const slow = this.random.chance(this.faults.slow);
    return slow ? this.random.int(8_000, 16_000) : this.random.int(2, 250);
  }

  private handle(source: RequestSource, url: string, init: { headers?: Record<string, string>; body?: string; keepalive?: boolean; signal?: AbortSignal }): Promise<unknown> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return Promise.reject(networkError(`Failed to parse URL from ${url}`));
    }
    for (const [name, value] of Object.entries(init.headers ?? {})) {
      // What the Fetch standard refuses in a header value (Chromium: "Invalid value").
      if (/[^\x00-\xff]|[\r\n\0]/.test(String(value))) return Promise.reject(networkError(`Failed to execute 'fetch': Invalid value for header ${name}`));
    }
    const body = String(init.body ?? "");
    const bytes = Buffer.byteLength(body);
    const keepalive = !!init.keepalive;
    if (keepalive) {
      const inFlight = (this.keepaliveBytes.get(source.loadId) ?? 0) + bytes;
      if (inFlight > 65_536) {
        this.keepaliveOverBudget.push(`${source.loadId}: ${inFlight} bytes of keepalive in flight`);
        return Promise.reject(networkError("Failed to fetch (keepalive budget)"));
      }
      this.keepaliveBytes.set(source.loadId, inFlight);
    }
    const simId = /"sim_id":"([^"]+)"/.exec(body)?.[1];
    this.attempts.push({ simId, loadId: source.loadId, keepalive, atMs: this.clock.monoMs });
    return new Promise((resolve, reject) => {
      let done = false;
      let arrived = false;
      let accepted = false;
      let record: ReceivedRequest | undefined;
      const timers: number[] = [];
      const finish = (outcome: () => void) => {
        if (done) return;
        done = true;
        if (keepalive) this.keepaliveBytes.set(source.loadId, (this.keepaliveBytes.get(source.loadId) ?? 0) - bytes);
        for (const id of timers) this.clock.cancel(id);
        // A closed page reads no answer; a keepalive request still reached the server.
        if (!source.alive) {
          if (record) record.answerLost = true;
          return;
        }
        outcome();
      };
      init.signal?.addEventListener("abort", () => {
        if (record && accepted) record.answerLost = true;
        finish(() => reject(new DOMException("The operation was aborted.", "AbortError")));
      });
      const failNetwork = (why: string) => finish(() => reject(networkError(`Failed to fetch (${why})`)));
      if (!source.online() || !source.networkUp()) return void timers.push(this.clock.schedule(this.random.int(1, 30), () => failNetwork("offline")));
      if (!this.origins.has(parsed.origin)) return void timers.push(this.clock.schedule(this.random.int(1, 30), () => failNetwork("no such host")));
      if (this.faults.blockedOrigins.has(parsed.origin)) return void timers.push(this.clock.schedule(this.random.int(1, 30), () => failNetwork("blocked")));
      if (this.faults.refused) return void timers.push(this.clock.schedule(this.random.int(1, 10), () => failNetwork("connection refused")));
      timers.push(
        this.clock.schedule(this.latency(), () => {
          // A page closed before its plain request left: the browser cancelled it.
          if (!source.alive && !keepalive) return finish(() => {});
          arrived = true;
          const answer = this.decide(parsed, init.headers ?? {}, body, simId);
          record = { atMs: this.clock.monoMs, loadId: source.loadId, simId, body, keepalive, status: answer.status, answerLost: false, pageGone: !source.alive };
          this.requests.push(record);
          accepted = answer.status >= 200 && answer.status < 300;
          this.trace(`server ${answer.status}${answer.retryAfter ? ` Retry-After ${answer.retryAfter}` : ""} ${simId ?? "?"} from ${source.loadId}${keepalive ? " (keepalive)" : ""}`);
          if (answer.retryAfterMs !== undefined && simId)
            this.retryAfters.push({ simId, body, loadId: source.loadId, notBeforeMs: this.clock.monoMs + answer.retryAfterMs, atMs: this.clock.monoMs });
          if (accepted && this.random.chance(this.faults.hang)) {
            record.answerLost = true;
            return; // No answer ever: the sender's time-out aborts it.
          }
          if (accepted && this.random.chance(this.faults.answerLost)) {
            record.answerLost = true;
            return void timers.push(this.clock.schedule(this.random.int(1, 50), () => failNetwork("connection reset after the server accepted")));
          }
          timers.push(
            this.clock.schedule(this.random.int(2, 150), () => {
              if (!source.alive && record) record.answerLost = true;
              finish(() =>
                resolve({
                  ok: accepted,
                  status: answer.status,
                  statusText: answer.statusText,
                  headers: { get: (name: string) => (name.toLowerCase() == "retry-after" ? (answer.retryAfter ?? null) : null) },
                  text: () => Promise.resolve(""),
                }),
              );
            }),
          );
        }),
      );
      void arrived;
    });
  }

  private decide(url: URL, headers: Record<string, string>, body: string, simId: string | undefined): { status: number; statusText: string; retryAfter?: string; retryAfterMs?: number } {
    const project = decodeURIComponent(/^\/api\/projects\/([^/]+)\/signal$/.exec(url.pathname)?.[1] ?? "");
    const key = /^Bearer (.*)$/.exec(headers.Authorization ?? "")?.[1];
    if (!this.keysByProject.get(project)?.has(key!)) return { status: 401, statusText: "Unauthorized" };
    try {
      const parsed = JSON.parse(body) as { session_id?: unknown };
      if (!parsed || typeof parsed != "object" || (typeof parsed.session_id != "string" && !("trace_id" in parsed))) return { status: 422, statusText: "Unprocessable Entity" };
    } catch {
      return { status: 400, statusText: "Bad Request" };
    }
    void simId;
    if (this.random.chance(this.faults.rateLimited)) {
      const seconds = this.random.int(0, 30);
      // An HTTP date only while the tabs' clock agrees with the server's: a date cannot be honoured across a skew.
      const asDate = this.clock.skewMs == 0 && this.random.chance(0.3);
      const retryAfter = this.random.chance(0.1) ? undefined : asDate ? new Date(Math.ceil((this.clock.serverWallMs() + seconds * 1000) / 1000) * 1000).toUTCString() : String(seconds);
      return { status: 429, statusText: "Too Many Requests", retryAfter, retryAfterMs: retryAfter === undefined ? undefined : Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) };
    }
    if (this.random.chance(this.faults.error5xx)) {
      const status = this.random.pick([500, 502, 503, 504, 408]);
      const seconds = this.random.int(1, 25);
      const withRetryAfter = status == 503 && this.random.chance(0.5);
      return { status, statusText: `HTTP ${status}`, retryAfter: withRetryAfter ? String(seconds) : undefined, retryAfterMs: withRetryAfter ? Math.min(seconds * 1000, MAX_RETRY_AFTER_MS) : undefined };
    }
    return { status: 200, statusText: "OK" };
  }
}
