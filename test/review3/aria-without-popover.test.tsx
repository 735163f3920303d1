import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { VoteFeedback, type FeedbackData } from "../../src";
import { downvote, installResizeObserverStub } from "../vote-feedback/widget";

// Review of issue 19: "an aria-controls must point at an element that exists" (and aria-expanded says what is there).
installResizeObserverStub();

const danglingControls = () =>
  [...document.querySelectorAll<HTMLElement>("[aria-controls]")]
    .map((element) => element.getAttribute("aria-controls")!)
    .filter((id) => !document.getElementById(id));

describe("a thumbs-only VoteFeedback (no Popover part, as many 1.3 apps write it)", () => {
  it("sends my thumbs-down and never points the button at a popover that is not in the page", async () => {
    const received: FeedbackData[] = [];
    render(
      <VoteFeedback.Root session_id="thumbs-only" onFeedback={(data) => void received.push(data)}>
        <VoteFeedback.UpvoteButton>👍</VoteFeedback.UpvoteButton>
        <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
      </VoteFeedback.Root>,
    );
    fireEvent.click(downvote());
    await waitFor(() => expect(received).toHaveLength(1));
    expect(danglingControls()).toEqual([]);
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});

describe("a Popover the app renders only sometimes", () => {
  it("points the button at no popover while the app leaves the Popover out", async () => {
    function App({ withPopover }: { withPopover: boolean }) {
      return (
        <VoteFeedback.Root session_id="sometimes" onFeedback={() => {}}>
          <VoteFeedback.DownvoteButton>👎</VoteFeedback.DownvoteButton>
          {withPopover && (
            <VoteFeedback.Popover>
              <VoteFeedback.Textarea />
            </VoteFeedback.Popover>
          )}
        </VoteFeedback.Root>
      );
    }
    const view = render(<App withPopover />);
    fireEvent.click(downvote());
    await waitFor(() => expect(screen.queryByRole("dialog")).not.toBeNull());
    view.rerender(<App withPopover={false} />);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(danglingControls()).toEqual([]);
  });
});
