import { render, screen } from "@testing-library/react";
import { startTransition, useState } from "react";
import { userEvent } from "vitest/browser";
import { describe, expect, it } from "vitest";
import { KeletProvider, VoteFeedback, useFeedbackState, useKeletSignal } from "../../src";

// Review of issue 22.6 in real Chromium: "a signal carries the user event during whose handling it was made
// (for an edit sequence, the last user event that changed that state); a change made outside any user event carries none".
type DomEvent = Record<string, unknown> & { type?: string; label?: string };
type Body = { trigger_name?: string; score?: number; value?: string; metadata?: { $dom_event?: DomEvent } };

function setup(children: React.ReactNode) {
  const bodies: Body[] = [];
  const transport = async (_url: string, init?: RequestInit) => {
    bodies.push(JSON.parse(String(init?.body)) as Body);
    return new Response(null, { status: 200 });
  };
  render(
    <KeletProvider apiKey="pk_1" project="p" baseUrl="https://api.kelet.test" fetch={transport}>
      {children}
    </KeletProvider>,
  );
  const find = (trigger: string) => bodies.find((body) => body.trigger_name === trigger);
  const sent = (trigger: string) => expect.poll(() => Boolean(find(trigger)), { timeout: 3000 }).toBe(true);
  return { bodies, domEventOf: (trigger: string) => find(trigger)?.metadata?.$dom_event, sent };
}

function Later() {
  const send = useKeletSignal();
  const signal = (trigger: string) => void send({ session_id: "s-1", kind: "event", trigger_name: trigger });
  return (
    <>
      <button onClick={() => setTimeout(() => signal("timeout-0"))}>Timer 0</button>
      <button onClick={() => requestAnimationFrame(() => signal("animation-frame"))}>Frame</button>
      <button
        onClick={() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => signal("message-channel");
          channel.port2.postMessage(null);
        }}
      >
        Message
      </button>
      <button onClick={() => signal("in-handler")}>Now</button>
    </>
  );
}

describe("$dom_event of a signal made after the click's handling ended (real Chromium)", () => {
  it.each([
    ["a setTimeout(0)", "Timer 0", "timeout-0"],
    ["a requestAnimationFrame", "Frame", "animation-frame"],
    ["a MessageChannel message", "Message", "message-channel"],
  ])("sends a signal made in %s scheduled by my click with no event", async (_how, button, trigger) => {
    const { domEventOf, sent } = setup(<Later />);
    await userEvent.click(screen.getByText(button));
    await sent(trigger);
    expect(domEventOf(trigger)).toBeUndefined();
  });

  it("sends a signal made in my click's own handler with that click", async () => {
    const { domEventOf, sent } = setup(<Later />);
    await userEvent.click(screen.getByText("Now"));
    await sent("in-handler");
    expect(domEventOf("in-handler")).toMatchObject({ type: "click", label: "Now" });
  });
});

function Draft({ session }: { session: string }) {
  const [draft, setDraft] = useFeedbackState("The answer is 42.", session, { debounceMs: 5000 });
  return (
    <>
      <textarea aria-label="Draft" value={draft} onChange={(event) => setDraft(event.target.value, "manual_refinement")} />
      <button onClick={() => setTimeout(() => setDraft("The answer is 43.", "ai_generation"), 10)}>Regenerate later</button>
      <button onClick={() => setDraft((current) => current, "manual_refinement")}>Save</button>
      <button onClick={() => startTransition(() => setDraft((current) => current.slice(0, 10), "shorten"))}>Shorten</button>
      <button onClick={() => setDraft((current) => current.toUpperCase(), "shout")}>Shout</button>
      <button onClick={() => setTimeout(() => setDraft((current) => current.trimEnd() + "!", "manual_refinement"), 10)}>Tidy later</button>
    </>
  );
}

function Chat() {
  const [session, setSession] = useState("s-1");
  const [shown, setShown] = useState(true);
  return (
    <>
      {shown && <Draft session={session} />}
      <button onClick={() => setSession("s-2")}>Next answer</button>
      <button onClick={() => setShown(false)}>Hide draft</button>
    </>
  );
}

describe("$dom_event of an edit sequence is the last user event that changed that state (real Chromium)", () => {
  it("sends my typing with its input event when a click on Next answer ends the sequence, not with that click", async () => {
    const { domEventOf, sent } = setup(<Chat />);
    await userEvent.type(screen.getByLabelText("Draft"), " Sure?");
    await userEvent.click(screen.getByText("Next answer"));
    await sent("manual_refinement");
    expect(domEventOf("manual_refinement")).toMatchObject({ type: "input", label: "Draft" });
  });

  it("sends my typing with its input event when a click on Hide draft unmounts it, not with that click", async () => {
    const { domEventOf, sent } = setup(<Chat />);
    await userEvent.type(screen.getByLabelText("Draft"), " Sure?");
    await userEvent.click(screen.getByText("Hide draft"));
    await sent("manual_refinement");
    expect(domEventOf("manual_refinement")).toMatchObject({ type: "input", label: "Draft" });
  });

  it("keeps my typing's input event when the AI's timer change ends my sequence, and sends the AI's change with none", async () => {
    const { domEventOf, sent, bodies } = setup(<Chat />);
    await userEvent.type(screen.getByLabelText("Draft"), " Sure?");
    await userEvent.click(screen.getByText("Regenerate later"));
    await sent("manual_refinement");
    expect(domEventOf("manual_refinement")).toMatchObject({ type: "input", label: "Draft" });
    // The AI's own change is sent when its sequence ends (unmount here).
    await userEvent.click(screen.getByText("Hide draft"));
    await sent("ai_generation");
    expect(domEventOf("ai_generation")).toBeUndefined();
    expect(bodies).toHaveLength(2);
  });
});

describe("$dom_event of an edit sequence ignores what did not change the state, and what no user did", () => {
  it("sends my typing with its input event when I then press Save, which leaves the draft as it is", async () => {
    const { domEventOf, sent } = setup(<Chat />);
    await userEvent.type(screen.getByLabelText("Draft"), " Sure?");
    await userEvent.click(screen.getByText("Save"));
    await userEvent.click(screen.getByText("Hide draft"));
    await sent("manual_refinement");
    expect(domEventOf("manual_refinement")).toMatchObject({ type: "input", label: "Draft" });
  });

  it("sends my typing with its input event when a timer then tidies the same sequence, since no user event made that change", async () => {
    const { domEventOf, sent } = setup(<Chat />);
    await userEvent.type(screen.getByLabelText("Draft"), " Sure? ");
    await userEvent.click(screen.getByText("Tidy later"));
    await expect.poll(() => (screen.getByLabelText("Draft") as HTMLTextAreaElement).value.endsWith("!")).toBe(true);
    await userEvent.click(screen.getByText("Hide draft"));
    await sent("manual_refinement");
    expect(domEventOf("manual_refinement")).toMatchObject({ type: "input", label: "Draft" });
  });
});

describe("$dom_event of an edit a click asked for", () => {
  it("sends an edit my click made through an updater function with that click", async () => {
    const { domEventOf, sent } = setup(<Chat />);
    await userEvent.click(screen.getByText("Shout"));
    await userEvent.click(screen.getByText("Hide draft"));
    await sent("shout");
    expect(domEventOf("shout")).toMatchObject({ type: "click", label: "Shout" });
  });

  it("sends an edit my click made inside startTransition with that click", async () => {
    const { domEventOf, sent } = setup(<Chat />);
    await userEvent.click(screen.getByText("Shorten"));
    await expect.poll(() => (screen.getByLabelText("Draft") as HTMLTextAreaElement).value).toBe("The answer");
    await userEvent.click(screen.getByText("Hide draft"));
    await sent("shorten");
    expect(domEventOf("shorten")).toMatchObject({ type: "click", label: "Shorten" });
  });
});

describe("$dom_event of VoteFeedback's signals (real Chromium)", () => {
  it("sends my vote with its click and my Ctrl+Enter comment with its keydown, never the words I typed", async () => {
    const { bodies } = setup(
      <VoteFeedback.Root session_id="s-1" trigger_name="user-vote">
        <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
        <VoteFeedback.Popover>
          <VoteFeedback.Textarea />
          <VoteFeedback.SubmitButton>Send</VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>,
    );
    await userEvent.click(screen.getByLabelText("Downvote feedback"));
    await expect.poll(() => document.activeElement?.tagName).toBe("TEXTAREA");
    await userEvent.keyboard("secret words");
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await expect.poll(() => bodies.length, { timeout: 3000 }).toBe(2);
    expect(bodies[0]!.metadata?.$dom_event).toMatchObject({ type: "click", label: "Downvote feedback" });
    expect(bodies[1]!.metadata?.$dom_event).toMatchObject({ type: "keydown" });
    expect(JSON.stringify(bodies[1]!.metadata)).not.toContain("secret");
  });
});
