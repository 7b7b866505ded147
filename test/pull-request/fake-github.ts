// A fake of api.github.com's issue comments for the repository acme/app and its pull request 7: the paged list
// with a Link header, create and update, and 403 on writes for a read-only token, as GitHub answers them.
import { createServer, type IncomingMessage, type Server } from 'node:http';

/** A stored comment, as the API returns it. */
export interface Stored { id: number; body: string; user: { login: string; type: string }; html_url: string }

/** A fake of api.github.com's issue comments for one repository; `readOnly` tokens get 403 on writes. */
export function fakeGitHub(opts: { readOnlyToken?: string } = {}) {
  const comments: Stored[] = [];
  const requests: string[] = [];
  let nextId = 1000;
  const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => resolve(text));
  });
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(value));
    };
    const list = /^\/repos\/acme\/app\/issues\/7\/comments$/.exec(url.pathname);
    const edit = /^\/repos\/acme\/app\/issues\/comments\/(\d+)$/.exec(url.pathname);
    if (list && req.method === 'GET') {
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const slice = comments.slice((page - 1) * perPage, page * perPage);
      const more = page * perPage < comments.length;
      const port = (server.address() as { port: number }).port;
      return send(200, slice, more ? { link: `<http://127.0.0.1:${port}${url.pathname}?per_page=${perPage}&page=${page + 1}>; rel="next", <http://127.0.0.1:${port}${url.pathname}?page=9>; rel="last"` } : {});
    }
    if (token === opts.readOnlyToken) return send(403, { message: 'Resource not accessible by integration' });
    if (list && req.method === 'POST') {
      const c: Stored = { id: nextId++, body: (JSON.parse(await read(req)) as { body: string }).body, user: { login: 'github-actions[bot]', type: 'Bot' }, html_url: '' };
      c.html_url = `https://github.com/acme/app/pull/7#issuecomment-${c.id}`;
      comments.push(c);
      return send(201, c);
    }
    const found = edit && comments.find((c) => c.id === Number(edit[1]));
    if (found && req.method === 'PATCH') {
      found.body = (JSON.parse(await read(req)) as { body: string }).body;
      return send(200, found);
    }
    return send(404, { message: 'Not Found' });
  });
  return { server, comments, requests };
}

/** Starts `fake` on a free loopback port; resolves to its base URL (the API URL to pass). */
export async function listen(fake: { server: Server }): Promise<string> {
  await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(fake.server.address() as { port: number }).port}`;
}
