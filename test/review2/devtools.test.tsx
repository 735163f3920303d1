// Adversarial review of <KeletDevtools /> (issue 20 part 2, API.md E.24) in jsdom, through the public entries only.
import { act, cleanup, render, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { KeletProvider, useKelet } from "../../src";
import { KeletDevtools } from "../../src/devtools";
import { createTestInbox } from "../../src/testing";

afterEach(() => {
  cleanup();
  vi.unstubAllEnvs();
  vi.resetModules();
  localStorage.clear();
});

const shadow = () => document.querySelector("[data-kelet-devtools]")!.shadowRoot!;
const rows = () => [...shadow().querySelectorAll<HTMLTableRowElement>("tbody tr")];

let sendFrom: Record<string, (session_id: string) => Promise<void>> = {};
function Sender({ name }: { name: string }) {
  const { feedback } = useKelet();
  sendFrom[name] = (session_id) => feedback({ session_id, score: 1, trigger_name: "user-vote" });
  return null;
}

describe("<KeletDevtools /> as a developer uses it", () => {
  it("in StrictMode, the panel in one root lists each signal of both roots once, newest first, delivered", async () => {
    sendFrom = {};
    const inbox = createTestInbox();
    render(
      <StrictMode>
        <KeletProvider apiKey="pk-kelet-a" project="root-a" fetch={inbox.fetch} onError={() => {}}>
          <Sender name="a" />
          <KeletDevtools initialIsOpen />
        </KeletProvider>
      </StrictMode>,
    );
    const container = document.body.appendChild(document.createElement("div"));
    const other = createRoot(container);
    act(() =>
      other.render(
        <StrictMode>
          <KeletProvider apiKey="pk-kelet-b" project="root-b" fetch={inbox.fetch} onError={() => {}}>
            <Sender name="b" />
          </KeletProvider>
        </StrictMode>,
      ),
    );
    await act(() => sendFrom.a!("s-a"));
    await act(() => sendFrom.b!("s-b"));
    await waitFor(() => expect(rows().map((row) => row.dataset.status)).toEqual(["delivered", "delivered"]));
    expect(rows()[0]!.textContent).toContain("s-b");
    expect(rows()[1]!.textContent).toContain("s-a");
    expect(shadow().textContent).not.toMatch(/pk-kelet-[ab]/);
    act(() => other.unmount());
    container.remove();
  });

  it("in a production build it renders nothing, even when asked to open", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.resetModules();
    const { KeletDevtools: ProductionDevtools } = await import("../../src/devtools");
    const { container } = render(<ProductionDevtools initialIsOpen position="top-left" />);
    expect(container.innerHTML).toBe("");
    expect(document.querySelector("[data-kelet-devtools]")).toBeNull();
  });
});
