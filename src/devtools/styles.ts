/** The panel's CSS, inside its shadow root: nothing leaks in or out. Light by default, dark with the system. */
export const PANEL_CSS = `
:host { all: initial !important; display: block !important; }
* { box-sizing: border-box; }
.kd { --bg: #ffffff; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --accent: #4338ca; --sel: #eef2ff; --ok: #116329; --bad: #b42318; --warn: #8a4b00;
  font: 12px/1.4 ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); }
@media (prefers-color-scheme: dark) {
  .kd { --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --line: #30363d; --accent: #a5b4fc; --sel: #1e2440; --ok: #56d364; --bad: #ff7b72; --warn: #e3b341; }
}
.toggle { position: fixed; z-index: 2147483646; padding: 6px 10px; border-radius: 999px; border: 1px solid var(--line); background: var(--bg); color: var(--fg); font: inherit; font-weight: 600; cursor: pointer; box-shadow: 0 2px 8px rgb(0 0 0 / 0.2); }
.panel { position: fixed; z-index: 2147483647; left: 8px; right: 8px; max-height: min(70vh, 560px); display: flex; flex-direction: column; background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px; box-shadow: 0 8px 28px rgb(0 0 0 / 0.28); overflow: hidden; }
.bottom-right, .bottom-left { bottom: 12px; } .top-right, .top-left { top: 12px; }
.toggle.bottom-right, .toggle.top-right { right: 12px; } .toggle.bottom-left, .toggle.top-left { left: 12px; }
header { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 8px; border-bottom: 1px solid var(--line); }
h2 { font-size: 13px; margin: 0 8px 0 0; }
label { display: inline-flex; gap: 4px; align-items: center; color: var(--muted); }
input, select, button { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 6px; padding: 3px 6px; }
button { cursor: pointer; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.spacer { flex: 1; }
.body { display: flex; flex-wrap: wrap; min-height: 0; flex: 1; overflow: auto; }
.list { flex: 3 1 360px; overflow: auto; min-height: 120px; }
.detail { flex: 2 1 260px; overflow: auto; border-left: 1px solid var(--line); padding: 8px; min-width: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--line); white-space: nowrap; max-width: 220px; overflow: hidden; text-overflow: ellipsis; }
th { position: sticky; top: 0; background: var(--bg); color: var(--muted); font-weight: 600; }
tr[aria-selected="true"] td { background: var(--sel); }
td button { border: 0; padding: 0; background: none; text-decoration: underline; color: var(--accent); }
.status { font-weight: 600; }
.delivered { color: var(--ok); } .rejected { color: var(--bad); } .retrying, .saved, .handed-over { color: var(--warn); }
.empty { padding: 16px; color: var(--muted); }
h3 { font-size: 12px; margin: 10px 0 4px; }
pre { margin: 0; padding: 6px; background: var(--sel); border-radius: 6px; white-space: pre-wrap; word-break: break-word; font: 11px/1.4 ui-monospace, SFMono-Regular, Menlo, monospace; }
ol { margin: 0; padding-left: 18px; }
.hint { margin: 6px 0; padding: 6px 8px; border-left: 3px solid var(--bad); background: var(--sel); }
.actions { display: flex; gap: 6px; margin-top: 8px; }
`;
