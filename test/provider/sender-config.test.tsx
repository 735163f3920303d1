import { render } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createKeletClient } from "../../src/core/client";
import * as signalSender from "../../src/core/signal-sender";
import { KeletProvider } from "../../src/provider/kelet-provider";
import { useKeletSignal } from "../../src/provider/use-kelet-signal";
import type { FeedbackFunction } from "../../src/core/feedback-function";

// What the client hands to delivery is a contract with the delivery layer: watch the seam itself.
vi.mock("../../src/core/signal-sender", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/core/signal-sender")>();
  return { ...actual, createSignalSender: vi.fn(actual.createSignalSender) };
});
const createSignalSender = vi.mocked(signalSender.createSignalSender);
afterEach(() => createSignalSender.mockClear());

function Probe({ seen }: { seen: { feedback?: FeedbackFunction } }) {
  seen.feedback = useKeletSignal();
  return null;
}

describe("what reaches delivery", () => {
  it("the provider passes the resolved target, persist, debug, a transport and a failure reporter", () => {
    render(
      <KeletProvider apiKey="pk_1" project="p" baseUrl="http://127.0.0.1:1/api/" persist={false} debug={false}>
        <Probe seen={{}} />
      </KeletProvider>,
    );
    expect(createSignalSender).toHaveBeenCalledTimes(1);
    const config = createSignalSender.mock.calls[0]![0];
    expect(config).toMatchObject({ apiKey: "pk_1", project: "p", baseUrl: "http://127.0.0.1:1", persist: false, debug: false });
    expect(typeof config.fetch).toBe("function");
    expect(typeof config.reportFailure).toBe("function");
  });

  it("a nested provider inherits persist={false}; the default is true", () => {
    render(
      <>
        <KeletProvider apiKey="pk_1" project="p" persist={false}>
          <KeletProvider project="child">
            <Probe seen={{}} />
          </KeletProvider>
        </KeletProvider>
        <KeletProvider apiKey="pk_1" project="q" />
      </>,
    );
    const persistByProject = Object.fromEntries(createSignalSender.mock.calls.map(([config]) => [config.project, config.persist]));
    expect(persistByProject).toEqual({ p: false, child: false, q: true });
  });

  it("createKeletClient passes persist through", () => {
    const client = createKeletClient({ apiKey: "pk_1", project: "p", persist: false });
    client.close();
    expect(createSignalSender.mock.calls.map(([config]) => config.persist)).toEqual([false]);
  });

  it("a disabled provider creates no delivery at all", () => {
    render(<KeletProvider apiKey="pk_1" project="p" disabled />);
    expect(createSignalSender).not.toHaveBeenCalled();
  });
});
