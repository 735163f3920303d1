/**
 * What a key says about itself. Kelet issues publishable keys as
 * `pk-kelet-…` (older docs: `pk_…`) and secret keys as `sk-kelet-…`
 * (older: `sk_…`). Only the prefix is read: the random part of a key may hold
 * any letters, "sk" among them.
 */

/** True for `pk-kelet-…` and `pk_…` keys (surrounding spaces ignored): the only keys meant for a browser. */
export const isPublishableKey = (apiKey: string): boolean => /^(pk-kelet-|pk_)/.test(apiKey.trim());

/**
 * True when the key says it is secret: `sk-kelet-…`, `sk_…`, `SK_…`,
 * `kelet_sk_…`, `secret_…`: the word `sk` or `secret` (any case) among its
 * first three words split at `_`/`-`, where each word before it is letters only
 * (`sk-kelet-9fX…` is secret; `a_b_c_sk` and `x1_sk` are not).
 * A publishable key never counts as secret, whatever its random part holds.
 */
export const isSecretKey = (apiKey: string): boolean =>
  !isPublishableKey(apiKey) && /^([a-z]+[_-]){0,2}(sk|secret)([_-]|$)/i.test(apiKey.trim());
