import type { Page } from "playwright-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { useChromiumPage } from "../support/browser-page";

const env = useChromiumPage(new URL("./pages/shadow-fields.tsx", import.meta.url));
let tab: Page;
beforeEach(async () => {
  env.server.requests.length = 0;
  tab = await env.browser.newPage();
  await tab.goto(env.page.url);
  await tab.waitForFunction(() => "sendSignalDuring" in window);
});
afterEach(async () => {
  await tab.close();
});

/** The trigger of the signal the page sends during the user's last event (issue 22.6: a signal carries the event it was made during). */
let armed = "";

/** Has the page send a signal named `trigger` while the next user event of `type` is handled. */
async function sendDuringNext(type: string, trigger: string) {
  armed = trigger;
  await tab.evaluate(([eventType, name]) => (window as unknown as { sendSignalDuring: (t: string, n: string) => void }).sendSignalDuring(eventType!, name!), [type, trigger]);
}

/** Focuses the field inside the shadow root of `#hostId` (open or closed) the way a user's click would, then types; a signal is sent during the last key. */
async function typeInto(hostId: string, text: string, trigger: string) {
  await tab.evaluate((id) => {
    const field = (document.getElementById(id) as unknown as { field: HTMLElement }).field;
    field.focus();
  }, hostId);
  await tab.keyboard.type(text.slice(0, -1));
  await sendDuringNext("keydown", trigger);
  await tab.keyboard.type(text.slice(-1));
}

/** The `$dom_event` of the signal sent during the user's last event. */
async function domEventOfNextSignal(trigger: string) {
  expect(armed).toBe(trigger);
  const [request] = await env.server.waitForRequests(1);
  const body = JSON.parse(request!.body);
  expect(body.trigger_name).toBe(trigger);
  return body.metadata.$dom_event as Record<string, unknown>;
}

describe("$dom_event never holds what was typed inside a web component", () => {
  it("records no key when I type my password into a field in an open shadow root", async () => {
    await typeInto("open-login", "hunter2", "open");
    const event = await domEventOfNextSignal("open");
    expect(event).toMatchObject({ type: "keydown", label: "Open password" });
    expect(event.target).toContain("input");
    expect(event).not.toHaveProperty("key");
    expect(JSON.stringify(event)).not.toMatch(/hunter|"2"/);
  });

  it("records no key when I type into a field in a closed shadow root, which only shows its host", async () => {
    await typeInto("closed-login", "hunter2", "closed");
    const event = await domEventOfNextSignal("closed");
    expect(event).toMatchObject({ type: "keydown", target: "closed-login#closed-login" });
    expect(event).not.toHaveProperty("key");
    expect(JSON.stringify(event)).not.toMatch(/hunter|"2"/);
  });

  it("records no key when the closed shadow root hangs off a plain div", async () => {
    await typeInto("closed-div-host", "4111", "closed-div");
    const event = await domEventOfNextSignal("closed-div");
    expect(event).toMatchObject({ type: "keydown", target: "div#closed-div-host" });
    expect(event).not.toHaveProperty("key");
    expect(JSON.stringify(event)).not.toContain("4111");
  });

  it("records neither key nor text when I write in a contenteditable inside a shadow root", async () => {
    await typeInto("open-notes", "my secret plan", "notes");
    const event = await domEventOfNextSignal("notes");
    expect(event).toMatchObject({ type: "keydown", label: "Notes" });
    expect(event).not.toHaveProperty("key");
    expect(JSON.stringify(event)).not.toMatch(/secret|plan|draft|"n"/);
  });

  it("still records the key pressed on a button inside a shadow root, and names the button", async () => {
    await tab.evaluate(() => (document.getElementById("open-toolbar") as unknown as { field: HTMLElement }).field.focus());
    await sendDuringNext("keydown", "button");
    await tab.keyboard.press("ArrowDown");
    const event = await domEventOfNextSignal("button");
    expect(event).toMatchObject({ type: "keydown", key: "ArrowDown", label: "Go" });
    expect(event.target).toContain("button");
  });

  it("keeps nothing about a click inside data-kelet-redact within a shadow root", async () => {
    await sendDuringNext("click", "redacted");
    await tab.locator("#redacted-card button").click();
    const event = await domEventOfNextSignal("redacted");
    expect(event).toEqual({ type: "click", time: expect.any(String), redacted: true });
  });
});
