import { describe, expect, it } from "vitest";
import { useChromiumPage } from "../support/browser-page";

const env = useChromiumPage(new URL("./pages/send-on-click.tsx", import.meta.url));

describe("a page in real Chromium", () => {
  it("delivers a click's signal cross-origin with the key and the click that caused it", async () => {
    const tab = await env.browser.newPage();
    await tab.goto(env.page.url);
    await tab.getByRole("button", { name: "Helpful" }).click();
    const [request] = await env.server.waitForRequests(1);
    expect(request!.headers.authorization).toBe("Bearer pk_page");
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({ session_id: "page-session", score: 1, kind: "feedback", source: "human" });
    expect(body.metadata.$dom_event).toMatchObject({ type: "click", label: "Helpful" });
    expect(body.metadata.$dom_event.x).toBeGreaterThan(0);
  });
});
