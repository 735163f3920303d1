// Adversarial review of <KeletDevtools /> in real Chromium: isolation from the app's CSS, keyboard access.
import { render, waitFor } from "@testing-library/react";
import { userEvent } from "vitest/browser";
import { afterEach, describe, expect, it } from "vitest";
import { KeletDevtools } from "../../src/devtools";

const host = () => document.querySelector<HTMLElement>("[data-kelet-devtools]")!;
const shadow = () => host().shadowRoot!;
const styles: HTMLStyleElement[] = [];
const appCss = (css: string) => {
  const style = document.head.appendChild(document.createElement("style"));
  style.textContent = css;
  styles.push(style);
};
afterEach(() => {
  for (const style of styles.splice(0)) style.remove();
});

describe("<KeletDevtools /> next to my app's CSS", () => {
  it("my app's rule that hides empty divs does not hide the devtools toggle", async () => {
    appCss("div:empty { display: none; }");
    render(<KeletDevtools />);
    const toggle = await waitFor(() => shadow().querySelector<HTMLButtonElement>("button")!);
    expect(toggle.getBoundingClientRect().width).toBeGreaterThan(0);
  });

  it("my app's button styles do not change the panel's buttons", async () => {
    appCss("button { color: rgb(255, 0, 0) !important; font-size: 40px !important; display: none !important; }");
    render(<KeletDevtools initialIsOpen />);
    const button = await waitFor(() => shadow().querySelector<HTMLButtonElement>("button")!);
    expect(getComputedStyle(button).display).not.toBe("none");
    expect(getComputedStyle(button).color).not.toBe("rgb(255, 0, 0)");
  });

  it("I can reach the toggle with Tab from my app, open the panel with Enter and close it with Escape", async () => {
    render(
      <>
        <button>App button</button>
        <KeletDevtools />
      </>,
    );
    (document.querySelector("button") as HTMLButtonElement).focus();
    await userEvent.keyboard("{Tab}");
    const toggle = await waitFor(() => shadow().querySelector<HTMLButtonElement>("button")!);
    expect(shadow().activeElement).toBe(toggle);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(shadow().querySelector('section[aria-label="Kelet devtools"]')).not.toBeNull());
    await userEvent.keyboard("{Escape}");
    await waitFor(() => expect(shadow().querySelector('section[aria-label="Kelet devtools"]')).toBeNull());
  });
});
