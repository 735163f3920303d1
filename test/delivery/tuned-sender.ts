/**
 * Test-only: every sender created while a test runs gets `testTuning`
 * (shorter time-outs, smaller caps), the way an app can never set it.
 * Use with `vi.mock("../../src/core/signal-sender", () => import("./tuned-sender"))`.
 */
import { vi } from "vitest";
import type { DeliveryTuning } from "../../src/core/delivery/constants";
import type * as SignalSenderModule from "../../src/core/signal-sender";

const actual = await vi.importActual<typeof SignalSenderModule>("../../src/core/signal-sender");

/** Set fields in a test; {@link resetTestTuning} clears them. */
export const testTuning: Partial<DeliveryTuning> = {};

export function resetTestTuning(): void {
  for (const key of Object.keys(testTuning)) delete testTuning[key as keyof DeliveryTuning];
}

export const createSignalSender: typeof actual.createSignalSender = (config) =>
  actual.createSignalSender({ ...config, tuning: { ...testTuning, ...config.tuning } });
