import { render, renderHook } from "@testing-library/react";
import { memo, useContext, useState, type ReactNode } from "react";
import { act } from "react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { KeletContext } from "../../src/provider/kelet-context";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useDefaultFeedbackHandler, useKeletSignal } from "../../src/provider/use-kelet-signal";

beforeEach(() => resetLogOnce());

describe("useKeletSignal", () => {
  it("returns the nearest provider's feedback function", () => {
    let fromContext: unknown;
    function Probe() {
      fromContext = useContext(KeletContext)?.feedback;
      return null;
    }
    const wrapper = ({ children }: { children: ReactNode }) => (
      <KeletProvider apiKey="pk_1" project="p">
        <Probe />
        {children}
      </KeletProvider>
    );
    const { result } = renderHook(() => useKeletSignal(), { wrapper });
    expect(result.current).toBe(fromContext);
  });

  it("outside a provider does nothing, resolves, and warns once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { result } = renderHook(() => useKeletSignal());
    await expect(result.current({ session_id: "s", score: 1 })).resolves.toBeUndefined();
    await result.current({ session_id: "s", score: 0 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain("KeletProvider");
  });

  it("is also available as useDefaultFeedbackHandler", () => {
    expect(useDefaultFeedbackHandler).toBe(useKeletSignal);
  });
});

describe("the provider's context value", () => {
  it("does not re-render a memoised consumer when the provider's parent re-renders with the same props", () => {
    let consumerRenders = 0;
    const Consumer = memo(function Consumer() {
      useKeletSignal();
      consumerRenders += 1;
      return null;
    });
    let bump: () => void = () => {};
    function App() {
      const [count, setCount] = useState(0);
      bump = () => setCount((c) => c + 1);
      return (
        // Inline callbacks are new every render: they must not rebuild the value.
        <KeletProvider apiKey="pk_1" project="p" onError={() => {}} fetch={(url, init) => fetch(url, init)}>
          <span>{count}</span>
          <Consumer />
        </KeletProvider>
      );
    }
    render(<App />);
    expect(consumerRenders).toBe(1);
    act(() => bump());
    act(() => bump());
    expect(consumerRenders).toBe(1);
  });

  it("stays the same across re-renders of a provider whose telemetry is off in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.spyOn(console, "error").mockImplementation(() => {});
    const seen = new Set<unknown>();
    function Probe() {
      seen.add(useContext(KeletContext));
      return null;
    }
    const { rerender } = render(<KeletProvider project="p"><Probe /></KeletProvider>);
    rerender(<KeletProvider project="p"><Probe /></KeletProvider>);
    vi.unstubAllEnvs();
    expect(seen.size).toBe(1);
  });

  it("changes when the project changes", () => {
    const seen = new Set<unknown>();
    function Probe() {
      seen.add(useContext(KeletContext));
      return null;
    }
    const { rerender } = render(<KeletProvider apiKey="pk_1" project="a"><Probe /></KeletProvider>);
    rerender(<KeletProvider apiKey="pk_1" project="b"><Probe /></KeletProvider>);
    expect(seen.size).toBe(2);
  });
});
