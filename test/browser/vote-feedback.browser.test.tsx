import { render, screen, waitFor } from "@testing-library/react";
import axe from "axe-core";
import { userEvent } from "vitest/browser";
import { describe, expect, it } from "vitest";
import type { FeedbackData } from "../../src/core/signal";
import { VoteFeedback } from "../../src/vote-feedback";

const byLabel = (label: string) => document.querySelector<HTMLElement>(`[aria-label="${label}"]`)!;
const upvote = () => byLabel("Upvote feedback");
const downvote = () => byLabel("Downvote feedback");
const textarea = () => document.querySelector<HTMLTextAreaElement>("textarea")!;
const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');

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

  it("closes when I press outside it", async () => {
    renderWidget();
    await openByClick();
    // While open the page outside ignores the pointer (Radix modal), so press where the paragraph is.
    await userEvent.click(screen.getByText(/Canberra/), { force: true });
    await waitFor(() => expect(dialog()).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
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

  it("keeps Tab and Shift+Tab inside the open popover", async () => {
    renderWidget();
    await openByClick();
    const seen = new Set<Element | null>();
    for (let press = 0; press < 6; press++) {
      await userEvent.tab();
      seen.add(document.activeElement);
      expect(dialog()!.contains(document.activeElement)).toBe(true);
    }
    for (let press = 0; press < 6; press++) {
      await userEvent.tab({ shift: true });
      expect(dialog()!.contains(document.activeElement)).toBe(true);
    }
    // It cycles through the reasons, the textarea and the submit button.
    expect(seen.size).toBe(4);
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
