import { act, fireEvent, render } from "@testing-library/react";
import { hydrateRoot, type Root } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installResizeObserverStub, Widget, type WidgetOptions } from "../vote-feedback/widget";

// Review of issue 19 / README "The server render shows no vote; the client shows the remembered one before its first paint".
installResizeObserverStub();
let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
  localStorage.clear();
});

function hydrate(props: WidgetOptions) {
  const element = <Widget session_id="hydrated" onFeedback={() => {}} {...props} />;
  const container = document.createElement("div");
  container.innerHTML = renderToString(element);
  document.body.append(container);
  const errors: unknown[] = [];
  const consoleError = vi.spyOn(console, "error").mockImplementation((...args) => void errors.push(args.join(" ")));
  act(() => {
    root = hydrateRoot(container, element, { onRecoverableError: (error) => void errors.push(String(error)) });
  });
  consoleError.mockRestore();
  return { container, errors };
}

describe("hydrating a server-rendered VoteFeedback", () => {
  it.each([
    ["closed", {}],
    ["with a vote", { defaultVote: "downvote" as const }],
    ["open by default", { defaultOpen: true }],
    ["open, controlled", { open: true }],
  ])("matches the server's HTML with no hydration error (%s)", (_label, props) => {
    const { errors } = hydrate(props);
    expect(errors).toEqual([]);
  });

  it("shows the vote remembered with persistVote after hydration, with no hydration error", () => {
    // The vote I gave on my last visit, remembered through the public widget.
    const first = render(<Widget session_id="hydrated" persistVote onFeedback={() => {}} />);
    fireEvent.click(first.container.querySelector('[aria-label="Upvote feedback"]')!);
    first.unmount();
    const { container, errors } = hydrate({ persistVote: true });
    expect(errors).toEqual([]);
    expect(container.querySelector('[aria-label="Upvote feedback"]')!.getAttribute("aria-pressed")).toBe("true");
  });
});
