import { render } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetLogOnce } from "../../src/core/console-once";
import { KeletContext } from "../../src/provider/kelet-context";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useKelet } from "../../src/provider/use-kelet";
import { captureContext } from "../support/capture-context";
import { useSignalServer } from "../support/signal-server";

const server = useSignalServer();
beforeEach(() => {
  resetLogOnce();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function quietRenderErrors() {
  // React logs errors thrown during render; the test asserts on the throw itself.
  return vi.spyOn(console, "error").mockImplementation(() => {});
}

describe("KeletProvider configuration", () => {
  it("inherits the key and routes a nested subtree to its own project", async () => {
    const { context } = captureContext({}, (probe) => (
      <KeletProvider apiKey="pk_root" project="root" baseUrl={server.origin}>
        <KeletProvider project="billing">{probe}</KeletProvider>
      </KeletProvider>
    ));
    expect(context.api_key).toBe("pk_root");
    expect(context.project).toBe("billing");
    await context.feedback({ session_id: "s", score: 1 });
    expect(server.requests[0]!.url).toBe("/api/projects/billing/signal");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer pk_root");
  });

  it("inherits through any depth, and a child may set its own key", async () => {
    const { context } = captureContext({}, (probe) => (
      <KeletProvider apiKey="pk_root" project="a" baseUrl={server.origin}>
        <KeletProvider project="b">
          <KeletProvider>
            <KeletProvider apiKey="pk_child">{probe}</KeletProvider>
          </KeletProvider>
        </KeletProvider>
      </KeletProvider>
    ));
    await context.feedback({ session_id: "s", score: 0 });
    expect(server.requests[0]!.url).toBe("/api/projects/b/signal");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer pk_child");
  });

  it("reports a nested provider's failures to the nearest onError above it", async () => {
    server.plan(403);
    const onError = vi.fn();
    const { context } = captureContext({}, (probe) => (
      <KeletProvider apiKey="pk_root" project="a" baseUrl={server.origin} onError={onError}>
        <KeletProvider project="b">{probe}</KeletProvider>
      </KeletProvider>
    ));
    await expect(context.feedback({ session_id: "s", score: 1 })).rejects.toThrow("Failed to submit feedback: Forbidden");
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("throws the 1.3 message when no key is set anywhere, in development", () => {
    quietRenderErrors();
    expect(() => render(<KeletProvider project="p" />)).toThrow(
      new Error("apiKey is required either directly or from a parent KeletProvider"),
    );
  });

  it("refuses a secret key in development with a message that points to the pk-kelet- key", () => {
    quietRenderErrors();
    expect(() => render(<KeletProvider apiKey="sk_live_123" project="p" />)).toThrow(/publishable key \(pk-kelet-/);
  });

  it("throws when no project is set anywhere, in development", () => {
    quietRenderErrors();
    expect(() => render(<KeletProvider apiKey="pk_1" />)).toThrow("project is required either directly or from a parent KeletProvider");
  });

  it("in production renders the app, logs once and sends nothing when the key is missing", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const onError = vi.fn();
    const { context, view } = captureContext({ project: "p", baseUrl: server.origin, onError });
    expect(view.container).toBeDefined();
    await expect(context.feedback({ session_id: "s", score: 1 })).resolves.toBeUndefined();
    await context.feedback({ session_id: "s", score: 0 });
    view.rerender(<KeletProvider project="p" baseUrl={server.origin} onError={onError} />);
    expect(error.mock.calls.filter((call) => String(call[0]).includes("apiKey is required"))).toHaveLength(1);
    expect(onError).toHaveBeenCalledTimes(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(0);
  });

  it("in production never sends a secret key", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { context } = captureContext({ apiKey: "sk_live_1", project: "p", baseUrl: server.origin, onError: () => {} });
    expect(context.api_key).toBe("");
    await context.feedback({ session_id: "s", score: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(0);
  });

  it("does not demand a key while sending is disabled", async () => {
    const { context } = captureContext({ project: "p", disabled: true });
    await expect(context.feedback({ session_id: "s", score: 1 })).resolves.toBeUndefined();
  });

  it("logs a failed send once in production when the app has no onError", async () => {
    vi.stubEnv("NODE_ENV", "production");
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    server.plan(404, 404);
    const { context } = captureContext({ apiKey: "pk_1", project: "p", baseUrl: server.origin });
    await expect(context.feedback({ session_id: "s", score: 1 })).rejects.toThrow();
    await expect(context.feedback({ session_id: "s", score: 1 })).rejects.toThrow();
    expect(error).toHaveBeenCalledTimes(1);
  });
});

describe("useKelet", () => {
  it("returns the api key, project and feedback function", () => {
    const { context } = captureContext({ apiKey: "pk_9", project: "proj" });
    expect(context.api_key).toBe("pk_9");
    expect(context.project).toBe("proj");
    expect(typeof context.feedback).toBe("function");
  });

  it("gives apps only the key, the project and feedback: no transport or failure plumbing", () => {
    const { context } = captureContext({ apiKey: "pk_9", project: "proj", baseUrl: server.origin, debug: false, onError: () => {}, fetch: async () => ({ ok: true }) });
    expect(Object.keys(context).sort()).toEqual(["api_key", "feedback", "project"]);
  });

  it("a nested provider still inherits disabled from its parent", async () => {
    const { context } = captureContext({}, (probe) => (
      <KeletProvider apiKey="pk_root" project="root" baseUrl={server.origin} disabled>
        <KeletProvider project="child">{probe}</KeletProvider>
      </KeletProvider>
    ));
    await context.feedback({ session_id: "s", score: 1 });
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(0);
  });

  it("a provider under an app's own KeletContext.Provider takes its key and project, as in 1.3", async () => {
    const { context } = captureContext({}, (probe) => (
      <KeletContext.Provider value={{ api_key: "pk_app", project: "app", feedback: async () => {} }}>
        <KeletProvider baseUrl={server.origin}>{probe}</KeletProvider>
      </KeletContext.Provider>
    ));
    expect(context.api_key).toBe("pk_app");
    await context.feedback({ session_id: "s", score: 1 });
    expect(server.requests[0]!.url).toContain("/api/projects/app/signal");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer pk_app");
  });

  it("throws the 1.3 message outside a provider", () => {
    quietRenderErrors();
    function Orphan() {
      useKelet();
      return null;
    }
    expect(() => render(<Orphan />)).toThrow(new Error("useKelet must be used within a KeletProvider"));
  });
});
