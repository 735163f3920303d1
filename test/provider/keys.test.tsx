import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { KeletProvider, useKelet, useKeletSignal, type KeletContextValue, type KeletProviderProps } from "../../src";
import { useSignalServer } from "../support/signal-server";

const server = useSignalServer();
beforeEach(() => resetLogOnce());
afterEach(() => vi.unstubAllEnvs());

/** Every way Kelet writes a secret key, plus keys that say so in another order or case. */
const SECRET_KEYS = ["sk-kelet-9fXa2Lq", "sk_live_123", "sk_test_abc", "SK_LIVE_1", "kelet_sk_9fXa2Lq", "kelet-sk-live-Ab3", "secret_abc123", " sk-kelet-padded "];

/** Publishable keys, whose random part may hold "sk" anywhere. */
const PUBLISHABLE_KEYS = ["pk-kelet-9fXa2Lq", "pk_live_123", "pk-kelet-sk-kelet-Ab", "pk_sk_live_1", "pk-kelet-ask_desk-sk"];

/** Renders a provider (optionally inside a parent) and returns what `useKelet()` saw. */
function renderWithProvider(props: KeletProviderProps, parent?: KeletProviderProps) {
  const seen: { current: KeletContextValue | null } = { current: null };
  function Probe() {
    seen.current = useKelet();
    return null;
  }
  const tree: ReactNode = (
    <KeletProvider {...props}>
      <Probe />
    </KeletProvider>
  );
  const view = render(parent ? <KeletProvider {...parent}>{tree}</KeletProvider> : tree);
  return { context: seen.current!, view };
}

async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe("a secret key given to KeletProvider", () => {
  it.each(SECRET_KEYS)("throws in development with the fix, naming the pk-kelet- key, for %j", (apiKey) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<KeletProvider apiKey={apiKey} project="p" baseUrl={server.origin} />)).toThrow(
      /secret key \(sk-kelet-\.\.\. or sk_\.\.\.\).*publishable key \(pk-kelet-\.\.\./,
    );
  });

  it.each(SECRET_KEYS)("in production renders, never sends the key and never exposes it, for %j", async (apiKey) => {
    vi.stubEnv("NODE_ENV", "production");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const onError = vi.fn();
    const { context, view } = renderWithProvider({ apiKey, project: "p", baseUrl: server.origin, onError });
    expect(view.container.isConnected).toBe(true);
    expect(context.api_key).toBe("");
    await expect(context.feedback({ session_id: "s", score: 1 })).resolves.toBeUndefined();
    await settle();
    expect(server.requests).toHaveLength(0);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(error.mock.calls.some((call) => String(call[0]).includes("secret key"))).toBe(true);
    expect(JSON.stringify(error.mock.calls)).not.toContain(apiKey.trim());
  });

  it("in production is not handed down to a nested provider either", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { context } = renderWithProvider({ project: "child", onError: () => {} }, { apiKey: "sk-kelet-9fXa2Lq", project: "p", baseUrl: server.origin, onError: () => {} });
    expect(context.api_key).toBe("");
    await context.feedback({ session_id: "s", score: 1 });
    await settle();
    expect(server.requests).toHaveLength(0);
  });
});

describe("a publishable key", () => {
  it.each(PUBLISHABLE_KEYS)("is sent as the Bearer key without a warning, for %j", async (apiKey) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { context } = renderWithProvider({ apiKey, project: "p", baseUrl: server.origin });
    expect(context.api_key).toBe(apiKey);
    await context.feedback({ session_id: "s", score: 1 });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("a key in neither publishable form", () => {
  it("warns once in development, naming pk-kelet-, and is still used", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const { context, view } = renderWithProvider({ apiKey: "demo_not_a_publishable_key", project: "p", baseUrl: server.origin });
    view.rerender(
      <KeletProvider apiKey="demo_not_a_publishable_key" project="p" baseUrl={server.origin}>
        <KeletProvider apiKey="another-odd-key">{null}</KeletProvider>
      </KeletProvider>,
    );
    const warnings = warn.mock.calls.map((call) => String(call[0])).filter((message) => message.includes("publishable"));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("neither pk-kelet- nor pk_");
    expect(warnings[0]).not.toContain("demo_not_a_publishable_key");
    await context.feedback({ session_id: "s", score: 1 });
    expect(server.requests[0]!.headers.authorization).toBe("Bearer demo_not_a_publishable_key");
  });

  it("says nothing in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    renderWithProvider({ apiKey: "demo_not_a_publishable_key", project: "p", baseUrl: server.origin });
    expect(warn).not.toHaveBeenCalled();
  });

  it("says nothing while sending is disabled", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    renderWithProvider({ apiKey: "storybook", project: "p", disabled: true });
    expect(warn).not.toHaveBeenCalled();
  });
});

describe("the hooks under a provider with a secret key in production", () => {
  it("useKeletSignal resolves and nothing leaves the page", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.spyOn(console, "error").mockImplementation(() => {});
    let send: ReturnType<typeof useKeletSignal> | undefined;
    function Probe() {
      send = useKeletSignal();
      return null;
    }
    render(
      <KeletProvider apiKey="sk-kelet-9fXa2Lq" project="p" baseUrl={server.origin} onError={() => {}}>
        <Probe />
      </KeletProvider>,
    );
    await expect(send!({ session_id: "s", kind: "EVENT", source: "HUMAN", trigger_name: "user-copy" })).resolves.toBeUndefined();
    await settle();
    expect(server.requests).toHaveLength(0);
  });
});
