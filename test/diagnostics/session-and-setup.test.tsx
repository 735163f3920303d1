import { render } from "@testing-library/react";
import { StrictMode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useSessionIdCheck, useSignalDestinationCheck } from "../../src/provider/diagnostics-hooks";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";
import { spyOnConsole } from "./support";

const server = useSignalServer();
beforeEach(() => {
  resetLogOnce();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Stands in for a part (VoteFeedback.Root, a feedback hook) that runs both checks. */
function FeedbackPart({ sessionId, onFeedback }: { sessionId: string; onFeedback?: () => void }) {
  useSignalDestinationCheck(onFeedback !== undefined, "VoteFeedback.Root");
  useSessionIdCheck(sessionId, "VoteFeedback.Root");
  return <span>{sessionId}</span>;
}

const PLACEHOLDERS = ["", "undefined", "null", "session", "feedback", " Undefined "];

describe("a secret key", () => {
  it("in development, fails with a message that names pk-kelet- and pk_ and where keys live", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<KeletProvider apiKey="sk_live_abc" project="p" />)).toThrow(
      /secret key \(sk-kelet-\.\.\. or sk_\.\.\.\).*publishable key \(pk-kelet-\.\.\., or pk_\.\.\. in older projects\) from your Kelet project's API keys settings.*server's environment/,
    );
  });

  it("in production, renders the app and never sends the key", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const console = spyOnConsole();
    const { context, view } = captureContext({ apiKey: "sk_live_abc", project: "p", baseUrl: server.origin, onError: () => {} });
    await context.feedback({ session_id: "s", score: 1 });
    expect(view.container.isConnected).toBe(true);
    expect(server.requests).toHaveLength(0);
    // B6: production reports a broken setup once, without the development explanation.
    expect(console.all().filter((m) => m.includes("sk_"))).toHaveLength(1);
  });
});

describe("a part with neither a provider nor onFeedback", () => {
  it("warns once in development that its signals go nowhere, with both fixes", () => {
    const console = spyOnConsole();
    render(
      <>
        <FeedbackPart sessionId="s-1" />
        <FeedbackPart sessionId="s-2" />
      </>,
    );
    const warnings = console.warnings().filter((m) => m.includes("go nowhere"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("VoteFeedback.Root");
    expect(warnings[0]).toContain("<KeletProvider");
    expect(warnings[0]).toContain("onFeedback");
  });

  it("says nothing under a provider or with its own onFeedback", () => {
    const console = spyOnConsole();
    render(
      <>
        <KeletProvider apiKey="pk_1" project="p">
          <FeedbackPart sessionId="s-1" />
        </KeletProvider>
        <FeedbackPart sessionId="s-2" onFeedback={() => {}} />
      </>,
    );
    expect(console.all()).toEqual([]);
  });

  it("says nothing in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    const console = spyOnConsole();
    render(<FeedbackPart sessionId="s-1" />);
    expect(console.all()).toEqual([]);
  });
});

describe("an empty or placeholder session id", () => {
  it.each(PLACEHOLDERS)("warns in development when a part is given %j, pointing at readSessionId/createSessionId", (value) => {
    const console = spyOnConsole();
    render(<FeedbackPart sessionId={value} onFeedback={() => {}} />);
    const [warning, ...rest] = console.warnings();
    expect(rest).toEqual([]);
    expect(warning).toContain(JSON.stringify(value));
    expect(warning).toContain("agentic_session");
    expect(warning).toContain("readSessionId");
    expect(warning).toContain("createSessionId");
  });

  it("warns once per page when signals are sent by hand with a placeholder id", async () => {
    const console = spyOnConsole();
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin });
    await context.feedback({ session_id: "undefined", score: 1 });
    await context.feedback({ session_id: "undefined", score: 0 });
    expect(console.warnings().filter((m) => m.includes('"undefined"'))).toHaveLength(1);
    // The signal itself still goes out: the warning explains, it does not drop data.
    expect(server.requests).toHaveLength(2);
  });

  it("says nothing about a real id", async () => {
    const console = spyOnConsole();
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin });
    render(<FeedbackPart sessionId="b0c6e7a2-5d1f-4f2e-9a59-3f1f6b1f4c2d" onFeedback={() => {}} />);
    await context.feedback({ session_id: "sess-9", score: 1 });
    expect(console.all()).toEqual([]);
  });

  it("says nothing in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const console = spyOnConsole();
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin });
    for (const value of PLACEHOLDERS) render(<FeedbackPart sessionId={value} onFeedback={() => {}} />);
    await context.feedback({ session_id: "null", score: 1 });
    expect(console.all()).toEqual([]);
  });
});

describe("a session id that changes on every render", () => {
  it("warns once in development after three renders in a row each brought a new id", () => {
    const console = spyOnConsole();
    const view = render(<FeedbackPart sessionId="id-0" onFeedback={() => {}} />);
    for (let i = 1; i <= 5; i += 1) view.rerender(<FeedbackPart sessionId={`id-${i}`} onFeedback={() => {}} />);
    const warnings = console.warnings().filter((m) => m.includes("different session_id"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("useState(() => createSessionId())");
  });

  it("says nothing when the id changes now and then between stable renders", () => {
    const console = spyOnConsole();
    const view = render(<FeedbackPart sessionId="a" onFeedback={() => {}} />);
    for (const id of ["b", "c", "c", "d", "e", "e", "f"]) view.rerender(<FeedbackPart sessionId={id} onFeedback={() => {}} />);
    expect(console.all()).toEqual([]);
  });

  it("counts StrictMode's double render of one update once", () => {
    const console = spyOnConsole();
    const tree = (id: string) => (
      <StrictMode>
        <FeedbackPart sessionId={id} onFeedback={() => {}} />
      </StrictMode>
    );
    const view = render(tree("a"));
    view.rerender(tree("b"));
    view.rerender(tree("c"));
    expect(console.all()).toEqual([]);
  });

  it("says nothing in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    const console = spyOnConsole();
    const view = render(<FeedbackPart sessionId="id-0" onFeedback={() => {}} />);
    for (let i = 1; i <= 5; i += 1) view.rerender(<FeedbackPart sessionId={`id-${i}`} onFeedback={() => {}} />);
    expect(console.all()).toEqual([]);
  });
});
