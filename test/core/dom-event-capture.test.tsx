import { fireEvent, render, screen } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { recentDomEvent, retainDomEventCapture } from "../../src/core/dom-event-capture";
import { captureContext } from "../support/capture-context";
import { startSignalServer, type SignalServer } from "../support/signal-server";

describe("last user event capture", () => {
  let release: () => void = () => {};
  beforeEach(() => {
    release = retainDomEventCapture();
  });
  afterEach(() => release());

  it("records a click with a short selector, the button's label and coordinates", () => {
    render(
      <div className="answer card extra">
        <button id="thumbs-up" aria-label="Upvote feedback">👍</button>
      </div>,
    );
    fireEvent.click(screen.getByRole("button"), { clientX: 12.4, clientY: 30 });
    expect(recentDomEvent()).toMatchObject({ type: "click", target: "button#thumbs-up", label: "Upvote feedback", x: 12, y: 30 });
  });

  it("builds the selector from classes of up to three levels", () => {
    render(
      <section className="chat">
        <div className="answer card extra">
          <a href="#more">Read more about it</a>
        </div>
      </section>,
    );
    fireEvent.click(screen.getByText("Read more about it"));
    expect(recentDomEvent()).toMatchObject({ target: "section.chat > div.answer.card > a", label: "Read more about it" });
  });

  it("never records what is typed into an input, textarea or contenteditable", () => {
    render(
      <div>
        <input placeholder="Your email" defaultValue="secret@example.com" />
        <textarea aria-label="Comment" defaultValue="private words" />
        <div contentEditable suppressContentEditableWarning>
          <span>my draft</span>
        </div>
      </div>,
    );
    const input = screen.getByPlaceholderText("Your email");
    fireEvent.keyDown(input, { key: "s" });
    expect(recentDomEvent()).toEqual({ type: "keydown", target: "div > div > input", label: "Your email", time: expect.any(String) });
    fireEvent.change(screen.getByLabelText("Comment"), { target: { value: "new private words" } });
    expect(JSON.stringify(recentDomEvent())).not.toContain("private");
    fireEvent.keyDown(screen.getByText("my draft"), { key: "x" });
    const snapshot = recentDomEvent();
    expect(snapshot?.key).toBeUndefined();
    expect(JSON.stringify(snapshot)).not.toContain("my draft");
  });

  it("records the key of a keydown outside editable fields", () => {
    render(<button>Go</button>);
    fireEvent.keyDown(screen.getByText("Go"), { key: "Enter" });
    expect(recentDomEvent()).toMatchObject({ type: "keydown", key: "Enter", label: "Go" });
  });

  it("records no key pressed on a focusable div or a custom element, which may hide a field in a closed shadow root", () => {
    render(
      <div>
        <div tabIndex={0}>Grid</div>
        {createElement("fancy-input", { tabIndex: 0 })}
      </div>,
    );
    fireEvent.keyDown(screen.getByText("Grid"), { key: "a" });
    expect(recentDomEvent()).toMatchObject({ type: "keydown" });
    expect(recentDomEvent()?.key).toBeUndefined();
    fireEvent.keyDown(document.querySelector("fancy-input")!, { key: "b" });
    expect(recentDomEvent()?.key).toBeUndefined();
  });

  it("never takes a label from the text typed into a contenteditable inside a button-like element", () => {
    render(
      <div role="button">
        <div contentEditable suppressContentEditableWarning>
          typed words
        </div>
        <span>Open</span>
      </div>,
    );
    fireEvent.click(screen.getByText("Open"));
    expect(JSON.stringify(recentDomEvent())).not.toContain("typed");
  });

  it("never takes a label from the text of a textarea inside the button-like element I click", () => {
    // As server-rendered HTML gives it: the textarea's value is its text.
    document.body.insertAdjacentHTML("beforeend", "<div id='card' role='button'><span>Reply</span><textarea>my earlier draft</textarea></div>");
    fireEvent.click(screen.getByText("Reply"));
    document.getElementById("card")!.remove();
    expect(JSON.stringify(recentDomEvent())).not.toContain("draft");
  });

  it("keeps nothing about an element inside data-kelet-redact", () => {
    render(
      <div data-kelet-redact>
        <button id="account-42">Delete account of Jane</button>
      </div>,
    );
    fireEvent.click(screen.getByRole("button"));
    expect(recentDomEvent()).toEqual({ type: "click", time: expect.any(String), redacted: true });
  });

  it("escapes odd characters in ids and classes", () => {
    render(<button id='a"b c'>x</button>);
    fireEvent.click(screen.getByRole("button"));
    expect(recentDomEvent()?.target).toBe('button#a\\"b\\ c');
  });

  it("forgets an event older than 10 seconds", () => {
    render(<button>Old</button>);
    fireEvent.click(screen.getByRole("button"));
    expect(recentDomEvent(Date.now() + 9_000)).toBeDefined();
    expect(recentDomEvent(Date.now() + 10_500)).toBeUndefined();
  });
});

describe("listener lifetime", () => {
  it("installs listeners once for many providers and removes them with the last", () => {
    const add = vi.spyOn(document, "addEventListener");
    const remove = vi.spyOn(document, "removeEventListener");
    const releaseA = retainDomEventCapture();
    const releaseB = retainDomEventCapture();
    const added = add.mock.calls.length;
    releaseA();
    expect(remove).not.toHaveBeenCalled();
    releaseB();
    expect(remove.mock.calls.length).toBe(added);
    fireEvent.click(document.body);
    expect(recentDomEvent()).toBeUndefined();
  });
});

describe("$dom_event in sent signals", () => {
  let server: SignalServer;
  beforeEach(async () => {
    server = await startSignalServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it("attaches the click a signal was sent during to its metadata, keeping the app's own metadata", async () => {
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin });
    let sent: Promise<void> | undefined;
    render(<button aria-label="Downvote feedback" onClick={() => (sent = context.feedback({ session_id: "s", score: 0, metadata: { model: "gpt" } }))}>👎</button>);
    fireEvent.click(screen.getByLabelText("Downvote feedback"));
    await sent;
    const body = JSON.parse(server.requests[0]!.body);
    expect(body.metadata.model).toBe("gpt");
    expect(body.metadata.$dom_event).toMatchObject({ type: "click", label: "Downvote feedback" });
  });

  it("stops capturing once the last provider unmounts", async () => {
    const { context, view } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin });
    view.unmount();
    fireEvent.click(document.body);
    await context.feedback({ session_id: "s", score: 1 });
    expect(JSON.parse(server.requests[0]!.body).metadata).toBeUndefined();
  });
});
