import { describe, expect, it } from 'vitest';
import { cookieValue, sessionCookie } from './cookies';
import { hostAllowed, originAllowed, parseTarget } from './requestTarget';
import { createTickets } from './tickets';

describe('one-time tickets', () => {
  it('are spent by their first use and give a session credential', () => {
    const tickets = createTickets();
    const ticket = tickets.mint();
    const session = tickets.redeem(ticket);
    expect(session).toMatch(/^[\w-]{43}$/);
    expect(tickets.sessionValid(session)).toBe(true);
    expect(tickets.redeem(ticket)).toBeNull();
    expect(tickets.redeem(null)).toBeNull();
    expect(tickets.sessionValid('A'.repeat(43))).toBe(false);
    expect(tickets.sessionValid(null)).toBe(false);
  });

  it('expire', () => {
    let now = 1_000;
    const tickets = createTickets(() => now, 60_000);
    const ticket = tickets.mint();
    now += 60_000;
    expect(tickets.redeem(ticket)).toBeNull();
  });

  it('are bounded: minting many forgets the oldest', () => {
    const tickets = createTickets();
    const first = tickets.mint();
    for (let i = 0; i < 100; i++) tickets.mint();
    expect(tickets.redeem(first)).toBeNull();
    expect(tickets.redeem(tickets.mint())).not.toBeNull();
  });
});

describe('cookies', () => {
  it('finds one cookie by name and survives junk', () => {
    expect(cookieValue('a=1; phuket_console_80=abc; b=2', 'phuket_console_80')).toBe('abc');
    expect(cookieValue('phuket_console_8080=abc', 'phuket_console_80')).toBeNull();
    expect(cookieValue(';;=;==;%;', 'x')).toBeNull();
    expect(cookieValue(undefined, 'x')).toBeNull();
    expect(cookieValue(`x=${'a'.repeat(10_000)}`, 'x')).toBeNull();
    expect(sessionCookie('n', 'v')).toBe('n=v; HttpOnly; SameSite=Strict; Path=/');
  });
});

describe('request targets and Host', () => {
  const origin = 'http://127.0.0.1:8080';
  it('parses what can be parsed and gives a 4xx for the rest, never throwing', () => {
    const ok = parseTarget('/contract?secret=x', origin);
    expect(ok.ok && ok.url.pathname).toBe('/contract');
    expect(parseTarget(undefined, origin).ok).toBe(true);
    expect(parseTarget('//[', origin)).toMatchObject({ ok: false, status: 400 });
    expect(parseTarget('http://evil/', origin)).toMatchObject({ ok: false, status: 400 });
    expect(parseTarget('*', origin)).toMatchObject({ ok: false, status: 400 });
    expect(parseTarget(`/${'a'.repeat(5000)}`, origin)).toMatchObject({ ok: false, status: 414 });
  });
  it('accepts only 127.0.0.1 and localhost on the own port', () => {
    expect(hostAllowed('127.0.0.1:8080', 8080)).toBe(true);
    expect(hostAllowed('LOCALHOST:8080', 8080)).toBe(true);
    expect(hostAllowed('evil.example:8080', 8080)).toBe(false);
    expect(hostAllowed('127.0.0.1', 8080)).toBe(false);
    expect(hostAllowed('127.0.0.1:80800', 8080)).toBe(false);
    expect(hostAllowed(undefined, 8080)).toBe(false);
    expect(originAllowed('http://localhost:8080', 8080)).toBe(true);
    expect(originAllowed('http://evil.example', 8080)).toBe(false);
    expect(originAllowed(undefined, 8080)).toBe(false);
  });
});
