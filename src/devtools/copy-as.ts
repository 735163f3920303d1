import { signalEndpoint } from "../core/endpoint";
import type { LoggedSignal } from "./signal-log";

/** The signal and its timeline, as pretty JSON. */
export const asJson = (row: LoggedSignal): string => JSON.stringify({ id: row.id, project: row.project, baseUrl: row.baseUrl, status: row.status, signal: row.signal, events: row.events.map(({ signal: _signal, ...event }) => event) }, null, 2);

/** A `curl` command that sends the same body again; the key is left to the shell (`$KELET_API_KEY`). */
export function asCurl(row: LoggedSignal): string {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  return [
    `curl -X POST ${quote(signalEndpoint(row.baseUrl, row.project))}`,
    `  -H 'Content-Type: application/json'`,
    `  -H "Authorization: Bearer $KELET_API_KEY"`,
    `  --data-raw ${quote(JSON.stringify(row.signal))}`,
  ].join(" \\\n");
}
