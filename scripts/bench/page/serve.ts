import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const HTML = `<!doctype html><html><head><meta charset="utf-8"><style>html,body,#map{margin:0;width:100%;height:100%}</style></head>
<body><div id="map"></div><script src="/page.js"></script></body></html>`;

export interface BenchPage {
  readonly url: string;
  close(): Promise<void>;
}

/** Bundles the render bench page (esbuild, in memory) and serves it on loopback; unminified for readable profiles. */
export async function serveRenderPage(options: { minify?: boolean } = {}): Promise<BenchPage> {
  const bundled = await build({
    entryPoints: [resolve(import.meta.dirname, 'renderPage.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: options.minify ?? true,
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const js = bundled.outputFiles[0]?.contents ?? new Uint8Array();
  const server: Server = createServer((request, response) => {
    const [type, body] = request.url === '/page.js' ? ['text/javascript', js] : ['text/html', HTML];
    response.writeHead(200, { 'Content-Type': type });
    response.end(body);
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((done) => server.close(() => done())) };
}
