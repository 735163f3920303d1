import { act, render } from "@testing-library/react";
import { startTransition, Suspense, useEffect, useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { KeletProvider, useFeedbackReducer, useFeedbackState, type FeedbackStateSetter } from "../../src";
import { useSignalServer } from "../support/signal-server";

const server = useSignalServer();

describe("edit signals through KeletProvider", () => {
  it("posts one edit signal per sequence to the project's endpoint", async () => {
    let setter: FeedbackStateSetter<string | null> = () => {};
    function Draft() {
      [, setter] = useFeedbackState<string | null>(null, "sess-42", { debounceMs: 30, metadata: { screen: "reply" } });
      return null;
    }
    render(
      <KeletProvider apiKey="pk_test_1" project="support-bot" baseUrl={server.origin}>
        <Draft />
      </KeletProvider>,
    );
    act(() => setter("Your order ships on Monday.", "ai_generation"));
    act(() => setter("Your order ships on Tuesday.", "manual_refinement"));
    const [request] = await server.waitForRequests(1);
    expect(request!.url).toBe("/api/projects/support-bot/signal");
    expect(request!.headers.authorization).toBe("Bearer pk_test_1");
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({
      session_id: "sess-42",
      kind: "edit",
      source: "human",
      trigger_name: "manual_refinement",
      score: 1,
      value: "-Your order ships on Monday.\n+Your order ships on Tuesday.",
      metadata: { screen: "reply" },
    });
    expect(body.confidence).toBeCloseTo(4 / 28);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(1);
  });

  it("posts a pending reducer sequence when the editor unmounts", async () => {
    let dispatch: (action: { type: "add"; item: string }) => void = () => {};
    function List() {
      [, dispatch] = useFeedbackReducer((items: string[], action: { type: "add"; item: string }) => [...items, action.item], ["a"], "sess-7");
      return null;
    }
    const view = render(
      <KeletProvider apiKey="pk_test_1" project="p" baseUrl={server.origin}>
        <List />
      </KeletProvider>,
    );
    act(() => dispatch({ type: "add", item: "b" }));
    view.unmount();
    const [request] = await server.waitForRequests(1);
    expect(JSON.parse(request!.body)).toMatchObject({ session_id: "sess-7", kind: "edit", trigger_name: "add" });
  });

  it("tells the provider's onError when the server refuses the edit, with no unhandled rejection", async () => {
    server.plan(401);
    const onError = vi.fn();
    let setter: FeedbackStateSetter<string> = () => {};
    function Draft() {
      [, setter] = useFeedbackState("a", "s", { debounceMs: 10 });
      return null;
    }
    render(
      <KeletProvider apiKey="pk_test_1" project="p" baseUrl={server.origin} onError={onError}>
        <Draft />
      </KeletProvider>,
    );
    act(() => setter("b"));
    await vi.waitFor(() => expect(onError).toHaveBeenCalledTimes(1));
    expect(onError.mock.calls[0]![0].message).toBe("Failed to submit feedback: Unauthorized");
    expect(onError.mock.calls[0]![1]).toMatchObject({ kind: "edit", value: "-a\n+b" });
  });

  it("posts my edit with the conversation on screen while the switch to another one is still loading", async () => {
    const never = new Promise<never>(() => {});
    function NeverReady(): null {
      throw never;
    }
    const renderedWith: string[] = [];
    let setter: FeedbackStateSetter<string> = () => {};
    let switchTo: (conversation: string) => void = () => {};
    function Draft({ conversation }: { conversation: string }) {
      renderedWith.push(conversation);
      [, setter] = useFeedbackState("Hello", `conversation-${conversation}`, { debounceMs: 30, metadata: { conversation } });
      return null;
    }
    function Chat() {
      const [conversation, setConversation] = useState("A");
      switchTo = (next) => startTransition(() => setConversation(next));
      return (
        <Suspense fallback={null}>
          <Draft conversation={conversation} />
          {conversation === "B" && <NeverReady />}
        </Suspense>
      );
    }
    render(
      <KeletProvider apiKey="pk_test_1" project="p" baseUrl={server.origin}>
        <Chat />
      </KeletProvider>,
    );
    act(() => switchTo("B"));
    expect(renderedWith).toContain("B");
    act(() => setter("Hello there", "manual_refinement"));
    const [request] = await server.waitForRequests(1);
    expect(JSON.parse(request!.body)).toMatchObject({ session_id: "conversation-A", metadata: { conversation: "A" }, value: "-Hello\n+Hello there" });
  });

  it("posts my fix to answer A with A's session, then B's answer with B's, when I open B before the quiet time ends", async () => {
    const answers: Record<string, string> = { A: "Your refund was approved.", B: "Your order ships on Monday." };
    let setter: FeedbackStateSetter<string> = () => {};
    function Answer({ conversation }: { conversation: string }) {
      const [, setText] = useFeedbackState(answers.A!, conversation, { debounceMs: 200, metadata: { conversation } });
      setter = setText;
      useEffect(() => setText(answers[conversation]!, "ai_generation"), [conversation, setText]);
      return null;
    }
    const view = render(
      <KeletProvider apiKey="pk_test_1" project="p" baseUrl={server.origin}>
        <Answer conversation="A" />
      </KeletProvider>,
    );
    act(() => setter("Your refund was approved today.", "manual_refinement"));
    view.rerender(
      <KeletProvider apiKey="pk_test_1" project="p" baseUrl={server.origin}>
        <Answer conversation="B" />
      </KeletProvider>,
    );
    const [fix, loaded] = (await server.waitForRequests(2)).map((request) => JSON.parse(request.body));
    expect(fix).toMatchObject({ session_id: "A", trigger_name: "manual_refinement", metadata: { conversation: "A" }, value: "-Your refund was approved.\n+Your refund was approved today." });
    expect(loaded).toMatchObject({ session_id: "B", trigger_name: "ai_generation", metadata: { conversation: "B" } });
  });
});
