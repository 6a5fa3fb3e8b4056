/**
 * deck.gl loads an icon atlas given as a URL through fetch(), and the console's CSP (rightly) lets the
 * page fetch only its own origin. Our atlases are drawn in the page as data: URLs, so they are decoded
 * here instead of being fetched: the CSP stays strict and nothing leaves the page.
 */
export async function fetchDataUrl(url: string | URL | Request): Promise<Response> {
  const text = typeof url === 'string' ? url : url instanceof URL ? url.href : url.url;
  const match = /^data:([\w/+.-]+);base64,(.*)$/s.exec(text);
  if (!match) throw new Error('only data: URLs are loaded in-page');
  const bytes = Uint8Array.from(atob(match[2] ?? ''), (c) => c.charCodeAt(0));
  return new Response(bytes, { headers: { 'Content-Type': match[1] ?? 'application/octet-stream' } });
}

export const LOCAL_LOAD_OPTIONS = { fetch: fetchDataUrl };
