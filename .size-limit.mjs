// Size budgets, checked by `npm run size` (size-limit, esbuild, min+gzip).
// PERFORMANCE.md's targets: 12 KiB (provider + useFeedbackState), 18 KiB (every export, own code), 36 KiB
// (provider + VoteFeedback with Radix), /core no bigger than the hooks-only app, <KeletDevtools /> at most 200 B
// in production. The first three are NOT met since issue 18's delivery rules 10-16 (UTF-8 caps, per-record reads,
// expiry in storage, lease and eviction order, page-hide order and Retry-After, configuration errors, queue order in
// storage and monotonic waits: ~1.45 kB after a size pass) and issue 20's signal stream (~0.3 kB). Until they are, these limits are guards just above
// what ships, so any growth fails CI instead of passing unnoticed; each line names its target.
// Each JS check is bundled as an app's production build would be: NODE_ENV is "production",
// so development-only messages are dropped, and the listed packages stay external.
const production = (config) => ({ ...config, logLevel: "error", define: { ...config.define, "process.env.NODE_ENV": '"production"' } });

export default [
  {
    name: "an app importing only KeletProvider + useFeedbackState (react external)",
    path: "dist/index.js",
    import: "{ KeletProvider, useFeedbackState }",
    ignore: ["react", "react-dom"],
    modifyEsbuildConfig: production,
    gzip: true,
    limit: "13.7 kB", // target: 12 KiB (12,288 B): not met, 13.66 kB ships
  },
  {
    name: "every export, own code only (react and Radix external)",
    path: "dist/index.js",
    import: "*",
    ignore: ["react", "react-dom", "@radix-ui/*"],
    modifyEsbuildConfig: production,
    gzip: true,
    limit: "19.9 kB", // target: 18 KiB (18,432 B): not met, 19.85 kB ships
  },
  {
    name: "an app without React importing createKeletClient from /core",
    path: "dist/core/index.js",
    import: "{ createKeletClient }",
    modifyEsbuildConfig: production,
    gzip: true,
    limit: "9.62 kB", // target: no bigger than the hooks-only app (met); the delivery service is most of it
  },
  {
    name: "an app importing KeletProvider + VoteFeedback, Radix included (react external)",
    path: "dist/index.js",
    import: "{ KeletProvider, VoteFeedback }",
    ignore: ["react", "react-dom"],
    modifyEsbuildConfig: production,
    gzip: true,
    limit: "37.9 kB", // target: 36 KiB (36,864 B): not met, 37.83 kB ships (Radix Popover alone is ~25 KiB)
  },
  {
    name: "an app importing only useKeletFeedbackAdapter (@kelet-ai/feedback-ui/assistant-ui; react and Radix external)",
    path: "dist/integrations/assistant-ui/index.js",
    import: "{ useKeletFeedbackAdapter }",
    ignore: ["react", "react-dom", "@radix-ui/*"],
    modifyEsbuildConfig: production,
    gzip: true,
    limit: "700 B", // the adapter and the provider hook it takes from the root
  },
  {
    name: "an app importing only useKeletChat (@kelet-ai/feedback-ui/ai-sdk; react and Radix external)",
    path: "dist/integrations/ai-sdk/index.js",
    import: "{ useKeletChat }",
    ignore: ["react", "react-dom", "@radix-ui/*"],
    modifyEsbuildConfig: production,
    gzip: true,
    limit: "1.4 kB", // reported; its own copy of the page-hide listener for user-abandon (issue 21)
  },
  {
    name: "an app importing only useAnswerSignals (react external)",
    path: "dist/index.js",
    import: "{ useAnswerSignals }",
    ignore: ["react", "react-dom"],
    modifyEsbuildConfig: production,
    gzip: true,
    limit: "2.1 kB", // the provider hook and the answer watch (1.98 kB); the delivery service comes with the KeletProvider an app renders
  },
  {
    // Compare with the hooks-only app above: PERFORMANCE.md allows <KeletDevtools /> 200 B in a production build.
    name: "the hooks-only app above plus <KeletDevtools /> (@kelet-ai/feedback-ui/devtools), production build",
    path: ["dist/index.js", "dist/devtools/index.js"],
    import: { "dist/index.js": "{ KeletProvider, useFeedbackState }", "dist/devtools/index.js": "{ KeletDevtools }" },
    ignore: ["react", "react-dom"],
    modifyEsbuildConfig: production,
    gzip: true,
    limit: "13.87 kB", // the hooks-only app's guard + 200 B (test/package checks the difference itself)
  },
  {
    name: "the default theme, dist/styles.css",
    path: "dist/styles.css",
    disablePlugins: ["@size-limit/esbuild"],
    gzip: true,
    limit: "2 KiB",
  },
];
