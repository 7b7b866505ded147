// How a Python app serves, from what its code does (python-syntax.ts): the port its server call listens on (a
// number, a `--port` flag it parses, a PORT variable it reads, or the server's own default), and the ready URL
// from its own routes (/health, then /status, then /). A Streamlit app is launched with Streamlit's flags.
import type { Guess } from './inspect-python.ts';
import type { PortSource, PyFacts, ServerCall } from './python-syntax.ts';

const WEB = new Set(['uvicorn', 'fasthtml', 'fastapi', 'flask', 'starlette', 'aiohttp', 'django', 'sanic', 'litestar', 'bottle', 'quart', 'waitress', 'hypercorn', 'tornado', 'streamlit']);
/** The routes a ready check prefers, in order. */
const READY_ROUTES = ['/health', '/healthz', '/status', '/'];

export interface Serving {
  web: boolean;
  serveArgs: Guess;
  ready: Guess;
  env?: Record<string, string>;
  /** The URL the app answers when started with nothing passed (the default of its --port flag or PORT variable): how a Tauri app that spawns it sees it. */
  ownReady?: Guess;
}

/** How the app whose entry has `entry`'s facts serves (`all`: every source file's facts); `script` names the entry for the comments. */
export function servingOf(opts: { entry?: PyFacts; all: PyFacts[]; script?: string }): Serving {
  const { entry, all } = opts;
  const imports = new Set([...(entry?.imports ?? []), ...all.flatMap((f) => f.imports)]);
  const streamlit = entry?.servers.find((x) => x.defaultPort === 8501);
  if (streamlit) {
    const port = streamlit.port?.value ?? 8501;
    return {
      web: true,
      serveArgs: { value: '', why: `a wrapper that starts Streamlit itself (${streamlit.call}() on line ${streamlit.line})` },
      ready: { value: `http://127.0.0.1:${port}/_stcore/health`, why: `Streamlit's own health endpoint on ${streamlit.port ? `the port the wrapper sets, ${port}` : "Streamlit's default port 8501"}` },
    };
  }
  if ((entry ?? all[0])?.imports.includes('streamlit') || (imports.has('streamlit') && !all.some((f) => f.servers.length > 0))) {
    return {
      web: true,
      serveArgs: { value: '--server.port {port} --server.headless true', why: 'a Streamlit app: `streamlit run`\'s own flags (the frozen entry must pass them on to streamlit)' },
      ready: { value: 'http://127.0.0.1:{port}/_stcore/health', why: "Streamlit's own health endpoint" },
    };
  }
  const server = serverOf({ entry, all });
  const web = !!server || [...imports].some((m) => WEB.has(m));
  if (!web) {
    return {
      web,
      serveArgs: { value: '--help', why: 'no web framework imported and no server started: a launch that prints help and exits times start-up' },
      ready: { value: '', why: 'ready when the launch exits 0' },
    };
  }
  const flag = server?.port?.flag ?? entry?.argparse.find((a) => /^--(port|listen-port|http-port)$/.test(a.flag ?? ''))?.flag;
  const port: PortSource | undefined = server?.port ?? (flag ? { flag } : undefined);
  const where = server ? `${server.call}() on line ${server.line}${opts.script && entry?.servers.includes(server) ? ` of ${opts.script}` : ` of ${fileOf(all, server)}`}` : 'no server call found';
  const route = routeOf(all);
  const portText = port?.flag || port?.env ? '{port}' : String(port?.value ?? server?.defaultPort ?? 8000);
  const portWhy = port?.flag
    ? `the app parses ${port.flag} (${where})`
    : port?.env
      ? `the app reads ${port.env} from the environment (${where}; set below)`
      : port?.value !== undefined
        ? `its fixed port ${port.value} (${where})`
        : server?.defaultPort !== undefined
          ? `${server.call}()'s default port, none given (${where})`
          : `port 8000 guessed (${where}): --ready answers`;
  return {
    web,
    serveArgs: { value: port?.flag ? `${port.flag} {port}` : '', why: port?.flag ? portWhy : port?.env ? 'the port goes in through the environment' : 'no port option: the app listens where `ready` looks' },
    ready: { value: `http://127.0.0.1:${portText}${route.value}`, why: `${route.why}; ${portWhy}` },
    ...(port?.env && !port.flag ? { env: { [port.env]: '{port}' } } : {}),
    ...((port?.flag || port?.env) && port.value !== undefined
      ? { ownReady: { value: `http://127.0.0.1:${port.value}${route.value}`, why: `${route.why}; started with nothing passed, it listens on ${port.value}, the default of ${port.flag ?? port.env} (${where})` } }
      : {}),
  };
}

/** The server the entry starts (its own call, else one in any file, the shallowest file first). */
function serverOf(opts: { entry?: PyFacts; all: PyFacts[] }): ServerCall | undefined {
  const own = opts.entry?.servers ?? [];
  const rank = (s: ServerCall) => (s.where === 'main' || s.where === 'module' ? 0 : 1);
  if (own.length > 0) return [...own].sort((a, b) => rank(a) - rank(b))[0];
  const byDepth = [...opts.all].sort((a, b) => a.file.split('/').length - b.file.split('/').length);
  return byDepth.flatMap((f) => f.servers).find((s) => s.where !== 'module');
}

const fileOf = (all: PyFacts[], server: ServerCall) => all.find((f) => f.servers.includes(server))?.file ?? '?';

function routeOf(all: PyFacts[]): Guess {
  const routes = all.flatMap((f) => f.routes.map((r) => ({ ...r, file: f.file })));
  for (const path of READY_ROUTES) {
    const r = routes.find((x) => x.path === path);
    if (r) return { value: path, why: `the app serves ${path} (${r.file}:${r.line})` };
  }
  return { value: '/', why: routes.length > 0 ? `no /health, /status or / route (it has ${routes.slice(0, 3).map((r) => r.path).join(', ')}): the root page; --ready answers` : 'no route found: the root page; --ready answers' };
}
