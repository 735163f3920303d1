import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { convertToModelMessages, streamText, type UIMessage } from "ai";
import { MockLanguageModelV3 } from "ai/test";
import { afterEach, beforeEach } from "vitest";

/** What the chat route received: the AI SDK's request body. */
export interface ChatRequestBody {
  id: string;
  messages: UIMessage[];
  trigger: "submit-message" | "regenerate-message";
  messageId?: string;
}

export interface ChatServer {
  /** e.g. `http://127.0.0.1:43123/api/chat` */
  api: string;
  bodies: ChatRequestBody[];
  /** Requests whose answer stream was cut by the client (a stop). */
  aborted: number;
  /** Answers the next request with a 500 instead of a stream. */
  failNext(): void;
  close(): Promise<void>;
}

const FINISH = {
  type: "finish" as const,
  finishReason: { unified: "stop" as const, raw: "stop" },
  usage: {
    inputTokens: { total: 3, noCache: 3, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: 2, text: 2, reasoning: undefined },
  },
};

/**
 * A model that answers "Answer N." in two pieces; for a question containing
 * "slow" it sends the first piece and then waits, streaming, until the
 * request is aborted. (A question containing "hold" gets no answer at all.)
 */
function mockModel(answerNumber: number, slow: boolean): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    doStream: async ({ abortSignal }) => ({
      stream: new ReadableStream({
        start(controller) {
          controller.enqueue({ type: "stream-start", warnings: [] });
          controller.enqueue({ type: "text-start", id: "t" });
          controller.enqueue({ type: "text-delta", id: "t", delta: `Answer ${answerNumber}` });
          if (slow) {
            abortSignal?.addEventListener("abort", () => controller.error(abortSignal.reason));
            return;
          }
          controller.enqueue({ type: "text-delta", id: "t", delta: "." });
          controller.enqueue({ type: "text-end", id: "t" });
          controller.enqueue(FINISH);
          controller.close();
        },
      }),
    }),
  });
}

function questionText(message: UIMessage | undefined): string {
  return message?.parts.map((part) => (part.type === "text" ? part.text : "")).join("") ?? "";
}

/**
 * A chat route on 127.0.0.1 answering in the AI SDK's UI message stream
 * format, with the `ai` package's own server code (streamText over a mock
 * model, piped to node:http). Each answer carries the server's session id in
 * its message metadata (`sessionId: "server-<chat id>"`).
 */
export async function startChatServer(): Promise<ChatServer> {
  const bodies: ChatRequestBody[] = [];
  let failures = 0;
  const state = { aborted: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatRequestBody;
      bodies.push(body);
      if (failures > 0) {
        failures -= 1;
        res.writeHead(500, { "Content-Type": "text/plain" });
        res.end("the model is down");
        return;
      }
      const abort = new AbortController();
      res.on("close", () => {
        if (!res.writableFinished) {
          state.aborted += 1;
          abort.abort();
        }
      });
      const lastUser = [...body.messages].reverse().find((message) => message.role === "user");
      // "hold": no answer at all until the client gives up, so the chat stays "submitted".
      if (questionText(lastUser).includes("hold")) return;
      const result = streamText({
        model: mockModel(bodies.length, questionText(lastUser).includes("slow")),
        messages: await convertToModelMessages(body.messages),
        abortSignal: abort.signal,
      });
      result.pipeUIMessageStreamToResponse(res, {
        messageMetadata: ({ part }) => (part.type === "start" ? { sessionId: `server-${body.id}` } : undefined),
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    api: `http://127.0.0.1:${port}/api/chat`,
    bodies,
    get aborted() {
      return state.aborted;
    },
    failNext: () => {
      failures += 1;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A fresh chat server for each test of the calling file. */
export function useChatServer(): ChatServer {
  let current: ChatServer | undefined;
  beforeEach(async () => {
    current = await startChatServer();
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as ChatServer, {
    get(_target, key) {
      if (!current) throw new Error("the chat server is only there while a test runs");
      return Reflect.get(current, key);
    },
  });
}
