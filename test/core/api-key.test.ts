import { describe, expect, it } from "vitest";
import { isPublishableKey, isSecretKey } from "../../src/core/api-key";

describe("what a key says about itself", () => {
  it.each(["sk-kelet-9fXa2Lq", "sk_live_1", "sk_1", "SK-KELET-AB", "Sk_test_x", "kelet_sk_9f", "kelet-sk-live-Ab3", "my_secret_key1", "secret-9f", " sk_live_1"])(
    "%j is secret",
    (key) => {
      expect(isSecretKey(key)).toBe(true);
      expect(isPublishableKey(key)).toBe(false);
    },
  );

  it.each([
    "pk-kelet-9fXa2Lq",
    "pk_live_1",
    // "sk" inside the random part of a publishable key is just random characters.
    "pk-kelet-sk-Ab3",
    "pk-kelet-ab_sk_cd",
    "pk_sk_live",
    "pk-kelet-secret-9",
  ])("%j is publishable, never secret", (key) => {
    expect(isPublishableKey(key)).toBe(true);
    expect(isSecretKey(key)).toBe(false);
  });

  it.each([
    // "sk" glued to other characters is not the word sk.
    "desk_live_1",
    "skeleton_key",
    "sk9fXa2Lq",
    "xsk-kelet-1",
    // Past the prefix (a word with digits ends it), "sk" is random characters.
    "key1_sk_live",
    "kelet_live_test_sk_1",
    "abc",
    "demo_not_a_publishable_key",
  ])("%j is neither secret nor publishable", (key) => {
    expect(isSecretKey(key)).toBe(false);
    expect(isPublishableKey(key)).toBe(false);
  });

  it("reads only a key's first three words, each made of letters only, for the secret word", () => {
    for (const key of ["sk", "SECRET", "a_b_sk", "a-b-secret-1", "sk-", "Kelet_SK_live"]) expect(isSecretKey(key)).toBe(true);
    for (const key of ["a_b_c_sk", "_sk_live", "a1_sk", "sk1_live", "sks_live", "a__sk", "sk kelet"]) expect(isSecretKey(key)).toBe(false);
  });

  it("reads a publishable prefix case-sensitively, as Kelet issues it", () => {
    expect(isPublishableKey("PK-KELET-abc")).toBe(false);
    expect(isPublishableKey("pk-kelet")).toBe(false);
  });
});
