// The Python program `init` runs on the machine's python3 to read a project's sources as Python reads them
// (the `ast` module), not as text: comments, strings and dead code (`if False:`, lines after a `return`) never
// count. It reads a JSON list of file paths on stdin and prints one JSON object per file (see PyFacts in
// python-syntax.ts for the shape). Kept as a string so it ships inside the bundle with no resource to find.
import { PY_DOTTED } from './python-ast-helpers.ts';

export const PYTHON_SYNTAX_SCRIPT = String.raw`
import ast, json, sys

SERVER_CALLS = {"uvicorn.run": 8000, "run_app": 8080, "web.run_app": 8080, "serve": None, "waitress.serve": 8080,
                "hypercorn.run": None, "streamlit.run": 8501}
GET_DECORATORS = {"get", "route", "rt", "api_route", "head"}

${PY_DOTTED}

def const(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, (int, str)) and not isinstance(node.value, bool) else None

def is_false(test):
    v = test.value if isinstance(test, ast.Constant) else None
    return isinstance(test, ast.Constant) and not v

def is_main_test(test):
    if not isinstance(test, ast.Compare) or len(test.comparators) != 1: return False
    sides = [test.left, test.comparators[0]]
    return any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides) and any(const(s) == "__main__" for s in sides)

def live(body):
    """Statements that can run: none after a return/raise/continue/break, none under if False."""
    for stmt in body:
        if isinstance(stmt, ast.If) and is_false(stmt.test):
            yield from live(stmt.orelse); continue
        yield stmt
        if isinstance(stmt, (ast.Return, ast.Raise, ast.Continue, ast.Break)): return

def walk_live(nodes, into_defs=True):
    for stmt in nodes:
        yield stmt
        if not into_defs and isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)): continue
        for field in ("body", "orelse", "finalbody", "handlers"):
            child = getattr(stmt, field, None)
            if isinstance(child, list) and child and isinstance(child[0], (ast.stmt, ast.excepthandler)):
                yield from walk_live(list(live(child)), into_defs)
        if isinstance(stmt, ast.Match):
            for case in stmt.cases: yield from walk_live(list(live(case.body)), into_defs)

def calls_in(stmt):
    """The calls in a statement's own expressions, not in the statements nested in it (walk_live visits those)."""
    for field, value in ast.iter_fields(stmt):
        if field in ("body", "orelse", "finalbody", "handlers", "cases", "decorator_list"): continue
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, (ast.expr, ast.withitem, ast.keyword, ast.arguments)):
                for node in ast.walk(v):
                    if isinstance(node, ast.Call): yield node

class Facts:
    def __init__(self, tree):
        self.constants = {}
        self.env = {}
        self.functions = {}
        self.imports = set()
        self.argparse = {}
        self.routes = []
        self.servers = []
        self.main_calls = []
        self.main_block = False
        self.main_sole = None
        self.read(tree)

    def port_of(self, node):
        if node is None: return None
        c = const(node)
        if isinstance(c, int): return {"value": c}
        if isinstance(c, str) and c.isdigit(): return {"value": int(c)}
        if isinstance(node, ast.Name):
            if node.id in self.constants: return {"value": self.constants[node.id]}
            if node.id in self.env: return self.env[node.id]
        if isinstance(node, ast.Call):
            env = self.env_read(node)
            if env: return env
            if dotted(node.func) in ("int", "str") and node.args: return self.port_of(node.args[0])
        if isinstance(node, ast.Attribute) and node.attr in self.argparse:
            return self.argparse[node.attr]
        return None

    def env_read(self, call):
        name = dotted(call.func) or ""
        if name in ("int", "str") and call.args and isinstance(call.args[0], ast.Call): return self.env_read(call.args[0])
        if name.endswith(("environ.get", "getenv")) and call.args and isinstance(const(call.args[0]), str):
            default = const(call.args[1]) if len(call.args) > 1 else None
            return {"env": const(call.args[0]), **({"value": int(default)} if default is not None and str(default).isdigit() else {})}
        return None

    def read(self, tree):
        self.streamlit_port = streamlit_port(tree)
        body = list(live(tree.body))
        for stmt in walk_live(body):
            if isinstance(stmt, ast.Import): self.imports.update(a.name.split(".")[0] for a in stmt.names)
            if isinstance(stmt, ast.ImportFrom) and stmt.module and not stmt.level: self.imports.add(stmt.module.split(".")[0])
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.functions.setdefault(stmt.name, stmt)
                self.decorators(stmt)
            if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
                c = const(stmt.value)
                if isinstance(c, int) or (isinstance(c, str) and c.isdigit()): self.constants[stmt.targets[0].id] = int(c)
                elif isinstance(stmt.value, ast.Call):
                    env = self.env_read(stmt.value)
                    if env: self.env[stmt.targets[0].id] = env
            for call in calls_in(stmt):
                self.add_argument(call)
                self.route_call(call)
        for stmt in body:
            if isinstance(stmt, ast.If) and is_main_test(stmt.test):
                self.main_block = True
                sole = list(live(stmt.body))
                # A block that is one call (app(), sys.exit(main()), raise SystemExit(main())): the program's entry.
                if len(sole) == 1:
                    self.main_sole = next((c.func.id for c in calls_in(sole[0]) if isinstance(c.func, ast.Name) and c.func.id not in ("SystemExit", "exit", "quit")), None)
                for s in walk_live(list(live(stmt.body)), into_defs=False):
                    for call in calls_in(s):
                        self.server(call, "main")
                        if isinstance(call.func, ast.Name): self.main_calls.append(call.func.id)
            elif not isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                for s in walk_live([stmt], into_defs=False):
                    for call in calls_in(s): self.server(call, "module")
        for name, fn in self.functions.items():
            for s in walk_live(list(live(fn.body)), into_defs=False):
                for call in calls_in(s): self.server(call, "function:" + name)

    def add_argument(self, call):
        if dotted(call.func) is None or not dotted(call.func).endswith("add_argument"): return
        flags = [const(a) for a in call.args if isinstance(const(a), str)]
        long = [f for f in flags if f.startswith("--")]
        if not long: return
        dest = next((const(k.value) for k in call.keywords if k.arg == "dest"), None) or long[0][2:].replace("-", "_")
        default = next((k.value for k in call.keywords if k.arg == "default"), None)
        port = self.port_of(default) or {}
        self.argparse[dest] = {"flag": long[0], **port}

    def decorators(self, fn):
        for d in fn.decorator_list:
            if isinstance(d, ast.Call) and d.args and isinstance(const(d.args[0]), str):
                name = dotted(d.func) or ""
                if name.split(".")[-1] in GET_DECORATORS: self.routes.append({"path": const(d.args[0]), "line": d.lineno})

    def route_call(self, call):
        name = (dotted(call.func) or "").split(".")[-1]
        if name in ("add_api_route", "add_get", "add_url_rule", "add_route", "Route", "APIRoute") and call.args and isinstance(const(call.args[0]), str):
            self.routes.append({"path": const(call.args[0]), "line": call.lineno})

    def server(self, call, where):
        name = dotted(call.func) or ""
        key = next((k for k in SERVER_CALLS if name == k or name.endswith("." + k)), None)
        if key is None and name.endswith(".run") and any(k.arg == "port" for k in call.keywords): key = "app.run"
        if key is None and name == "app.run": key = "app.run"
        # A frozen Streamlit app is a wrapper that starts Streamlit itself (bootstrap.run, or the CLI's main).
        if key is None and "streamlit" in self.imports and (name.endswith("bootstrap.run") or name.split(".")[-1] in ("main", "_main_run_clExplicit") and any(p in name for p in ("stcli", "cli", "streamlit"))):
            key = "streamlit.run"
        if key is None: return
        kw = next((k.value for k in call.keywords if k.arg == "port"), None)
        port = self.port_of(kw) or (self.streamlit_port if key == "streamlit.run" else None)
        default = SERVER_CALLS.get(key, 5000 if key == "app.run" else None)
        self.servers.append({"call": name, "line": call.lineno, "where": where, **({"port": port} if port else {}), **({"defaultPort": default} if default else {})})

def streamlit_port(tree):
    """The port a Streamlit wrapper sets: {"server.port": N}, ["--server.port", "N"] or "--server.port=N"."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            for k, v in zip(node.keys, node.values):
                if k is not None and const(k) == "server.port" and str(const(v)).isdigit(): return {"value": int(const(v))}
        if isinstance(node, (ast.List, ast.Tuple)):
            items = [const(e) for e in node.elts]
            for a, b in zip(items, items[1:]):
                if a == "--server.port" and str(b).isdigit(): return {"value": int(b)}
        c = const(node)
        if isinstance(c, str) and c.startswith("--server.port=") and c[14:].isdigit(): return {"value": int(c[14:])}
    return None

def spec_path(node, names):
    """A path a spec computes from SPECPATH (its own folder, "."): "x", root / "x", os.path.join(a, b), str(p), p.parent."""
    if isinstance(const(node), str): return const(node)
    if isinstance(node, ast.Name):
        return "." if node.id == "SPECPATH" else names.get(node.id)
    if isinstance(node, ast.Call):
        fn = dotted(node.func) or ""
        if fn in ("str", "Path", "pathlib.Path", "os.path.abspath", "os.path.normpath") and len(node.args) == 1: return spec_path(node.args[0], names)
        if fn == "os.path.join" and node.args:
            parts = [spec_path(a, names) for a in node.args]
            return "/".join(parts) if all(p is not None for p in parts) else None
        if fn == "os.path.dirname" and len(node.args) == 1:
            inner = spec_path(node.args[0], names)
            return inner + "/.." if inner is not None else None
    if isinstance(node, ast.Attribute) and node.attr == "parent":
        inner = spec_path(node.value, names)
        return inner + "/.." if inner is not None else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        left, right = spec_path(node.left, names), spec_path(node.right, names)
        return left + "/" + right if left is not None and right is not None else None
    return None

def spec_name(node, names):
    """EXE's name: a string, or an f-string whose computed parts are written {NAME}."""
    if isinstance(const(node), str): return const(node)
    if isinstance(node, ast.Name) and isinstance(names.get(node.id), str): return names[node.id]
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{" + (dotted(v.value) or "?") + "}" for v in node.values)
    return None

def spec_facts(tree):
    """A PyInstaller .spec: the scripts Analysis reads, EXE's name, whether COLLECT makes a folder, the excludes."""
    out = {"scripts": [], "collect": False, "excludes": []}
    names = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            value = spec_path(stmt.value, names)
            if value is not None: names[stmt.targets[0].id] = value
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call): continue
        name = (dotted(node.func) or "").split(".")[-1]
        kw = {k.arg: k.value for k in node.keywords if k.arg}
        if name == "Analysis" and node.args and isinstance(node.args[0], ast.List):
            out["scripts"] = [p for p in (spec_path(e, names) for e in node.args[0].elts) if p]
            if isinstance(kw.get("excludes"), ast.List): out["excludes"] = [const(e) for e in kw["excludes"].elts if isinstance(const(e), str)]
        if name == "EXE" and "name" in kw:
            out["name"] = spec_name(kw["name"], names)
        if name == "COLLECT": out["collect"] = True
    return out

def top_names(tree):
    """Names bound at the module's top level (defs, classes, imports, assignments): what module:name can reach."""
    out = set()
    for stmt in tree.body:
        if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)): out.add(stmt.name)
        if isinstance(stmt, (ast.Import, ast.ImportFrom)): out.update((a.asname or a.name).split(".")[0] for a in stmt.names)
        if isinstance(stmt, ast.Assign): out.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
    return sorted(out)

EMPTY = {"imports": [], "topNames": [], "functions": [], "mainBlock": False, "mainCalls": [], "servers": [], "routes": [], "argparse": []}

def facts(path):
    try:
        with open(path, "rb") as f: tree = ast.parse(f.read(), filename=path)
    except (SyntaxError, ValueError, OSError) as e:
        return {"file": path, **EMPTY, "error": type(e).__name__ + ": " + str(e).splitlines()[0] if str(e) else type(e).__name__}
    if path.endswith(".spec"): return {"file": path, **EMPTY, "spec": spec_facts(tree)}
    x = Facts(tree)
    return {"file": path, "imports": sorted(x.imports), "functions": sorted(x.functions), "topNames": top_names(tree), "mainBlock": x.main_block, **({"mainSole": x.main_sole} if x.main_sole else {}),
            "mainCalls": x.main_calls, "servers": x.servers, "routes": x.routes,
            "argparse": list(x.argparse.values())}

print(json.dumps([facts(p) for p in json.load(sys.stdin)]))
`;
