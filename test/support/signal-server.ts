import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

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

/** How the server answers one request: a status, optional headers, or never (`hang`). */
export type PlannedAnswer = number | { status: number; headers?: Record<string, string>; statusText?: string } | "hang";

/**
 * A real HTTP server on 127.0.0.1 that records every request (CORS
 * preflights excepted) and answers from a plan (then with 200 once the plan
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
  close(): Promise<void>;
}

export async function startSignalServer(): Promise<SignalServer> {
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
      const answer = answers.length > 0 ? answers.shift()! : 200;
      if (answer === "hang") {
        hanging.add(res);
      } else {
        const { status, headers, statusText } = typeof answer === "number" ? { status: answer, headers: {}, statusText: undefined } : answer;
        record.status = status;
        res.writeHead(status, statusText, { "Content-Type": "application/json", ...headers });
        res.end(status < 300 ? '{"ok":true}' : '{"error":"planned"}');
      }
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    accepted: () => requests.filter((r) => r.status !== undefined && r.status < 300).map((r) => JSON.parse(r.body) as Record<string, unknown>),
    plan: (...planned) => answers.push(...planned),
    async waitForRequests(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (requests.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} requests, got ${requests.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return requests.slice(0, count);
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
