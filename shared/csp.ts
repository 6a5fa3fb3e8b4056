/**
 * The console's Content-Security-Policy, sent by both hosts with every page.
 * Scripts come only from the console's own origin; maplibre's worker is a same-origin file;
 * the only network the page may reach is its own origin (HTTP and the contract WebSocket).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
