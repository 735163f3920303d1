/**
 * Runs `run` outside production builds (and where there is no bundler, no `process`). Written so a production
 * bundle empties this function, and the minifier then drops every call to it with the closure and the texts it holds.
 */
export function inDevelopment(run: () => void): void {
  try {
    if (process.env.NODE_ENV !== "production") throw 0;
  } catch {
    run();
  }
}
