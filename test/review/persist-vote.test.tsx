import { fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { VoteFeedback } from "../../src/index";

beforeEach(() => localStorage.clear());
afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

function Widget({ session_id, onFeedback }: { session_id: string; onFeedback: (d: { score?: number }) => void }) {
  return (
    <VoteFeedback.Root session_id={session_id} trigger_name="user-vote" persistVote onFeedback={onFeedback}>
      <VoteFeedback.UpvoteButton>up</VoteFeedback.UpvoteButton>
      <VoteFeedback.DownvoteButton>down</VoteFeedback.DownvoteButton>
      <VoteFeedback.Popover>
        <VoteFeedback.Textarea />
        <VoteFeedback.SubmitButton>send</VoteFeedback.SubmitButton>
      </VoteFeedback.Popover>
    </VoteFeedback.Root>
  );
}
const up = () => screen.getByLabelText("Upvote feedback");
const down = () => screen.getByLabelText("Downvote feedback");
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("what I just did wins over what storage remembers", () => {
  it("with storage refusing writes, my upvote and then my downvote are each shown and sent once", async () => {
    vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new DOMException("full", "QuotaExceededError");
    });
    const sent: Array<number | undefined> = [];
    render(<Widget session_id="quota" onFeedback={(d) => void sent.push(d.score)} />);
    fireEvent.click(up());
    await pause(20);
    expect(up().getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(up());
    await pause(20);
    fireEvent.click(down());
    await pause(20);
    expect(down().getAttribute("aria-pressed")).toBe("true");
    expect(up().getAttribute("aria-pressed")).toBe("false");
    expect(sent).toEqual([1, 0]);
  });

  it("a remembered upvote from an earlier visit gives way to my downvote now, which is sent and then remembered", async () => {
    localStorage.setItem("kelet:vote:user-vote:earlier", "upvote");
    const sent: Array<number | undefined> = [];
    const view = render(<Widget session_id="earlier" onFeedback={(d) => void sent.push(d.score)} />);
    expect(up().getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(down());
    await pause(20);
    expect(down().getAttribute("aria-pressed")).toBe("true");
    expect(sent).toEqual([0]);
    view.unmount();
    render(<Widget session_id="earlier" onFeedback={(d) => void sent.push(d.score)} />);
    expect(down().getAttribute("aria-pressed")).toBe("true");
  });

  it("a remembered value that is not a vote shows no vote and does not stop mine", async () => {
    localStorage.setItem("kelet:vote:user-vote:junk", '{"vote":"upvote"}');
    const sent: Array<number | undefined> = [];
    render(<Widget session_id="junk" onFeedback={(d) => void sent.push(d.score)} />);
    expect(up().getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(up());
    await pause(20);
    expect(sent).toEqual([1]);
  });

  it("a stale vote another tab wrote earlier does not undo the vote I just gave here", async () => {
    const sent: Array<number | undefined> = [];
    render(<Widget session_id="tabs" onFeedback={(d) => void sent.push(d.score)} />);
    fireEvent.click(down());
    await pause(20);
    // The other tab's older write reaches this tab only now (each tab's storage view lags).
    window.dispatchEvent(new StorageEvent("storage", { key: "kelet:vote:user-vote:tabs", oldValue: null, newValue: "upvote", storageArea: localStorage }));
    await pause(20);
    expect(sent).toEqual([0]);
  });
});
