import { render } from "@testing-library/react";
import { useEffect, useState } from "react";
import { userEvent } from "vitest/browser";
import { afterEach, describe, expect, it } from "vitest";
import { VoteFeedback, type PopoverProps } from "../../src/vote-feedback";

// The popover's machinery mounts when it first opens: whatever shows in that first frame must already be right.

interface FirstFrame {
  expanded: string | null;
  focusedInside: boolean;
  visible: boolean;
  popover: DOMRect;
  button: DOMRect;
}

const downvote = () => document.querySelector<HTMLElement>('[aria-label="Downvote feedback"]')!;

/** What the page shows in the first frame painted with a dialog in it (read in that frame's animation callback). */
function firstFrameWithDialog(): Promise<FirstFrame> {
  return new Promise((resolve) => {
    const look = () => {
      const dialog = document.querySelector<HTMLElement>('[role="dialog"]');
      if (!dialog) return requestAnimationFrame(look);
      const popover = dialog.getBoundingClientRect();
      resolve({
        expanded: downvote().getAttribute("aria-expanded"),
        focusedInside: dialog.contains(document.activeElement),
        // On screen: not parked off-screen by a placement that is still to come.
        visible: popover.bottom > 0 && popover.top < innerHeight && popover.width > 0,
        popover,
        button: downvote().getBoundingClientRect(),
      });
    };
    requestAnimationFrame(look);
  });
}

const CSS = ".app-placed { position: absolute; top: calc(100% + 8px); left: 0; } .votes { position: relative; }";

function Widget({ open, popover }: { open?: boolean; popover?: PopoverProps }) {
  return (
    <div className="votes">
      <style>{CSS}</style>
      <VoteFeedback.Root session_id="first-open" onFeedback={() => {}} open={open}>
        <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
        <VoteFeedback.Popover {...popover} style={{ background: "white", padding: 8, ...popover?.style }}>
          <VoteFeedback.Textarea />
          <VoteFeedback.SubmitButton>Send</VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>
    </div>
  );
}

/** An app that opens the popover itself, from a timer (not a user event: React renders it at normal priority). */
function OpenedByTheApp({ popover }: { popover?: PopoverProps }) {
  const [open, setOpen] = useState(false);
  useEffect(() => void setTimeout(() => setOpen(true), 50), []);
  return <Widget open={open} popover={popover} />;
}

afterEach(() => document.body.replaceChildren());

const PLACEMENTS: [string, PopoverProps][] = [
  ["anchored by Radix", { sideOffset: 6 }],
  ["placed by the app's class", { className: "app-placed" }],
];

describe("the first open of a VoteFeedback popover, in real Chromium", () => {
  it.each(PLACEMENTS)("is expanded, focused and placed under the button in the very frame it appears (%s)", async (_, popover) => {
    render(<Widget popover={popover} />);
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    const frame = firstFrameWithDialog();
    await userEvent.click(downvote());
    const { expanded, focusedInside, visible, popover: box, button } = await frame;
    expect({ expanded, focusedInside, visible }).toEqual({ expanded: "true", focusedInside: true, visible: true });
    expect(box.top).toBeGreaterThanOrEqual(button.bottom);
    expect(box.left < button.right && box.right > button.left).toBe(true);
  });

  it("floats 8px under the button by default, its start aligned with the button's, 8px off the window's edge", async () => {
    render(
      <div style={{ paddingLeft: 2 }}>
        <Widget popover={{ style: { width: 300 } }} />
      </div>,
    );
    const frame = firstFrameWithDialog();
    await userEvent.click(downvote());
    const { popover: box, button } = await frame;
    expect(Math.round(box.top - button.bottom)).toBe(8);
    expect(Math.round(box.left)).toBe(Math.max(8, Math.round(button.left)));
  });

  it.each(PLACEMENTS)("is placed and expanded in its first frame when the app opens it through `open` (%s)", async (_, popover) => {
    const frame = firstFrameWithDialog();
    render(<OpenedByTheApp popover={popover} />);
    const { expanded, focusedInside, visible, popover: box, button } = await frame;
    expect({ expanded, focusedInside, visible }).toEqual({ expanded: "true", focusedInside: true, visible: true });
    expect(box.top).toBeGreaterThanOrEqual(button.bottom);
  });
});
