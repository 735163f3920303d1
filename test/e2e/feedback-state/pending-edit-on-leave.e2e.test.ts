import { beforeEach, describe, expect, it } from "vitest";
import { useChromiumPage } from "../../support/browser-page";

const env = useChromiumPage(new URL("./pages/editable-draft.tsx", import.meta.url));
beforeEach(() => {
  env.server.requests.length = 0;
});

async function editDraft() {
  const tab = await env.browser.newPage();
  await tab.goto(env.page.url);
  await tab.getByRole("button", { name: "Write with AI" }).click();
  const draft = tab.getByRole("textbox", { name: "Draft" });
  await draft.click();
  await draft.press("Control+End");
  await draft.pressSequentially(" Thanks!");
  return tab;
}

describe("a pending edit in real Chromium", () => {
  it("is sent when the user leaves the page before the quiet time ends", async () => {
    const tab = await editDraft();
    await tab.goto("about:blank");
    const [request] = await env.server.waitForRequests(1);
    const body = JSON.parse(request!.body);
    expect(body).toMatchObject({ session_id: "page-session", kind: "edit", source: "human", trigger_name: "manual_refinement", score: 1 });
    expect(body.value).toBe(
      "-Your refund is approved and will reach your card within 5 business days.\n" +
        "+Your refund is approved and will reach your card within 5 business days. Thanks!",
    );
    await tab.close();
  });

  it("is sent once when the tab is closed", async () => {
    const tab = await editDraft();
    await tab.close({ runBeforeUnload: true });
    await env.server.waitForRequests(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(env.server.requests).toHaveLength(1);
  });
});
