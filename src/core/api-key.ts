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

/** A character as a developer can find it in their source: `U+200B`. */
const codePoint = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * Why `fetch` would refuse this key in the `Authorization` header, naming the offending character and where it is
 * (a pasted zero-width space, a non-Latin-1 letter, a line break inside); `undefined` when it can be sent.
 */
export function keyHeaderProblem(apiKey: string): string | undefined {
  // fetch strips surrounding blanks and line breaks; inside, a header value takes bytes 0x00-0xFF but NUL, CR, LF.
  const value = apiKey.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
  const at = value.search(/[^\x01-\x09\x0b\x0c\x0e-\xff]/);
  if (at < 0) return undefined;
  return `apiKey holds ${codePoint(value.slice(at))} at position ${at + 1}, which cannot be sent in an HTTP header (an invisible character pasted with the key?)`;
}
