/**
 * What a key says about itself. Kelet issues publishable keys as
 * `pk-kelet-…` (older docs: `pk_…`) and secret keys as `sk-kelet-…`
 * (older: `sk_…`). Only the prefix is read: the random part of a key may hold
 * any letters, "sk" among them.
 */

/** The publishable forms, newest first: the only keys meant for a browser. */
export const PUBLISHABLE_KEY_PREFIXES = ["pk-kelet-", "pk_"] as const;

/** At most this many leading words of a key form its prefix (`kelet_sk_…` is three). */
const PREFIX_WORDS_MAX = 3;

/** Words in a key's prefix that say it is secret. */
const SECRET_WORDS = new Set(["sk", "secret"]);

/** True for `pk-kelet-…` and `pk_…` keys (surrounding spaces ignored). */
export function isPublishableKey(apiKey: string): boolean {
  const key = apiKey.trim();
  return PUBLISHABLE_KEY_PREFIXES.some((prefix) => key.startsWith(prefix));
}

/**
 * The words before the random part: the key split at `_` and `-`, up to
 * {@link PREFIX_WORDS_MAX} leading words made only of letters, lowercased.
 * `sk-kelet-9fX…` gives `["sk", "kelet"]`; `kelet_sk_live_…` gives `["kelet", "sk", "live"]`.
 */
function prefixWords(apiKey: string): string[] {
  const words: string[] = [];
  for (const word of apiKey.trim().split(/[_-]/)) {
    if (words.length === PREFIX_WORDS_MAX || !/^[a-z]+$/i.test(word)) break;
    words.push(word.toLowerCase());
  }
  return words;
}

/**
 * True when the key says it is secret: `sk-kelet-…`, `sk_…`, `SK_…`,
 * `kelet_sk_…`, `secret_…`: the word `sk` or `secret` among its prefix words.
 * A publishable key never counts as secret, whatever its random part holds.
 */
export function isSecretKey(apiKey: string): boolean {
  if (isPublishableKey(apiKey)) return false;
  return prefixWords(apiKey).some((word) => SECRET_WORDS.has(word));
}
