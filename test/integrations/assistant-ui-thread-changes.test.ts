import { describe, expect, it } from "vitest";
import { threadChanges, type ThreadMessageLike } from "../../src/integrations/assistant-ui/thread-changes";

const user = (id: string): ThreadMessageLike => ({ id, role: "user" });
const answer = (id: string, type: string, reason?: string): ThreadMessageLike => ({ id, role: "assistant", status: { type, ...(reason ? { reason } : {}) } });
const state = (isRunning: boolean, ...messages: ThreadMessageLike[]) => ({ isRunning, messages });

describe("reading reloads and cancels from two states of an assistant-ui thread", () => {
  it("a new running answer where a finished one stood after the same question is a retry of the finished one", () => {
    const changes = threadChanges(state(false, user("q"), answer("a1", "complete")), state(true, user("q"), answer("a2", "running")), new Set());
    expect(changes).toEqual([{ trigger: "user-retry", message: answer("a1", "complete") }]);
  });

  it("switching to another branch (a finished answer) is not a retry", () => {
    expect(threadChanges(state(false, user("q"), answer("a1", "complete")), state(false, user("q"), answer("a2", "complete")), new Set())).toEqual([]);
  });

  it("editing the question (a new message before the answer) is not a retry", () => {
    expect(threadChanges(state(false, user("q"), answer("a1", "complete")), state(true, user("q-edited"), answer("a2", "running")), new Set())).toEqual([]);
  });

  it("a running answer whose id changes (an external store renaming it) is not a retry", () => {
    expect(threadChanges(state(true, user("q"), answer("tmp", "running")), state(true, user("q"), answer("server-id", "running")), new Set())).toEqual([]);
  });

  it("an answer seen running that ends cancelled is a stop; one loaded already cancelled is not", () => {
    const seen = new Set<string>();
    threadChanges(state(false, user("q")), state(true, user("q"), answer("a", "running")), seen);
    const stopped = threadChanges(state(true, user("q"), answer("a", "running")), state(false, user("q"), answer("a", "incomplete", "cancelled")), seen);
    expect(stopped.map((change) => change.trigger)).toEqual(["user-stop"]);
    const loaded = threadChanges(state(false), state(false, user("q"), answer("old", "incomplete", "cancelled")), new Set());
    expect(loaded).toEqual([]);
  });
});
