/**
 * True in a production build. Read at call time, so the app's bundler
 * (which replaces `process.env.NODE_ENV`) decides, and tests can switch it.
 * Without a bundler in a browser `process` is missing: that is development.
 */
export function isProduction(): boolean {
  try {
    return process.env.NODE_ENV === "production";
  } catch {
    return false;
  }
}
