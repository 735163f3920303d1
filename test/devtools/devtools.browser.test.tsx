import { render, waitFor } from "@testing-library/react";
import axe from "axe-core";
import { page, userEvent } from "vitest/browser";
import { describe, expect, it } from "vitest";
import { KeletProvider, useKelet } from "../../src";
import type { FetchLike } from "../../src/core";
import { KeletDevtools } from "../../src/devtools";

/** The project's server: the first signal is accepted, the second refused (a wrong key). */
const server: FetchLike = async (_url, init) => {
  const { session_id } = JSON.parse(init.body) as { session_id: string };
  return session_id == "chat-ok" ? { ok: true, status: 200 } : { ok: false, status: 401, statusText: "Unauthorized" };
};

function Votes() {
  const { feedback } = useKelet();
  return (
    <main>
      <h1>Support chat</h1>
      <button onClick={() => void feedback({ session_id: "chat-ok", score: 1, trigger_name: "user-vote" })}>Send good</button>
      <button onClick={() => void feedback({ session_id: "chat-refused", score: 0, trigger_name: "user-vote", value: "Wrong answer" }).catch(() => {})}>Send refused</button>
    </main>
  );
}

const shadow = () => document.querySelector("[data-kelet-devtools]")!.shadowRoot!;
const inPanel = <T extends Element>(selector: string) => shadow().querySelector<T>(selector);

describe("<KeletDevtools /> in Chromium", () => {
  it("shows a delivered and a refused signal with their status and hint, opens one by keyboard, passes axe, and closes with Escape", async () => {
    await page.viewport(1100, 720);
    render(
      <KeletProvider apiKey="pk-kelet-devtools" project="support-bot" baseUrl="https://api.kelet.test" fetch={server} onError={() => {}}>
        <Votes />
        <KeletDevtools />
      </KeletProvider>,
    );
    // Closed at first: only the toggle.
    expect(inPanel('section[aria-label="Kelet devtools"]')).toBeNull();
    await userEvent.click(document.querySelector("button")!); // Send good
    await userEvent.click(document.querySelectorAll("main button")[1]!); // Send refused
    const toggle = await waitFor(() => {
      const button = inPanel<HTMLButtonElement>("button.toggle")!;
      expect(button.textContent).toBe("Kelet devtools (2)");
      return button;
    });

    toggle.focus();
    await userEvent.keyboard("{Enter}");
    const rows = () => [...shadow().querySelectorAll<HTMLTableRowElement>("tbody tr")];
    await waitFor(() => expect(rows().map((row) => row.dataset.status)).toEqual(["rejected", "delivered"]));
    expect(rows()[0]!.textContent).toContain("chat-refused");
    expect(rows()[0]!.textContent).toContain("Wrong answer");
    expect(rows()[1]!.textContent).toContain("feedback / human / user-vote");

    // Open the refused one with the keyboard.
    rows()[0]!.querySelector("button")!.focus();
    await userEvent.keyboard("{Enter}");
    const detail = await waitFor(() => inPanel<HTMLElement>('section[aria-label="Signal details"]')!);
    expect(detail.querySelector('[role="note"]')!.textContent).toContain("refused the key (HTTP 401)");
    expect(JSON.parse(detail.querySelector('pre[aria-label="Body as sent"]')!.textContent!)).toMatchObject({ session_id: "chat-refused", score: 0, value: "Wrong answer" });
    expect(detail.textContent).toContain("HTTP 401: Failed to submit feedback: Unauthorized");
    expect(detail.textContent).not.toContain("pk-kelet-devtools");

    const results = await axe.run(document.body);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    await page.screenshot({ path: "../../reports/devtools-open.png" });

    // The delivered one: no hint.
    rows()[1]!.querySelector("button")!.focus();
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(inPanel('section[aria-label="Signal details"] [role="note"]')).toBeNull());
    expect(inPanel('section[aria-label="Signal details"]')!.textContent).toContain("2xx: accepted");

    // Filter by status, then Escape closes and gives focus back to the toggle.
    const statusFilter = [...shadow().querySelectorAll("select")][1]!;
    await userEvent.selectOptions(statusFilter, "rejected");
    expect(rows().map((row) => row.dataset.status)).toEqual(["rejected"]);
    rows()[0]!.querySelector("button")!.focus();
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(inPanel('section[aria-label="Kelet devtools"]')).toBeNull());
    expect(shadow().activeElement).toBe(inPanel("button.toggle"));
  });

  it("keeps the app's CSS out of the panel", async () => {
    const style = document.head.appendChild(document.createElement("style"));
    style.textContent = "button { color: rgb(255, 0, 0) !important; font-size: 40px !important; }";
    render(<KeletDevtools initialIsOpen />);
    const clear = await waitFor(() => [...shadow().querySelectorAll("button")].find((b) => b.textContent == "Clear")!);
    expect(getComputedStyle(clear).color).not.toBe("rgb(255, 0, 0)");
    expect(getComputedStyle(clear).fontSize).toBe("12px");
    style.remove();
  });
});
