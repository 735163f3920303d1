import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

// Unmount every tree after each test, so providers and their listeners never leak into the next one.
afterEach(() => cleanup());
