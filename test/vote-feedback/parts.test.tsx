import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createRef } from "react";
import { describe, expect, it, vi } from "vitest";
import * as publicApi from "../../src/index";
import VoteFeedbackDefault, { VoteFeedback } from "../../src/vote-feedback";
import { Widget, byLabel, downvote, installResizeObserverStub, upvote } from "./widget";

installResizeObserverStub();

const textbox = () => screen.getByRole("textbox", { name: "Additional feedback" });
const noop = () => {};

describe("the VoteFeedback parts", () => {
  it("are exported from the package root and as the module's default export, each with a readable name", () => {
    expect(publicApi.VoteFeedback).toBe(VoteFeedback);
    expect(VoteFeedbackDefault).toBe(VoteFeedback);
    expect(Object.fromEntries(Object.entries(VoteFeedback).map(([name, part]) => [name, part.displayName]))).toEqual({
      Root: "VoteFeedback.Root",
      UpvoteButton: "VoteFeedback.UpvoteButton",
      DownvoteButton: "VoteFeedback.DownvoteButton",
      Popover: "VoteFeedback.Popover",
      Textarea: "VoteFeedback.Textarea",
      SubmitButton: "VoteFeedback.SubmitButton",
      Reason: "VoteFeedback.Reason",
    });
  });

  it("render plain type=button buttons with the default labels, pressed and on/off state", () => {
    render(<Widget onFeedback={noop} />);
    for (const [button, label] of [[upvote(), "Upvote feedback"], [downvote(), "Downvote feedback"]] as const) {
      expect(button.tagName).toBe("BUTTON");
      expect(button.getAttribute("type")).toBe("button");
      expect(button.getAttribute("aria-label")).toBe(label);
      expect(button.getAttribute("aria-pressed")).toBe("false");
      expect(button.getAttribute("data-state")).toBe("off");
    }
    fireEvent.click(upvote());
    expect(upvote().getAttribute("aria-pressed")).toBe("true");
    expect(upvote().getAttribute("data-state")).toBe("on");
  });

  it("show the popover on the downvote button: expanded, controls, popover state", async () => {
    render(<Widget onFeedback={noop} />);
    expect(downvote().getAttribute("aria-haspopup")).toBe("dialog");
    expect(downvote().getAttribute("aria-expanded")).toBe("false");
    expect(downvote().getAttribute("data-popover-state")).toBe("closed");
    fireEvent.click(downvote());
    const dialog = await screen.findByRole("dialog");
    expect(downvote().getAttribute("aria-expanded")).toBe("true");
    expect(downvote().getAttribute("aria-controls")).toBe(dialog.id);
    expect(downvote().getAttribute("data-popover-state")).toBe("open");
    expect(downvote().getAttribute("data-state")).toBe("on");
    expect(dialog.getAttribute("data-state")).toBe("open");
  });

  it("accept every button attribute the app passes, and the app's label wins", () => {
    render(
      <VoteFeedback.Root session_id="s" onFeedback={noop}>
        <VoteFeedback.UpvoteButton aria-label="Good answer" className="thumb" title="Helpful" data-testid="up" name="vote" />
      </VoteFeedback.Root>,
    );
    const button = screen.getByTestId("up");
    expect(button.getAttribute("aria-label")).toBe("Good answer");
    expect(button.className).toBe("thumb");
    expect(button.getAttribute("title")).toBe("Helpful");
    expect(button.getAttribute("name")).toBe("vote");
  });

  it("give each widget on a page its own ids, and point aria-controls only at a popover that exists", async () => {
    render(
      <>
        <Widget session_id="a" onFeedback={noop} />
        <Widget session_id="b" onFeedback={noop} />
      </>,
    );
    const ids = Array.from(document.querySelectorAll("[id]"), (element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    const [firstDown, secondDown] = document.querySelectorAll<HTMLElement>('[aria-label="Downvote feedback"]');
    expect(firstDown!.hasAttribute("aria-controls")).toBe(false);
    const controlled = [firstDown!, secondDown!].map((button) => {
      fireEvent.click(button);
      const id = button.getAttribute("aria-controls")!;
      expect(document.getElementById(id)?.getAttribute("role")).toBe("dialog");
      return id;
    });
    expect(controlled[0]).not.toBe(controlled[1]);
  });

  it("call a function child with whether its vote is selected", () => {
    render(
      <VoteFeedback.Root session_id="s" onFeedback={noop}>
        <VoteFeedback.UpvoteButton>{({ isSelected }) => (isSelected ? "Liked" : "Like")}</VoteFeedback.UpvoteButton>
      </VoteFeedback.Root>,
    );
    expect(upvote().textContent).toBe("Like");
    fireEvent.click(upvote());
    expect(upvote().textContent).toBe("Liked");
  });

  it("render nothing for the popover while it is closed", () => {
    const { container } = render(<Widget onFeedback={noop} />);
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(container.querySelector("textarea")).toBeNull();
  });

  it("open a dialog labelled by the downvote button and described for screen readers", async () => {
    render(<Widget onFeedback={noop} />);
    fireEvent.click(downvote());
    const dialog = await screen.findByRole("dialog");
    expect(dialog.getAttribute("aria-labelledby")).toBe(downvote().id);
    const description = document.getElementById(dialog.getAttribute("aria-describedby")!);
    expect(description?.textContent).toMatch(/Escape/);
    expect(dialog.contains(description)).toBe(true);
    expect(textbox().getAttribute("placeholder")).toBe("What did we miss?");
    expect(textbox().getAttribute("rows")).toBe("3");
  });

  it("never move focus when the widget mounts, even with a vote already given", () => {
    const outside = document.createElement("input");
    document.body.append(outside);
    outside.focus();
    render(<Widget onFeedback={noop} defaultVote="downvote" defaultText="x" />);
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it("render the popover into document.body with the portal prop", async () => {
    const { container } = render(<Widget onFeedback={noop} popover={{ portal: true, className: "sheet" }} />);
    fireEvent.click(downvote());
    const dialog = await screen.findByRole("dialog");
    expect(container.contains(dialog)).toBe(false);
    expect(document.body.contains(dialog)).toBe(true);
    expect(dialog.className).toContain("sheet");
  });
});

describe("asChild", () => {
  it("merges the vote behaviour into the app's own button: its handler first, classes joined, styles merged, refs composed", async () => {
    const order: string[] = [];
    const appRef = createRef<HTMLButtonElement>();
    const partRef = createRef<HTMLButtonElement>();
    const received: number[] = [];
    render(
      <VoteFeedback.Root session_id="s" onFeedback={(data) => { order.push("vote"); received.push(data.score!); }}>
        <VoteFeedback.UpvoteButton asChild ref={partRef} className="from-part" style={{ color: "red", margin: 1 }} onClick={() => order.push("part prop")}>
          <button ref={appRef} className="app-button" style={{ margin: 2 }} onClick={() => order.push("app")}>
            Yes
          </button>
        </VoteFeedback.UpvoteButton>
      </VoteFeedback.Root>,
    );
    const button = byLabel("Upvote feedback");
    expect(button.textContent).toBe("Yes");
    expect(button.className.split(" ").sort()).toEqual(["app-button", "from-part"]);
    expect(button.style.color).toBe("red");
    expect(button.style.margin).toBe("2px");
    expect(appRef.current).toBe(button);
    expect(partRef.current).toBe(button);
    fireEvent.click(button);
    expect(order).toEqual(["app", "part prop", "vote"]);
    expect(received).toEqual([1]);
    expect(button.getAttribute("data-state")).toBe("on");
  });

  it("lets the app's handler skip the vote with preventDefault", () => {
    const onFeedback = vi.fn();
    render(
      <VoteFeedback.Root session_id="s" onFeedback={onFeedback}>
        <VoteFeedback.DownvoteButton asChild>
          <a href="#no" onClick={(event) => event.preventDefault()}>No</a>
        </VoteFeedback.DownvoteButton>
        <VoteFeedback.UpvoteButton onClick={(event) => event.preventDefault()} />
      </VoteFeedback.Root>,
    );
    fireEvent.click(downvote());
    fireEvent.click(upvote());
    expect(onFeedback).not.toHaveBeenCalled();
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("makes the app's element the dialog, with the description inside it", async () => {
    render(
      <VoteFeedback.Root session_id="s" onFeedback={noop}>
        <VoteFeedback.DownvoteButton />
        <VoteFeedback.Popover asChild>
          <section className="card">
            <VoteFeedback.Textarea />
            <VoteFeedback.SubmitButton />
          </section>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>,
    );
    fireEvent.click(downvote());
    const dialog = await screen.findByRole("dialog");
    expect(dialog.tagName).toBe("SECTION");
    expect(dialog.className).toBe("card");
    expect(dialog.contains(document.getElementById(dialog.getAttribute("aria-describedby")!))).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
  });

  it("gives the app's own textarea the binding, the focus on open and the defaults it does not set itself", async () => {
    const received: Array<{ value?: string }> = [];
    render(
      <VoteFeedback.Root session_id="s" onFeedback={(data) => void received.push(data)}>
        <VoteFeedback.DownvoteButton />
        <VoteFeedback.Popover>
          <VoteFeedback.Textarea asChild>
            <textarea data-testid="mine" placeholder="Tell us" />
          </VoteFeedback.Textarea>
          <VoteFeedback.SubmitButton />
        </VoteFeedback.Popover>
      </VoteFeedback.Root>,
    );
    fireEvent.click(downvote());
    const mine = await screen.findByTestId("mine");
    await waitFor(() => expect(document.activeElement).toBe(mine));
    expect(document.querySelectorAll("textarea")).toHaveLength(1);
    expect(mine.getAttribute("aria-label")).toBe("Additional feedback");
    expect(mine.getAttribute("rows")).toBe("3");
    expect(mine.getAttribute("placeholder")).toBe("Tell us");
    fireEvent.change(mine, { target: { value: "my own field" } });
    expect(byLabel("Submit feedback")).toBeTruthy();
    fireEvent.keyDown(mine, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]).toMatchObject({ value: "my own field" });
  });

  it("works on the submit button and the reasons too", async () => {
    const received: Array<{ value?: string }> = [];
    render(
      <VoteFeedback.Root session_id="s" onFeedback={(data) => void received.push(data)}>
        <VoteFeedback.DownvoteButton />
        <VoteFeedback.Popover>
          <VoteFeedback.Reason value="Wrong" asChild>
            <span role="button" tabIndex={0} className="chip">Wrong</span>
          </VoteFeedback.Reason>
          <VoteFeedback.SubmitButton asChild>
            <span role="button" tabIndex={0} className="send">Send</span>
          </VoteFeedback.SubmitButton>
        </VoteFeedback.Popover>
      </VoteFeedback.Root>,
    );
    fireEvent.click(downvote());
    const reason = await screen.findByRole("button", { name: "Wrong" });
    fireEvent.click(reason);
    expect(reason.getAttribute("aria-pressed")).toBe("true");
    await waitFor(() => expect(byLabel("Submit feedback").hasAttribute("disabled")).toBe(false));
    fireEvent.click(byLabel("Submit feedback"));
    await waitFor(() => expect(received).toHaveLength(2));
    expect(received[1]).toMatchObject({ value: "Wrong", metadata: { reasons: ["Wrong"] } });
  });
});

describe("a popover the app places itself", () => {
  it("renders where the app's inline position puts it, without Radix's floating wrapper, and still closes on Escape with focus back on the button", async () => {
    render(
      <VoteFeedback.Root session_id="s" onFeedback={noop}>
        <div style={{ position: "relative" }} data-testid="wrapper">
          <VoteFeedback.DownvoteButton />
          <VoteFeedback.Popover style={{ position: "absolute", bottom: "calc(100% + 8px)" }} side="top" sideOffset={4}>
            <VoteFeedback.Textarea />
          </VoteFeedback.Popover>
        </div>
      </VoteFeedback.Root>,
    );
    fireEvent.click(downvote());
    const dialog = await screen.findByRole("dialog");
    expect(dialog.parentElement).toBe(screen.getByTestId("wrapper"));
    expect(document.querySelector("[data-radix-popper-content-wrapper]")).toBeNull();
    expect(dialog.getAttribute("data-state")).toBe("open");
    // Radix's positioning props are not for the DOM.
    expect(dialog.hasAttribute("side")).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(textbox()));
    fireEvent.keyDown(textbox(), { key: "Escape" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(downvote()));
  });
});

describe("used outside VoteFeedback.Root", () => {
  it("throws an error naming the part", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<VoteFeedback.UpvoteButton />)).toThrow("<VoteFeedback.UpvoteButton> must be used within <VoteFeedback.Root>");
  });
});
