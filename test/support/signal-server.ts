import { afterEach, beforeEach } from "vitest";
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// Captured at load, so a test that fakes timers still has a server that answers and waits in real time.
const realSetTimeout = globalThis.setTimeout;

/** One request the server received. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The status the server answered with (undefined while it hangs). */
  status?: number;
  receivedAtMs: number;
}

/**
 * How the server answers one request: a status, optional headers and a delay,
 * never (`hang`), by cutting the connection without an answer (`reset`), or
 * by accepting the body and then cutting the connection, so the answer is
 * lost on the way back (`lose-answer`: the client cannot know it arrived).
 */
export type PlannedAnswer =
  | number
  | { status: number; headers?: Record<string, string>; statusText?: string; delayMs?: number }
  | "hang"
  | "reset"
  | "lose-answer";

export interface SignalServerOptions {
  /** Start with the port reserved but refusing connections ("not listening yet"); call `up()` later. */
  listening?: boolean;
  /** How to answer once the plan is used up (default: 200). */
  defaultAnswer?: (request: ReceivedRequest) => PlannedAnswer;
}

/**
 * A real HTTP server on 127.0.0.1 that records every request (CORS
 * preflights and development's GET probes excepted) and answers from a plan (then with 200 once the plan
 * is used up).
 */
export interface SignalServer {
  /** e.g. `http://127.0.0.1:43123` */
  origin: string;
  requests: ReceivedRequest[];
  /** Bodies of the requests answered 2xx, parsed. */
  accepted(): Record<string, unknown>[];
  /** Appends answers for the next requests. */
  plan(...answers: PlannedAnswer[]): void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  /** Resolves once `count` bodies were accepted (answered 2xx). */
  waitForAccepted(count: number, timeoutMs?: number): Promise<Record<string, unknown>[]>;
  /** Stops listening: new connections are refused, open ones are cut. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startSignalServer(options: SignalServerOptions = {}): Promise<SignalServer> {
  const requests: ReceivedRequest[] = [];
  const answers: PlannedAnswer[] = [];
  const hanging = new Set<ServerResponse>();
  const waiters: Array<() => void> = [];

  const server: Server = createServer((req, res) => {
    // Pages under test live on another port: answer CORS like the real API.
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Expose-Headers", "X-Session-ID, Retry-After");
    if (req.method === "OPTIONS") {
      res.writeHead(204, {
        "Access-Control-Allow-Methods": "POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type, Authorization",
        "Access-Control-Max-Age": "600",
      });
      res.end();
      return;
    }
    // Development's no-cors probe of an origin that failed (a GET of "/"): the server is up, so it answers; it is
    // no signal, so it is neither recorded nor given a planned answer.
    if (req.method === "GET") {
      res.writeHead(200).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const record: ReceivedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        receivedAtMs: Date.now(),
      };
      requests.push(record);
      const answer = answers.length > 0 ? answers.shift()! : (options.defaultAnswer?.(record) ?? 200);
      if (answer === "hang") {
        hanging.add(res);
      } else if (answer === "reset") {
        req.socket.destroy();
      } else if (answer === "lose-answer") {
        record.status = 200;
        req.socket.destroy();
      } else {
        const { status, headers, statusText, delayMs } = typeof answer === "number" ? { status: answer, headers: {}, statusText: undefined, delayMs: 0 } : answer;
        const respond = () => {
          record.status = status;
          res.writeHead(status, statusText, { "Content-Type": "application/json", ...headers });
          res.end(status < 300 ? '{"ok":true}' : '{"error":"planned"}');
          for (const wake of waiters.splice(0)) wake();
        };
        if (delayMs) realSetTimeout(respond, delayMs);
        else respond();
      }
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let listening = true;
  const stopListening = async () => {
    if (!listening) return;
    listening = false;
    for (const res of hanging) res.destroy();
    hanging.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  const accepted = () =>
    requests.filter((r) => r.status !== undefined && r.status < 300).map((r) => JSON.parse(r.body) as Record<string, unknown>);
  if (options.listening === false) await stopListening();

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    plan: (...planned) => answers.push(...planned),
    async waitForRequests(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} requests, got ${requests.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          realSetTimeout(resolve, 50);
        });
      }
      return requests.slice(0, count);
    },
    async waitForAccepted(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (accepted().length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} accepted bodies, got ${accepted().length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          realSetTimeout(resolve, 50);
        });
      }
      return accepted();
    },
    down: stopListening,
    async up() {
      if (listening) return;
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
      listening = true;
    },
    close: stopListening,
  };
}

/**
 * Starts a fresh server before each test of the calling file and closes it
 * after; the returned object always speaks for the running test's server.
 */
export function useSignalServer(options?: SignalServerOptions): SignalServer {
  let current: SignalServer | undefined;
  beforeEach(async () => {
    current = await startSignalServer(options);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as SignalServer, {
    get(_target, key) {
      if (!current) throw new Error("the signal server is only there while a test runs");
      return Reflect.get(current, key);
    },
  });
}
