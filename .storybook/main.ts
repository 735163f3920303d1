import { fileURLToPath } from "node:url";
import type { StorybookConfig } from "@storybook/react-vite";

// Stories import the package by its published name, as an app would; it resolves to the source, so no build is needed.
const librarySource = fileURLToPath(new URL("../src/index.ts", import.meta.url));

const config: StorybookConfig = {
  framework: { name: "@storybook/react-vite", options: {} },
  stories: ["../stories/**/*.mdx", "../stories/**/*.stories.tsx"],
  addons: ["@storybook/addon-docs", "@storybook/addon-a11y", "@storybook/addon-vitest"],
  core: { disableTelemetry: true },
  // Props tables come from the TypeScript types and their JSDoc.
  typescript: {
    reactDocgen: "react-docgen-typescript",
    reactDocgenTypescriptOptions: {
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // Document our props, not every attribute a <button> inherits from React's DOM types.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  viteFinal: async (viteConfig) => ({
    ...viteConfig,
    resolve: {
      ...viteConfig.resolve,
      alias: [
        { find: /^@kelet-ai\/feedback-ui$/, replacement: librarySource },
        { find: /^@kelet-ai\/feedback-ui\/assistant-ui$/, replacement: fileURLToPath(new URL("../src/integrations/assistant-ui/index.ts", import.meta.url)) },
        ...(Array.isArray(viteConfig.resolve?.alias) ? viteConfig.resolve.alias : Object.entries(viteConfig.resolve?.alias ?? {}).map(([find, replacement]) => ({ find, replacement }))),
      ],
    },
  }),
};

export default config;
