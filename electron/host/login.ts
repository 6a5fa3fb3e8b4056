import type { IncomingMessage, ServerResponse } from 'node:http';
import { sessionCookie } from './cookies';
import { secretMatches } from './secret';
import type { Tickets } from './tickets';

export const TICKET_PATH = '/ticket';

export interface LoginContext {
  readonly tickets: Tickets;
  readonly secret: string;
  readonly cookieName: string;
  readonly origin: string;
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers }).end(text);
}

const bearer = (req: IncomingMessage): string | null => /^Bearer ([\w-]{1,128})$/.exec(req.headers.authorization ?? '')?.[1] ?? null;

/**
 * The ticket routes; true when the request was one of them and has been answered.
 * `GET /?ticket=T` (or `/login?ticket=T`) spends a ticket for the session cookie and sends the window on to `/`;
 * `POST /ticket` with the launch secret as a Bearer token mints one (for a second window, or a test).
 */
export function handleLogin(ctx: LoginContext, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (url.pathname === TICKET_PATH) {
    if (req.method !== 'POST') plain(res, 405, 'Method not allowed', { Allow: 'POST' });
    else if (!secretMatches(ctx.secret, bearer(req))) plain(res, 401, 'Unauthorized');
    else {
      const ticket = ctx.tickets.mint();
      res.writeHead(201, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ ticket, url: ticketUrl(ctx.origin, ticket) }));
    }
    return true;
  }
  if ((url.pathname !== '/' && url.pathname !== '/login') || !url.searchParams.has('ticket')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return true;
  }
  const session = ctx.tickets.redeem(url.searchParams.get('ticket'));
  if (session === null) {
    plain(res, 401, 'This console link has been used already or has expired. Start the console again, or open the URL it printed.');
    return true;
  }
  res.writeHead(303, { Location: '/', 'Set-Cookie': sessionCookie(ctx.cookieName, session), 'Cache-Control': 'no-store' }).end();
  return true;
}

export function ticketUrl(origin: string, ticket: string): string {
  return `${origin}/?ticket=${ticket}`;
}
