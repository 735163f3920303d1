import { render, screen, waitFor } from "@testing-library/react";
import axe from "axe-core";
import { userEvent } from "vitest/browser";
import { StrictMode } from "react";
import { describe, expect, it } from "vitest";
import type { FeedbackData } from "../../src/core/signal";
import { VoteFeedback } from "../../src/vote-feedback";

const byLabel = (label: string) => document.querySelector<HTMLElement>(`[aria-label="${label}"]`)!;
const upvote = () => byLabel("Upvote feedback");
const downvote = () => byLabel("Downvote feedback");
const textarea = () => document.querySelector<HTMLTextAreaElement>("textarea")!;
const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');
const composer = () => document.querySelector<HTMLInputElement>('input[aria-label="Message"]')!;

function renderWidget(options: { portal?: boolean } = {}) {
  const received: FeedbackData[] = [];
  render(
    <main>
      <h1>Answer</h1>
      <p>The capital of Australia is Canberra.</p>
      <VoteFeedback.Root session_id="browser-session" onFeedback={(data) => void received.push(data)}>
        <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
        <VoteFeedback.Popover portal={options.portal} sideOffset={6} style={{ background: "white", border: "1px solid #ccc", padding: 12 }}>
          <VoteFeedback.Reason value="Wrong" />
          <VoteFeedback.Reason value="Too long" />
          <VoteFeedback.Textarea />
          <VoteFeedback.SubmitButton>{({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")}</VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>
      <button type="button">Next question</button>
      <input aria-label="Message" />
    </main>,
  );
  return received;
}

async function openByClick() {
  await userEvent.click(downvote());
  await waitFor(() => expect(document.activeElement).toBe(textarea()));
}

async function scan(): Promise<axe.Result[]> {
  const results = await axe.run(document, { resultTypes: ["violations"] });
  return results.violations;
}

const describeViolations = (violations: axe.Result[]) =>
  violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);

describe("VoteFeedback in real Chromium", () => {
  it("moves focus into the textarea when I click downvote, below the button", async () => {
    const received = renderWidget();
    await openByClick();
    const button = downvote().getBoundingClientRect();
    const popover = dialog()!.getBoundingClientRect();
    expect(popover.top).toBeGreaterThanOrEqual(button.bottom);
    expect(received.map((signal) => signal.score)).toEqual([0]);
  });

  it("lets me vote and comment with the keyboard alone", async () => {
    const received = renderWidget();
    upvote().focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(downvote());
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(document.activeElement).toBe(textarea()));
    await userEvent.keyboard("Wrong capital");
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(dialog()).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
    expect(received.map(({ score, value }) => ({ score, value }))).toEqual([{ score: 0, value: undefined }, { score: 0, value: "Wrong capital" }]);
  });

  it("closes on Escape and puts focus back on the downvote button", async () => {
    renderWidget();
    await openByClick();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(dialog()).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
  });

  it("closes when I click into the chat composer, and what I type then lands in the composer", async () => {
    renderWidget();
    await openByClick();
    await userEvent.click(composer());
    await waitFor(() => expect(dialog()).toBeNull());
    await userEvent.keyboard("hello");
    expect(composer().value).toBe("hello");
    // Give a late focus restore (Radix restores on a timer) its chance to steal focus back.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(composer());
  });

  it("closes when I press on plain text outside it, without pulling focus back to the button", async () => {
    renderWidget();
    await openByClick();
    await userEvent.click(screen.getByText(/Canberra/));
    await waitFor(() => expect(dialog()).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).not.toBe(downvote());
  });

  it("puts focus back on the downvote button when I submit with the Submit button", async () => {
    const received = renderWidget();
    await openByClick();
    await userEvent.keyboard("Off by one");
    await userEvent.click(screen.getByRole("button", { name: "Submit feedback" }));
    await waitFor(() => expect(dialog()).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
    expect(received.map((signal) => signal.value)).toEqual([undefined, "Off by one"]);
  });

  it("names the open dialog for screen readers: labelled by the downvote button, with a description", async () => {
    renderWidget();
    await openByClick();
    const open = dialog()!;
    expect(open.getAttribute("role")).toBe("dialog");
    expect(open.hasAttribute("aria-modal")).toBe(false);
    expect(document.getElementById(open.getAttribute("aria-labelledby")!)).toBe(downvote());
    expect(document.getElementById(open.getAttribute("aria-describedby")!)!.textContent).toMatch(/Escape to close/);
  });

  it("closes when I press the downvote button again, without sending another vote", async () => {
    const received = renderWidget();
    await openByClick();
    await userEvent.click(downvote());
    await waitFor(() => expect(dialog()).toBeNull());
    expect(document.activeElement).toBe(downvote());
    expect(received.map((signal) => signal.score)).toEqual([0]);
  });

  it("leaves the page scrollable and the page's own body styles alone while open", async () => {
    document.body.style.padding = "24px";
    document.body.style.height = "3000px";
    try {
      renderWidget();
      const before = getComputedStyle(document.body);
      const [padding, overflow] = [before.paddingLeft, before.overflow];
      await openByClick();
      const during = getComputedStyle(document.body);
      expect(during.paddingLeft).toBe(padding);
      expect(during.overflow).toBe(overflow);
    } finally {
      document.body.removeAttribute("style");
    }
  });

  it("moves on to the next thing on the page when I Tab past the popover's last control, and closes it", async () => {
    renderWidget();
    await openByClick();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Close without feedback" }));
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Next question" }));
    await waitFor(() => expect(dialog()).toBeNull());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Next question" }));
  });

  it("Tabs from a portalled popover to what follows the downvote button, not to the end of the page", async () => {
    renderWidget({ portal: true });
    await openByClick();
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Next question" }));
    await waitFor(() => expect(dialog()).toBeNull());
  });

  it("goes back to the downvote button with Shift+Tab, popover still open, and closes it when focus moves on", async () => {
    renderWidget();
    await openByClick();
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Too long" }));
    await userEvent.tab({ shift: true });
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(downvote());
    expect(dialog()).not.toBeNull();
    expect(downvote().getAttribute("aria-expanded")).toBe("true");
    await userEvent.tab({ shift: true });
    expect(document.activeElement).toBe(upvote());
    await waitFor(() => expect(dialog()).toBeNull());
  });

  it("sends my comment with Ctrl+Enter", async () => {
    const received = renderWidget({ portal: true });
    await openByClick();
    await userEvent.click(screen.getByRole("button", { name: "Too long" }));
    await userEvent.type(textarea(), "Three paragraphs for one word");
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(dialog()).toBeNull());
    expect(received[1]).toMatchObject({ score: 0, value: "Three paragraphs for one word", metadata: { reasons: ["Too long"] } });
  });

  it("has no accessibility violations closed, open with a reason chosen, and closed again", async () => {
    renderWidget();
    expect(describeViolations(await scan())).toEqual([]);
    await openByClick();
    expect(describeViolations(await scan())).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: "Wrong" }));
    expect(describeViolations(await scan())).toEqual([]);
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(dialog()).toBeNull());
    expect(describeViolations(await scan())).toEqual([]);
  });

  it("has no accessibility violations when the popover is portalled", async () => {
    renderWidget({ portal: true });
    await openByClick();
    expect(describeViolations(await scan())).toEqual([]);
  });
});

describe("animating with data-state", () => {
  it("keeps the popover mounted with data-state=closed until its exit animation ends", async () => {
    const style = document.createElement("style");
    style.textContent = `
      @keyframes vote-feedback-fade-out { from { opacity: 1 } to { opacity: 0 } }
      [role="dialog"][data-state="closed"] { animation: vote-feedback-fade-out 300ms forwards; }
    `;
    document.head.append(style);
    try {
      renderWidget();
      await openByClick();
      expect(dialog()!.getAttribute("data-state")).toBe("open");
      await userEvent.keyboard("{Escape}");
      await waitFor(() => expect(dialog()?.getAttribute("data-state")).toBe("closed"));
      await waitFor(() => expect(dialog()).toBeNull(), { timeout: 2000 });
      await waitFor(() => expect(document.activeElement).toBe(downvote()));
    } finally {
      style.remove();
    }
  });
});

describe("a popover the app places itself (the 1.3 way)", () => {
  const PLACED_ABOVE = { position: "absolute", bottom: "calc(100% + 8px)", left: 0, width: 280, background: "white", border: "1px solid #ccc", padding: 12 } as const;

  function renderPlaced(placement: "inline style" | "class" | "none") {
    const received: FeedbackData[] = [];
    render(
      <main style={{ paddingTop: 220 }}>
        <style>{`.kelet-popover { position: absolute; bottom: calc(100% + 8px); left: 0; width: 280px; background: white; border: 1px solid #ccc; padding: 12px; }`}</style>
        <p>The capital of Australia is Canberra.</p>
        <VoteFeedback.Root session_id="placed" onFeedback={(data) => void received.push(data)}>
          <div data-testid="wrapper" style={{ position: "relative", display: "inline-flex", gap: 8 }}>
            <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
            <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
            <VoteFeedback.Popover
              style={placement === "inline style" ? PLACED_ABOVE : placement === "none" ? { width: 280, background: "white", padding: 12 } : undefined}
              className={placement === "class" ? "kelet-popover" : undefined}
            >
              <VoteFeedback.Textarea />
              <VoteFeedback.SubmitButton>{({ hasFeedback }) => (hasFeedback ? "Submit" : "Close")}</VoteFeedback.SubmitButton>
            </VoteFeedback.Popover>
          </div>
        </VoteFeedback.Root>
        <button type="button">Next question</button>
        <input aria-label="Message" />
      </main>,
    );
    return received;
  }

  const boxes = () => ({
    wrapper: screen.getByTestId("wrapper").getBoundingClientRect(),
    button: downvote().getBoundingClientRect(),
    popover: dialog()!.getBoundingClientRect(),
  });
  const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

  it.each(["inline style", "class"] as const)("sits where the app put it (%s): above the buttons, not over the thumbs-down button", async (placement) => {
    renderPlaced(placement);
    await openByClick();
    const { wrapper, button, popover } = boxes();
    expect(Math.round(wrapper.top - popover.bottom)).toBe(8);
    expect(Math.round(popover.left)).toBe(Math.round(wrapper.left));
    expect(overlaps(popover, button)).toBe(false);
    expect(document.querySelector("[data-radix-popper-content-wrapper]")).toBeNull();
    expect(screen.getByTestId("wrapper").contains(dialog())).toBe(true);
  });

  it("keeps Radix's anchored placement, under the button, when the app does not position it", async () => {
    renderPlaced("none");
    await openByClick();
    const { button, popover } = boxes();
    expect(popover.top).toBeGreaterThanOrEqual(button.bottom);
    expect(document.querySelector("[data-radix-popper-content-wrapper]")?.contains(dialog())).toBe(true);
  });

  it.each(["inline style", "class"] as const)("still closes on Escape with focus back on the button, and on a click outside with focus left there (%s)", async (placement) => {
    renderPlaced(placement);
    await openByClick();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(dialog()).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
    await openByClick();
    await userEvent.click(composer());
    await waitFor(() => expect(dialog()).toBeNull());
    await userEvent.keyboard("hello");
    expect(composer().value).toBe("hello");
  });

  it("Tabs out of an app-placed popover to what follows, and submits with focus back on the button", async () => {
    const received = renderPlaced("class");
    await openByClick();
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Next question" }));
    await waitFor(() => expect(dialog()).toBeNull());
    await openByClick();
    await userEvent.keyboard("Wrong city");
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(dialog()).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
    expect(received.map((signal) => signal.value)).toEqual([undefined, "Wrong city"]);
  });

  it("is placed, focused and dismissed the same under React.StrictMode", async () => {
    render(
      <StrictMode>
        <main style={{ paddingTop: 220 }}>
          <style>{`.kelet-popover { position: absolute; bottom: calc(100% + 8px); left: 0; width: 280px; background: white; }`}</style>
          <VoteFeedback.Root session_id="strict" onFeedback={() => {}}>
            <div data-testid="wrapper" style={{ position: "relative", display: "inline-flex" }}>
              <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
              <VoteFeedback.Popover className="kelet-popover">
                <VoteFeedback.Textarea />
              </VoteFeedback.Popover>
            </div>
          </VoteFeedback.Root>
          <input aria-label="Message" />
        </main>
      </StrictMode>,
    );
    await openByClick();
    const { wrapper, popover } = boxes();
    expect(Math.round(wrapper.top - popover.bottom)).toBe(8);
    await userEvent.click(composer());
    await waitFor(() => expect(dialog()).toBeNull());
    await userEvent.keyboard("hi");
    expect(composer().value).toBe("hi");
  });

  it("has no accessibility violations when the app places it", async () => {
    renderPlaced("class");
    await openByClick();
    expect(describeViolations(await scan())).toEqual([]);
  });
});

describe("the app's own textarea (Textarea asChild)", () => {
  it("gets the focus on open, the binding and the default label", async () => {
    const received: FeedbackData[] = [];
    render(
      <VoteFeedback.Root session_id="own-textarea" onFeedback={(data) => void received.push(data)}>
        <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
        <VoteFeedback.Popover>
          <VoteFeedback.Textarea asChild>
            <textarea data-testid="mine" className="app-textarea" />
          </VoteFeedback.Textarea>
          <VoteFeedback.SubmitButton>Send</VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>,
    );
    await userEvent.click(downvote());
    const mine = await screen.findByTestId("mine");
    await waitFor(() => expect(document.activeElement).toBe(mine));
    expect(mine.getAttribute("aria-label")).toBe("Additional feedback");
    await userEvent.keyboard("Mine");
    await userEvent.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]!.value).toBe("Mine");
  });
});
