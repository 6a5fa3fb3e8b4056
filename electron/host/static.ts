import { createReadStream, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { SECURITY_HEADERS, mimeType, resolveStaticPath } from '../core/static-files';
import { log } from '../core/log/logger';

/** Any stat failure (ENOENT, ENOTDIR below a file, ENAMETOOLONG, EACCES…) means there is nothing to serve. */
function fileStat(path: string): Stats | null {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat?.isFile() === true ? stat : null;
  } catch {
    return null;
  }
}

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** Serves the built renderer read-only: GET and HEAD, no directory listings, security headers on every answer. */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  setSecurityHeaders(res);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const path = resolveStaticPath(root, req.url ?? '/');
  const stat = path === null ? null : fileStat(path);
  if (path === null || stat === null) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': mimeType(path),
    'Content-Length': stat.size,
    'Cache-Control': 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // The file can vanish or fail between stat and read; the answer is then cut short, never an uncaught error.
  pipeline(createReadStream(path), res, (error) => {
    // A client that goes away mid-file is routine; anything else is worth a line.
    if (error && !('code' in error && error.code === 'ERR_STREAM_PREMATURE_CLOSE')) log().warn('static file read failed', { file: path, error: error.message });
  });
}
