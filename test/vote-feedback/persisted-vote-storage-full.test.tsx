import { act, fireEvent, render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { MAX_PERSISTED_VOTES, persistedVoteKey } from "../../src/vote-feedback/persisted-vote";
import { useSignalServer } from "../support/signal-server";
import { Provider, Widget, downvote, installResizeObserverStub, upvote } from "./widget";

// Issue 18.7: what the user just did wins over what storage remembers; a failed write changes nothing shown or sent.
installResizeObserverStub();

const server = useSignalServer();
const pause = (ms: number) => act(() => new Promise((resolve) => setTimeout(resolve, ms)));
const pressed = () => ({ up: upvote().getAttribute("aria-pressed"), down: downvote().getAttribute("aria-pressed") });
const scores = () => server.accepted().map(({ score }) => score);

function storageIsFull() {
  vi.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
    throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  });
}

// Each test uses its own session: votes this page failed to keep live as long as the page (the module).
let session = 0;
const nextSession = () => `full-${++session}`;

describe("persistVote when storage is full", () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.restoreAllMocks();
    localStorage.clear();
  });

  it("shows my thumbs-down, not the thumbs-up remembered from my last visit, and sends it once however often I press it", async () => {
    const session_id = nextSession();
    localStorage.setItem(persistedVoteKey(undefined, session_id), "upvote");
    storageIsFull();
    render(
      <Provider baseUrl={server.origin}>
        <Widget session_id={session_id} persistVote />
      </Provider>,
    );
    expect(pressed()).toEqual({ up: "true", down: "false" });
    fireEvent.click(downvote());
    expect(pressed()).toEqual({ up: "false", down: "true" });
    fireEvent.click(downvote());
    fireEvent.click(downvote());
    await server.waitForAccepted(1);
    await pause(100);
    expect(scores()).toEqual([0]);
    expect(pressed()).toEqual({ up: "false", down: "true" });
  });

  it("sends each change of my mind once, and shows the last one, when no write succeeds", async () => {
    const session_id = nextSession();
    storageIsFull();
    render(
      <Provider baseUrl={server.origin}>
        <Widget session_id={session_id} persistVote />
      </Provider>,
    );
    fireEvent.click(upvote());
    fireEvent.click(upvote());
    fireEvent.click(downvote());
    fireEvent.click(downvote());
    fireEvent.click(upvote());
    await server.waitForAccepted(3);
    await pause(100);
    expect(scores()).toEqual([1, 0, 1]);
    expect(pressed()).toEqual({ up: "true", down: "false" });
  });

  it("forgets none of the votes remembered before, even at the limit, when a write fails", () => {
    const remembered = Array.from({ length: MAX_PERSISTED_VOTES }, (_, index) => persistedVoteKey(undefined, `kept-${index}`));
    for (const key of remembered) localStorage.setItem(key, "downvote");
    localStorage.setItem("kelet:vote-index", JSON.stringify(remembered));
    storageIsFull();
    render(<Widget session_id={nextSession()} persistVote onFeedback={() => {}} />);
    fireEvent.click(upvote());
    expect(remembered.filter((key) => localStorage.getItem(key) === "downvote")).toHaveLength(MAX_PERSISTED_VOTES);
    expect(localStorage.getItem("kelet:vote-index")).toBe(JSON.stringify(remembered));
  });

  it("shows a vote I give in another tab over one this tab failed to keep", () => {
    const session_id = nextSession();
    const key = persistedVoteKey(undefined, session_id);
    storageIsFull();
    render(<Widget session_id={session_id} persistVote onFeedback={() => {}} />);
    fireEvent.click(upvote());
    vi.restoreAllMocks();
    // The other tab's write: storage now holds its vote, and this tab hears the storage event.
    localStorage.setItem(key, "downvote");
    act(() => {
      window.dispatchEvent(new StorageEvent("storage", { key, newValue: "downvote" }));
    });
    expect(pressed()).toEqual({ up: "false", down: "true" });
  });
});
