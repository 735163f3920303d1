import { describe, expect, it } from "vitest";
import { useChromiumPage } from "../support/browser-page";

const env = useChromiumPage(new URL("./pages/devtools.tsx", import.meta.url));

describe("<KeletDevtools /> against a real server", () => {
  it("lists the signal the server accepted and the one it refused with 401, with the key hint and the body as sent", async () => {
    const tab = await env.browser.newPage();
    await tab.goto(env.page.url);
    await tab.getByRole("button", { name: "Send good" }).click();
    await env.server.waitForAccepted(1);
    env.server.plan({ status: 401, statusText: "Unauthorized" });
    await tab.getByRole("button", { name: "Send refused" }).click();
    await env.server.waitForRequests(2);

    // Playwright's locators pierce the panel's open shadow root.
    const rows = tab.locator("kelet-devtools tbody tr");
    await expect.poll(() => rows.evaluateAll((list) => list.map((row) => (row as HTMLElement).dataset.status))).toEqual(["rejected", "delivered"]);
    await rows.nth(0).getByRole("button").click();
    const detail = tab.getByRole("region", { name: "Signal details" });
    await expect.poll(() => detail.textContent()).toContain("HTTP 401");
    expect(await detail.getByRole("note").textContent()).toContain("refused the key (HTTP 401)");
    expect(JSON.parse((await detail.getByLabel("Body as sent").textContent())!)).toMatchObject({ session_id: "chat-refused", score: 0, value: "Wrong answer" });
    expect(await tab.locator("kelet-devtools").evaluate((host) => host.shadowRoot!.textContent)).not.toContain("pk-kelet-devtools");
    await tab.close();
  });
});
