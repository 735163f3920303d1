/** What the demo server put in the page (see server.mjs `configFromEnv`). */
export interface DemoConfig {
  mode: "inbox" | "kelet";
  apiKey: string;
  baseUrl?: string;
  project: string;
  checklistProject: string;
  suggestedQuestions: string[];
}

export function readDemoConfig(): DemoConfig {
  const element = document.getElementById("demo-config");
  if (!element?.textContent) throw new Error("The page has no #demo-config: open it through the demo server (npm run demo).");
  return JSON.parse(element.textContent) as DemoConfig;
}
