/**
 * The soak's API server, in its own process so the client's peak memory is
 * the library's alone. Fails 30% of requests at random; takes orders over IPC.
 */
import { startSignalServer, type PlannedAnswer } from "../test/support/signal-server";

// 30% of requests fail. Answers first, then connection-level faults; "lose-answer" accepts the body but cuts the answer.
const FAULTS: Array<[number, PlannedAnswer]> = [
  [0.06, { status: 500, statusText: "Internal Server Error" }],
  [0.04, { status: 502, statusText: "Bad Gateway" }],
  [0.06, { status: 503, statusText: "Service Unavailable" }],
  [0.04, { status: 504, statusText: "Gateway Timeout" }],
  [0.04, { status: 429, statusText: "Too Many Requests", headers: { "Retry-After": "1" } }],
  [0.05, "reset"],
  [0.01, "lose-answer"],
];

function randomAnswer(): PlannedAnswer {
  let roll = Math.random();
  for (const [share, answer] of FAULTS) {
    if (roll < share) return answer;
    roll -= share;
  }
  return 200;
}

const lostAnswers = new Map<string, number>();
const server = await startSignalServer({
  defaultAnswer: (request) => {
    const answer = randomAnswer();
    if (answer === "lose-answer") {
      const id = String((JSON.parse(request.body) as { metadata?: { soak_id?: string } }).metadata?.soak_id);
      lostAnswers.set(id, (lostAnswers.get(id) ?? 0) + 1);
    }
    return answer;
  },
});

process.on("message", async (message: { type: string }) => {
  if (message.type === "down") await server.down();
  if (message.type === "up") await server.up();
  if (message.type === "stats") {
    const accepted: Record<string, number> = {};
    for (const body of server.accepted()) {
      const id = String((body.metadata as { soak_id?: string } | undefined)?.soak_id);
      accepted[id] = (accepted[id] ?? 0) + 1;
    }
    const byStatus: Record<string, number> = {};
    for (const r of server.requests) byStatus[String(r.status ?? "cut")] = (byStatus[String(r.status ?? "cut")] ?? 0) + 1;
    process.send!({ type: "stats", accepted, lostAnswers: Object.fromEntries(lostAnswers), requests: server.requests.length, byStatus });
  }
  if (message.type === "close") {
    await server.close();
    process.exit(0);
  }
  process.send!({ type: "done", of: message.type });
});
process.send!({ type: "ready", origin: server.origin });
