import type { FeedbackData } from "../core/signal";
import type { FetchLike, ResponseLike, SignalRequestInit } from "../core/signal-request";

type Timers = { _setTimeout?: typeof setTimeout; _clearTimeout?: typeof clearTimeout };
// Taken when the module loads, so `waitForSignal`'s time-out runs on real time while a test fakes timers.
const loadedSetTimeout = globalThis.setTimeout;
const loadedClearTimeout = globalThis.clearTimeout;
/**
 * The real timers, read when needed: fake timers installed before this module loaded (Jest's `enableGlobally`)
 * are @sinonjs/fake-timers in Jest and vitest, whose fakes carry their clock, which keeps the originals.
 */
const realTimers = () => {
  const clock = (globalThis.setTimeout as { clock?: Timers }).clock ?? (loadedSetTimeout as { clock?: Timers }).clock;
  return { set: clock?._setTimeout ?? loadedSetTimeout, clear: clock?._clearTimeout ?? loadedClearTimeout };
};

/** One signal the app sent, as the inbox received it. */
export interface SentSignal {
  /** The parsed JSON body: exactly what Kelet would receive. */
  body: FeedbackData;
  /** The project from the URL (`/api/projects/{project}/signal`). */
  project: string;
  url: string;
  /** The request headers (`Content-Type`, `Authorization`). */
  headers: Record<string, string>;
}

/** How the inbox answers: a status, or a function of the signal returning a status or a response-like object. */
export type TestInboxAnswer = number | ((signal: SentSignal) => number | ResponseLike | Promise<number | ResponseLike>);

export interface TestInboxOptions {
  /** The first answer (default 200); change it later with `respondWith`. */
  respondWith?: TestInboxAnswer;
}

/** Matches when every given field equals the body's (objects compared by value), or when the function says so. */
export type SignalMatch = Partial<Record<keyof FeedbackData | (string & {}), unknown>> | ((signal: SentSignal) => boolean);

export interface TestInbox {
  /** Give it to `KeletProvider`'s or `createKeletClient`'s `fetch` prop. */
  fetch: FetchLike;
  /** Every signal the app sent, oldest first (also those answered with a failure). */
  readonly signals: SentSignal[];
  /**
   * Resolves with the first signal sent (already, or later) that matches; rejects after `timeout` ms
   * (default 1000, real time even under fake timers) naming what was sent instead.
   */
  waitForSignal(match?: SignalMatch, options?: { timeout?: number }): Promise<SentSignal>;
  /** Answers the next requests with this status (`respondWith(401)` tests the app's error path) or handler. */
  respondWith(answer: TestInboxAnswer): void;
  /** Forgets the signals sent so far and answers 200 again. */
  clear(): void;
}

/** Equal by value: objects and arrays field by field, whatever order their keys were written in. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a != "object" || typeof b != "object" || !a || !b || Array.isArray(a) != Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bRecord = b as Record<string, unknown>;
  return aKeys.length == Object.keys(b).length && aKeys.every((key) => key in bRecord && same((a as Record<string, unknown>)[key], bRecord[key]));
}

function matches(signal: SentSignal, match: SignalMatch | undefined): boolean {
  if (!match) return true;
  if (typeof match == "function") return match(signal);
  const body = signal.body as unknown as Record<string, unknown>;
  return Object.entries(match).every(([field, value]) => same(body[field], value));
}

const STATUS_TEXT: Record<number, string> = { 200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable" };

/** A plain response object: works where the test environment has no `Response` (Jest's jsdom). */
const answerWith = (status: number): ResponseLike => ({ ok: status >= 200 && status < 300, status, statusText: STATUS_TEXT[status] ?? "", headers: { get: () => null } });

/**
 * An in-memory Kelet for an app's own tests (vitest or Jest, with Testing
 * Library and fake timers): pass its `fetch` to the provider, then assert on
 * what the app sent. Nothing leaves the process.
 *
 * @example
 * const inbox = createTestInbox();
 * render(<KeletProvider apiKey="pk-kelet-test" project="support-bot" fetch={inbox.fetch}><App /></KeletProvider>);
 * await user.click(screen.getByRole("button", { name: "Helpful" }));
 * expect((await inbox.waitForSignal({ trigger_name: "user-vote" })).body.score).toBe(1);
 */
export function createTestInbox(options: TestInboxOptions = {}): TestInbox {
  const signals: SentSignal[] = [];
  let answer: TestInboxAnswer = options.respondWith ?? 200;
  const waiters = new Set<() => void>();

  const fetch: FetchLike = async (url: string, init: SignalRequestInit) => {
    const sent: SentSignal = {
      body: JSON.parse(init.body) as FeedbackData,
      project: decodeURIComponent(/\/projects\/([^/]+)\/signal/.exec(url)?.[1] ?? ""),
      url,
      headers: { ...init.headers },
    };
    signals.push(sent);
    for (const wake of [...waiters]) wake();
    const given = typeof answer == "function" ? await answer(sent) : answer;
    return typeof given == "number" ? answerWith(given) : given;
  };

  return {
    fetch,
    signals,
    waitForSignal(match, { timeout = 1000 } = {}) {
      return new Promise<SentSignal>((resolve, reject) => {
        const timers = realTimers();
        const check = () => {
          const found = signals.find((signal) => matches(signal, match));
          if (!found) return;
          done();
          resolve(found);
        };
        const timer = timers.set(() => {
          done();
          const sent = signals.map((s) => JSON.stringify(s.body)).join("\n  ") || "(nothing)";
          reject(new Error(`No matching Kelet signal within ${timeout} ms${match && typeof match == "object" ? ` for ${JSON.stringify(match)}` : ""}. Sent:\n  ${sent}`));
        }, timeout);
        const done = () => {
          timers.clear(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    respondWith(next) {
      answer = next;
    },
    clear() {
      signals.length = 0;
      answer = 200;
    },
  };
}
