import { render, screen } from "@testing-library/react";
import { version } from "react";
import { version as domVersion } from "react-dom";
import { describe, expect, it } from "vitest";
import { KeletProvider } from "../../src/provider/kelet-provider";

// Runs in both unit projects: `unit` (React 19) and `unit-react18`.
const expected = process.env.VITEST_PROJECT_REACT ?? "";

describe("the React this project runs", () => {
  it("renders the provider with the same React that react-dom and testing-library use", () => {
    render(
      <KeletProvider apiKey="pk_1" project="p">
        <p>React {version}</p>
      </KeletProvider>,
    );
    expect(screen.getByText(`React ${version}`)).toBeTruthy();
    expect(domVersion).toBe(version);
    expect(version.startsWith(expected)).toBe(true);
  });
});
