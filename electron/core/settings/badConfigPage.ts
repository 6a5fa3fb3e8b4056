import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { log } from '../log/logger';
import type { SettingProblem } from './load';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page naming each bad field and where it came from: what the browser host shows instead of the console. */
export function badConfigPage(problems: readonly SettingProblem[]): string {
  const rows = problems
    .map((p) => `<tr><td><code>${escape(p.field)}</code></td><td>${escape(p.message)}</td><td>${p.file ? `<code>${escape(p.file)}</code>` : escape(p.source ?? '')}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Phuket Command Console: the configuration is wrong</title>
<style>body{font:16px system-ui,sans-serif;margin:2rem;max-width:60rem;color:#111}td,th{border:1px solid #999;padding:.4rem .6rem;text-align:left}table{border-collapse:collapse}code{font-size:.95em}</style></head>
<body><h1>The console cannot start: its configuration is wrong</h1>
<p>Fix these settings, then start the console again. <code>npm run config:check FILE</code> checks a file on its own.</p>
<table><thead><tr><th>setting</th><th>problem</th><th>from</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>
`;
}

export interface BadConfigServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the page on 127.0.0.1 (any path), so the window the operator expected opens on the reason instead. */
export async function serveBadConfigPage(problems: readonly SettingProblem[], port = 0): Promise<BadConfigServer> {
  const page = badConfigPage(problems);
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
    res.end(page);
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  server.on('error', (error) => log().error('bad-config page server error', { error: error.message }));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('bad-config page: no TCP address after listen');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
