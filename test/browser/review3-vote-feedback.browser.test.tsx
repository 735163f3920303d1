import { cleanup, render, waitFor } from "@testing-library/react";
import { StrictMode, useEffect, useState, type ReactNode } from "react";
import { userEvent } from "vitest/browser";
import { afterEach, describe, expect, it } from "vitest";
import { VoteFeedback, type FeedbackData, type PopoverProps, type VoteFeedbackRootProps } from "../../src";

// Review of issue 19 (first open, focus, placement, aria) and API.md A/B 11, 13, 16 in real Chromium.

const byLabel = (label: string) => document.querySelector<HTMLElement>(`[aria-label="${label}"]`)!;
const upvote = () => byLabel("Upvote feedback");
const downvote = () => byLabel("Downvote feedback");
const textarea = () => document.querySelector<HTMLTextAreaElement>("textarea")!;
const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');
const settle = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

function Widget({ popover, after, ...root }: Partial<VoteFeedbackRootProps> & { popover?: PopoverProps; after?: ReactNode }) {
  return (
    <main>
      <p>The capital of Australia is Canberra.</p>
      <VoteFeedback.Root session_id="s-1" {...root}>
        <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
        <VoteFeedback.Popover {...popover} style={{ background: "white", border: "1px solid #ccc", padding: 12, ...popover?.style }}>
          <VoteFeedback.Reason value="Wrong" />
          <VoteFeedback.Textarea />
          <VoteFeedback.SubmitButton>{({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")}</VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>
      {after}
      <input aria-label="Message" />
    </main>
  );
}

function renderWidget(props: Parameters<typeof Widget>[0] = {}, strict = false) {
  const received: FeedbackData[] = [];
  const tree = <Widget onFeedback={(data) => void received.push(data)} {...props} />;
  render(strict ? <StrictMode>{tree}</StrictMode> : tree);
  return received;
}

/** What the page shows in the first painted frame with a dialog in it. */
function firstFrameWithDialog(opener: () => HTMLElement = downvote) {
  return new Promise<{ expanded: string | null; focusedInside: boolean; popover: DOMRect; button: DOMRect }>((resolve) => {
    const look = () => {
      const open = dialog();
      if (!open) return requestAnimationFrame(look);
      resolve({
        expanded: opener().getAttribute("aria-expanded"),
        focusedInside: open.contains(document.activeElement),
        popover: open.getBoundingClientRect(),
        button: opener().getBoundingClientRect(),
      });
    };
    requestAnimationFrame(look);
  });
}

/** Records every moment the downvote button points (aria-controls) at an id that is not in the page. */
function watchDanglingControls() {
  const dangling: string[] = [];
  const check = () => {
    for (const button of document.querySelectorAll<HTMLElement>("[aria-controls]")) {
      const id = button.getAttribute("aria-controls")!;
      if (!document.getElementById(id)) dangling.push(`${button.getAttribute("aria-label")} -> ${id}`);
    }
    for (const button of document.querySelectorAll<HTMLElement>('[aria-expanded="true"]')) {
      if (!dialog()) dangling.push(`${button.getAttribute("aria-label")} expanded without a dialog`);
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  return {
    dangling,
    stop: () => {
      check();
      observer.disconnect();
    },
  };
}

describe("VoteFeedback's keyboard and focus rules in real Chromium", () => {
  it("sends my comment with Cmd+Enter (Meta) too, as it does with Ctrl+Enter", async () => {
    const received = renderWidget();
    await userEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.keyboard("Too vague");
    await userEvent.keyboard("{Meta>}{Enter}{/Meta}");
    await waitFor(() => expect(dialog()).toBeNull());
    expect(received.map(({ score, value }) => ({ score, value }))).toEqual([
      { score: 0, value: undefined },
      { score: 0, value: "Too vague" },
    ]);
    expect(document.activeElement).toBe(downvote());
  });

  it("writes a new line on a plain Enter instead of submitting my comment", async () => {
    const received = renderWidget();
    await userEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.keyboard("line one{Enter}line two");
    await settle();
    expect(dialog()).not.toBeNull();
    expect(textarea().value).toBe("line one\nline two");
    expect(received).toHaveLength(1);
  });

  it("sends my switch to a thumbs-up when I press it with the popover open, and leaves focus on the thumbs-up", async () => {
    const received = renderWidget();
    await userEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.click(upvote());
    await waitFor(() => expect(received).toHaveLength(2));
    await waitFor(() => expect(dialog()).toBeNull());
    expect(received.map((signal) => signal.score)).toEqual([0, 1]);
    expect(document.activeElement).toBe(upvote());
    expect(upvote().getAttribute("aria-pressed")).toBe("true");
  });

  it("returns focus to the thumbs-down after a submit of blank text with the Close button", async () => {
    const received = renderWidget();
    await userEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.click(byLabel("Close without feedback"));
    await waitFor(() => expect(dialog()).toBeNull());
    expect(document.activeElement).toBe(downvote());
    expect(received).toHaveLength(1);
  });
});

describe('a popover opened by the thumbs-up (popoverOn="both") in real Chromium', () => {
  it("sits under the thumbs-up that opened it, with focus in the textarea, in its first frame", async () => {
    renderWidget({ popoverOn: "both", popover: { sideOffset: 8 } });
    const frame = firstFrameWithDialog(upvote);
    await userEvent.click(upvote());
    const { focusedInside, popover, button } = await frame;
    expect(focusedInside).toBe(true);
    expect(popover.top).toBeGreaterThanOrEqual(button.bottom);
    expect(Math.round(popover.left)).toBe(Math.max(8, Math.round(button.left)));
  });

  it("gives focus back to the thumbs-up that opened it when I press Escape", async () => {
    renderWidget({ popoverOn: "both" });
    await userEvent.click(upvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(dialog()).toBeNull());
    expect(document.activeElement).toBe(upvote());
  });

  it("never points the thumbs-up or the thumbs-down at a popover that is not in the page, through a whole open and close", async () => {
    const watch = watchDanglingControls();
    renderWidget({ popoverOn: "both" });
    await userEvent.click(upvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.keyboard("{Escape}");
    await userEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.click(byLabel("Message"));
    await waitFor(() => expect(dialog()).toBeNull());
    await settle();
    watch.stop();
    expect(watch.dangling).toEqual([]);
  });
});

describe("aria-controls and aria-expanded always describe the page as it is", () => {
  it("never points at a missing popover while it opens, closes with an exit animation, and opens again", async () => {
    const css = "@keyframes out { to { opacity: 0 } } .pop[data-state='closed'] { animation: out 150ms; }";
    const watch = watchDanglingControls();
    renderWidget({ after: <style>{css}</style>, popover: { className: "pop" } });
    await userEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.keyboard("{Escape}");
    await settle(300);
    await userEvent.click(downvote());
    await settle();
    watch.stop();
    expect(watch.dangling).toEqual([]);
  });
});

describe("the first open is right in its first frame", () => {
  it("under StrictMode: expanded, focused and under the button in the frame the popover appears", async () => {
    renderWidget({ popover: { sideOffset: 6 } }, true);
    const frame = firstFrameWithDialog();
    await userEvent.click(downvote());
    const { expanded, focusedInside, popover, button } = await frame;
    expect({ expanded, focusedInside }).toEqual({ expanded: "true", focusedInside: true });
    expect(popover.top).toBeGreaterThanOrEqual(button.bottom);
  });

  it("placed under the button in the first frame when the app renders it with open={true} from the start", async () => {
    const frame = firstFrameWithDialog();
    renderWidget({ open: true, popover: { sideOffset: 6 } });
    const { expanded, popover, button } = await frame;
    expect(expanded).toBe("true");
    expect(popover.top).toBeGreaterThanOrEqual(button.bottom);
    expect(popover.left < button.right + 8 && popover.right > button.left).toBe(true);
  });

  it("placed under the button in the first frame with defaultOpen", async () => {
    const frame = firstFrameWithDialog();
    renderWidget({ defaultOpen: true, popover: { sideOffset: 6 } });
    const { expanded, popover, button } = await frame;
    expect(expanded).toBe("true");
    expect(popover.top).toBeGreaterThanOrEqual(button.bottom);
  });

  it("moves focus into the textarea when the app opens it after the page has loaded, before I click anything", async () => {
    function App() {
      const [open, setOpen] = useState(false);
      useEffect(() => void setTimeout(() => setOpen(true), 30), []);
      return <Widget open={open} onOpenChange={setOpen} onFeedback={() => {}} />;
    }
    render(<App />);
    await waitFor(() => expect(dialog()).not.toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(dialog()).toBeNull());
    expect(document.activeElement).toBe(downvote());
  });
});

describe("a popover the app places itself inside a position:relative wrapper", () => {
  it("stays where the app's CSS puts it and keeps focus rules under StrictMode with a portal-less layout", async () => {
    const received: FeedbackData[] = [];
    render(
      <StrictMode>
        <div style={{ position: "relative", marginTop: 200, marginLeft: 100 }}>
          <VoteFeedback.Root session_id="placed" onFeedback={(data) => void received.push(data)}>
            <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
            <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
            <VoteFeedback.Popover style={{ position: "absolute", bottom: "calc(100% + 8px)", left: 0, background: "white" }}>
              <VoteFeedback.Textarea />
              <VoteFeedback.SubmitButton>Send</VoteFeedback.SubmitButton>
            </VoteFeedback.Popover>
          </VoteFeedback.Root>
        </div>
        <input aria-label="Message" />
      </StrictMode>,
    );
    const frame = firstFrameWithDialog();
    await userEvent.click(downvote());
    const { focusedInside, popover, button } = await frame;
    expect(focusedInside).toBe(true);
    // Above the buttons, its left edge on the wrapper's (100px in).
    expect(popover.bottom).toBeLessThanOrEqual(button.top);
    expect(Math.round(popover.left)).toBe(Math.round(upvote().getBoundingClientRect().left));
    await userEvent.click(byLabel("Message"));
    await waitFor(() => expect(dialog()).toBeNull());
    expect(document.activeElement).toBe(byLabel("Message"));
  });
});

describe("a downvote on a popover that is already open", () => {
  it("sends my thumbs-down and keeps the popover the app opened with defaultOpen open, with focus in the textarea", async () => {
    const received = renderWidget({ defaultOpen: true });
    await waitFor(() => expect(dialog()).not.toBeNull());
    await userEvent.click(downvote());
    await waitFor(() => expect(received).toHaveLength(1));
    await settle();
    expect(received[0]).toMatchObject({ score: 0 });
    expect(dialog()).not.toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    expect(downvote().getAttribute("aria-expanded")).toBe("true");
  });

  it('switches to a thumbs-down while the thumbs-up\'s comment popover is open (popoverOn="both"), keeps it open, and my comment goes with score 0', async () => {
    const received = renderWidget({ popoverOn: "both" });
    await userEvent.click(upvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.click(downvote());
    await waitFor(() => expect(received).toHaveLength(2));
    await settle();
    expect(dialog()).not.toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.keyboard("Wrong city");
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(received).toHaveLength(3));
    expect(received.map(({ score, value }) => ({ score, value }))).toEqual([
      { score: 1, value: undefined },
      { score: 0, value: undefined },
      { score: 0, value: "Wrong city" },
    ]);
  });
});

describe("the app's own textarea (Textarea asChild) in real Chromium", () => {
  it("keeps the app's placeholder and key handler, and still submits with Ctrl+Enter", async () => {
    const received: FeedbackData[] = [];
    const keys: string[] = [];
    render(
      <VoteFeedback.Root session_id="own" onFeedback={(data) => void received.push(data)}>
        <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
        <VoteFeedback.Popover>
          <VoteFeedback.Textarea asChild>
            <textarea placeholder="Tell us more" onKeyDown={(event) => void keys.push(event.key)} />
          </VoteFeedback.Textarea>
          <VoteFeedback.SubmitButton>Send</VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>,
    );
    await userEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    expect(textarea().placeholder).toBe("Tell us more");
    await userEvent.keyboard("ab");
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]).toMatchObject({ value: "ab" });
    expect(keys).toContain("a");
    expect(document.activeElement).toBe(downvote());
  });
});

describe("two answers on one page", () => {
  function TwoAnswers({ received }: { received: FeedbackData[] }) {
    return (
      <>
        {["A", "B"].map((answer) => (
          <section key={answer} aria-label={`Answer ${answer}`} style={{ marginBottom: 160 }}>
            <VoteFeedback.Root session_id={answer} onFeedback={(data) => void received.push(data)}>
              <VoteFeedback.UpvoteButton aria-label={`Upvote ${answer}`}>👍</VoteFeedback.UpvoteButton>
              <VoteFeedback.DownvoteButton aria-label={`Downvote ${answer}`}>👎</VoteFeedback.DownvoteButton>
              <VoteFeedback.Popover style={{ background: "white" }}>
                <VoteFeedback.Textarea aria-label={`Comment ${answer}`} />
                <VoteFeedback.SubmitButton>Send</VoteFeedback.SubmitButton>
              </VoteFeedback.Popover>
            </VoteFeedback.Root>
          </section>
        ))}
      </>
    );
  }

  it("opens answer B's popover with focus in B's textarea when I downvote B while A's is open, and A's close does not pull focus back", async () => {
    const received: FeedbackData[] = [];
    render(<TwoAnswers received={received} />);
    await userEvent.click(byLabel("Downvote A"));
    await waitFor(() => expect(document.activeElement).toBe(byLabel("Comment A")));
    await userEvent.click(byLabel("Downvote B"));
    await waitFor(() => expect(document.querySelectorAll('[role="dialog"]')).toHaveLength(1));
    await settle(100);
    expect(document.activeElement).toBe(byLabel("Comment B"));
    expect(received.map(({ session_id, score }) => `${session_id}:${score}`)).toEqual(["A:0", "B:0"]);
  });

  it("leaves focus on answer B's thumbs-up when I press it while A's popover is open", async () => {
    const received: FeedbackData[] = [];
    render(<TwoAnswers received={received} />);
    await userEvent.click(byLabel("Downvote A"));
    await waitFor(() => expect(document.activeElement).toBe(byLabel("Comment A")));
    await userEvent.click(byLabel("Upvote B"));
    await waitFor(() => expect(dialog()).toBeNull());
    await settle(100);
    expect(document.activeElement).toBe(byLabel("Upvote B"));
  });
});

describe("a portalled popover (portal prop)", () => {
  it("is expanded, focused and under the button in its first frame", async () => {
    renderWidget({ popover: { portal: true, sideOffset: 6 } });
    const frame = firstFrameWithDialog();
    await userEvent.click(downvote());
    const { expanded, focusedInside, popover, button } = await frame;
    expect({ expanded, focusedInside }).toEqual({ expanded: "true", focusedInside: true });
    expect(popover.top).toBeGreaterThanOrEqual(button.bottom);
  });

  it("gives focus back to the thumbs-down on Escape, and leaves it in the composer when I click there", async () => {
    renderWidget({ popover: { portal: true } });
    await userEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(dialog()).toBeNull());
    expect(document.activeElement).toBe(downvote());
    await userEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.click(byLabel("Message"));
    await waitFor(() => expect(dialog()).toBeNull());
    await settle();
    expect(document.activeElement).toBe(byLabel("Message"));
  });

  it("under StrictMode, is placed and expanded in its first frame when the app opens it through open", async () => {
    function App() {
      const [open, setOpen] = useState(false);
      useEffect(() => void setTimeout(() => setOpen(true), 30), []);
      return <Widget open={open} onOpenChange={setOpen} onFeedback={() => {}} popover={{ portal: true, sideOffset: 6 }} />;
    }
    const frame = firstFrameWithDialog();
    render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
    const { expanded, focusedInside, popover, button } = await frame;
    expect({ expanded, focusedInside }).toEqual({ expanded: "true", focusedInside: true });
    expect(popover.top).toBeGreaterThanOrEqual(button.bottom);
  });
});

describe("Ctrl+Enter anywhere in the popover", () => {
  it("submits my comment when I press Ctrl+Enter in another field of the popover (the app's email field)", async () => {
    const received: FeedbackData[] = [];
    render(
      <VoteFeedback.Root session_id="anywhere" onFeedback={(data) => void received.push(data)}>
        <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
        <VoteFeedback.Popover>
          <VoteFeedback.Textarea />
          <input aria-label="Email" />
          <VoteFeedback.SubmitButton>Send</VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>,
    );
    await userEvent.click(downvote());
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.keyboard("Wrong year");
    await userEvent.click(byLabel("Email"));
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]).toMatchObject({ score: 0, value: "Wrong year" });
  });
});
