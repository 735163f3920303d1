// @vitest-environment node
import { renderToString } from "react-dom/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { KeletProvider, useDefaultFeedbackHandler, useKelet, useKeletSignal } from "../../src";
import { useSessionIdCheck, useSignalDestinationCheck } from "../../src/provider/diagnostics-hooks";

// Runs in the unit and unit-react18 projects: server rendering under React 19 and 18.
let consoleCalls: unknown[][];
beforeEach(() => {
  consoleCalls = [];
  for (const level of ["error", "warn"] as const) vi.spyOn(console, level).mockImplementation((...args) => void consoleCalls.push(args));
});
afterEach(() => vi.restoreAllMocks());

function HookUser() {
  const { project } = useKelet();
  const send = useKeletSignal();
  const legacy = useDefaultFeedbackHandler();
  useSignalDestinationCheck(false, "VoteFeedback.Root");
  useSessionIdCheck("ssr-session", "VoteFeedback.Root");
  return <output data-project={project}>{typeof send === "function" && typeof legacy === "function" ? "ready" : "broken"}</output>;
}

describe("server rendering with react-dom/server", () => {
  it("runs where there is no window or document", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
  });

  it("renders the provider, nested providers and every hook to HTML without touching browser globals", () => {
    const html = renderToString(
      <KeletProvider apiKey="pk_ssr" project="outer">
        <KeletProvider project="inner">
          <HookUser />
        </KeletProvider>
      </KeletProvider>,
    );
    expect(html).toBe('<output data-project="inner">ready</output>');
    expect(consoleCalls).toEqual([]);
  });

  it("renders the hooks outside any provider without a warning during render", () => {
    function Orphan() {
      const send = useKeletSignal();
      useSignalDestinationCheck(false, "useFeedbackState");
      return <span>{typeof send}</span>;
    }
    expect(renderToString(<Orphan />)).toBe("<span>function</span>");
    expect(consoleCalls).toEqual([]);
  });
});
