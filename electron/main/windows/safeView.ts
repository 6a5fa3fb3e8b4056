import type { WindowRole } from '../../../shared/domain/profile';
import { consoleUrl } from '../window';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The minimal safe view a window shows when its page keeps crashing: no script, no map, no data; a sentence and a
 * link back to the console (an app:// link, which the navigation guard allows). The other windows keep working.
 */
export function safeViewUrl(role: WindowRole, reason: string): string {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>Phuket Command Console: safe view</title>
<style>body{background:#0b1118;color:#dfe7ef;font:16px system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0}main{max-width:36rem}a{color:#8cc4ff}</style></head>
<body><main role="alert"><h1>This window stopped itself</h1><p>The ${escape(role)} window restarted more than three times in a minute (${escape(reason)}), so it is paused here. The other windows of the console are not affected.</p>
<p><a href="${escape(consoleUrl(role))}">Try the ${escape(role)} window again</a></p></main></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}
