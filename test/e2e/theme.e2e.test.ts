import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { launchChromium, servePage, type ServedPage } from "../support/browser-page";

const THEME = readFileSync(fileURLToPath(new URL("../../src/styles/styles.css", import.meta.url)), "utf8");
const WHITE = "rgb(255, 255, 255)";
const DARK_BG = "rgb(24, 24, 27)";

let browser: BrowserContext;
let page: ServedPage;
let tab: Page;

beforeAll(async () => {
  page = await servePage(fileURLToPath(new URL("./pages/theme.tsx", import.meta.url)));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await page?.close();
});
beforeEach(async () => {
  tab = await browser.newPage();
  // No colour transitions, so computed colours are final at once (the motion test turns them back on).
  await tab.emulateMedia({ reducedMotion: "reduce" });
  await tab.goto(page.url);
  await tab.addStyleTag({ content: THEME });
  await tab.locator("#plain .kelet-upvote").waitFor();
});

/** Opens a widget's comment popover: its upvote is already chosen, and popoverOn="both" makes pressing it again open the popover. */
async function openPopover(id: string): Promise<void> {
  await tab.locator(`#${id} .kelet-upvote`).click();
  await tab.locator(`#${id} .kelet-popover[data-state="open"]`).waitFor();
}

function style(selector: string, property: string): Promise<string> {
  return tab.locator(selector).first().evaluate((element, name) => getComputedStyle(element).getPropertyValue(name), property);
}

describe("the default theme (styles.css) in real Chromium", () => {
  it("is light by default and dark when the system prefers dark", async () => {
    await openPopover("plain");
    await tab.emulateMedia({ colorScheme: "light" });
    expect(await style("#plain .kelet-popover", "background-color")).toBe(WHITE);
    await tab.emulateMedia({ colorScheme: "dark" });
    expect(await style("#plain .kelet-popover", "background-color")).toBe(DARK_BG);
  });

  it("follows data-theme on an ancestor whatever the system prefers", async () => {
    await tab.emulateMedia({ colorScheme: "light" });
    await openPopover("forced-dark");
    expect(await style("#forced-dark .kelet-popover", "background-color")).toBe(DARK_BG);
    await tab.emulateMedia({ colorScheme: "dark" });
    await tab.keyboard.press("Escape");
    await openPopover("forced-light");
    expect(await style("#forced-light .kelet-popover", "background-color")).toBe(WHITE);
  });

  it("colours the selected vote and reason from their data-state", async () => {
    await tab.emulateMedia({ colorScheme: "light" });
    await openPopover("plain");
    await tab.locator("#plain .kelet-reason").click();
    expect(await style("#plain .kelet-upvote", "color")).toBe("rgb(22, 163, 74)");
    expect(await style("#plain .kelet-downvote", "color")).toBe("rgb(113, 113, 122)");
    expect(await style("#plain .kelet-reason", "background-color")).toBe("rgb(37, 99, 235)");
  });

  it.each(["light", "dark"] as const)("marks the chosen emoji vote unmistakably, apart from a hovered one, in %s (screenshot in /tmp)", async (theme) => {
    const id = `#emoji-${theme}`;
    await tab.locator(`${id} .kelet-downvote`).hover();
    const chosen = { border: await style(`${id} .kelet-upvote`, "border-top-color"), background: await style(`${id} .kelet-upvote`, "background-color") };
    const hovered = { border: await style(`${id} .kelet-downvote`, "border-top-color"), background: await style(`${id} .kelet-downvote`, "background-color") };
    // A ring in the vote's colour (green), which a hovered button does not get, and a fill of its own.
    expect(chosen.border).toBe(theme === "light" ? "rgb(22, 163, 74)" : "rgb(74, 222, 128)");
    expect(hovered.border).not.toBe(chosen.border);
    expect(chosen.background).not.toBe(hovered.background);
    // Enlarged for a person to look at; the pointer stays on the downvote.
    await tab.locator(id).evaluate((element) => void (element.style.zoom = "4"));
    await tab.locator(`${id} .kelet-downvote`).hover();
    await tab.locator(id).screenshot({ path: `/tmp/kelet-theme-emoji-${theme}.png` });
  });

  it("lets the app override colours, radius and spacing with --kelet-* properties", async () => {
    await tab.addStyleTag({ content: ":root { --kelet-accent: rgb(1, 2, 3); --kelet-radius: 3px; --kelet-pad: 20px; }" });
    await openPopover("plain");
    expect(await style("#plain .kelet-submit", "background-color")).toBe("rgb(1, 2, 3)");
    expect(await style("#plain .kelet-popover", "border-top-left-radius")).toBe("3px");
    expect(await style("#plain .kelet-popover", "padding-top")).toBe("20px");
  });

  it("shows a focus ring when a vote button is reached with the keyboard", async () => {
    await tab.locator("#plain .kelet-upvote").focus();
    await tab.keyboard.press("Tab");
    expect(await tab.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Downvote feedback");
    expect(await style("#plain .kelet-downvote", "outline-style")).toBe("solid");
    expect(await style("#plain .kelet-downvote", "outline-width")).toBe("2px");
  });

  it("animates the popover only when reduced motion is not requested", async () => {
    await openPopover("plain");
    await tab.emulateMedia({ reducedMotion: "no-preference" });
    expect(await style("#plain .kelet-popover", "animation-name")).toBe("kelet-in");
    await tab.emulateMedia({ reducedMotion: "reduce" });
    expect(await style("#plain .kelet-popover", "animation-name")).toBe("none");
    expect(await style("#plain .kelet-vote-button", "transition-duration")).toBe("0s");
  });
});
