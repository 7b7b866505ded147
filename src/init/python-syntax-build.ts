// The Python program `init` runs on python3 to read a team's build script as Python reads it: the PyInstaller
// calls it makes (`subprocess.run([sys.executable, "-m", "PyInstaller", …], cwd=…)`, through a helper of its own
// such as `run(cmd, cwd)`, `os.system("pyinstaller …")`, `PyInstaller.__main__.run([…])`) with their arguments
// and folder evaluated statically: constants, names bound once, f-strings, path arithmetic (`Path(__file__).parent
// / "x"`, `os.path.join`), and argparse values parsed by a real argparse.ArgumentParser rebuilt from the script's
// own literal add_argument calls with the arguments the team passes. Nothing of the team's code runs. What cannot
// be read is given back as its source text. Reads JSON jobs on stdin; prints one JSON result per job.
import { PY_DOTTED } from './python-ast-helpers.ts';

export const BUILD_SCRIPT_FACTS = String.raw`
import argparse, ast, json, os, shlex, sys

SUBPROCESS = {"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen",
              "run", "call", "check_call", "check_output", "Popen"}

class Anchored(str):
    """A path computed from __file__, an absolute path or .resolve(): fixed whatever folder later reads it."""

class Unknown(Exception): pass
class Refused(Exception): pass

class Parser(argparse.ArgumentParser):
    def error(self, message): raise Refused(message)

${PY_DOTTED}

def join(a, b):
    if b.startswith("/"): return Anchored(b)
    out = (a.rstrip("/") + "/" + b) if a not in ("", ".") else b
    return Anchored(out) if isinstance(a, Anchored) else out

def parent(p): return Anchored(join(p, "..")) if isinstance(p, Anchored) else join(p, "..")

class Script:
    def __init__(self, tree, file_rel, argv):
        self.tree, self.file_rel, self.argv = tree, file_rel, argv
        self.assigned = {}
        for n in ast.walk(tree):
            if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
                self.assigned.setdefault(n.targets[0].id, []).append(n.value)
            if isinstance(n, (ast.AugAssign, ast.AnnAssign)) and isinstance(n.target, ast.Name):
                self.assigned.setdefault(n.target.id, []).append(None)
        self.namespace, self.parse_error = self.parse_args()
        self.helpers = self.find_helpers()

    def parse_args(self):
        parser = Parser(add_help=False)
        found = False
        for n in ast.walk(self.tree):
            if not (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "add_argument"): continue
            flags = [a.value for a in n.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            kw = {}
            for k in n.keywords:
                if k.arg in ("default", "action", "required", "nargs", "choices", "dest", "const"):
                    try: kw[k.arg] = ast.literal_eval(k.value)
                    except ValueError: pass
            try:
                parser.add_argument(*flags, **kw); found = True
            except (ValueError, TypeError, argparse.ArgumentError): pass
        if not found: return None, None
        try:
            ns, _ = parser.parse_known_args(self.argv or [])
            return vars(ns), None
        except (argparse.ArgumentError, Refused) as e:
            return None, str(e)

    def find_helpers(self):
        """Functions of the script that pass a parameter on to subprocess as the command: name -> (params, cmd, cwd)."""
        out = {}
        for f in ast.walk(self.tree):
            if not isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)): continue
            params = [a.arg for a in f.args.args]
            for c in ast.walk(f):
                if isinstance(c, ast.Call) and dotted(c.func) in SUBPROCESS and c.args and isinstance(c.args[0], ast.Name) and c.args[0].id in params:
                    cwd = next((k.value for k in c.keywords if k.arg == "cwd"), None)
                    cwd_param = next((n.id for n in ast.walk(cwd) if isinstance(n, ast.Name) and n.id in params), None) if cwd is not None else None
                    out[f.name] = (params, c.args[0].id, cwd_param)
        return out

    def value(self, n):
        if isinstance(n, ast.Constant) and isinstance(n.value, (str, int)) and not isinstance(n.value, bool): return str(n.value)
        if isinstance(n, ast.JoinedStr):
            return "".join(v.value if isinstance(v, ast.Constant) else self.value(v.value) for v in n.values)
        if isinstance(n, ast.Name):
            if n.id == "__file__": return Anchored(self.file_rel)
            values = self.assigned.get(n.id, [])
            if len(values) == 1 and values[0] is not None: return self.value(values[0])
        if isinstance(n, (ast.List, ast.Tuple)):
            out = []
            for e in n.elts:
                if isinstance(e, ast.Starred): out.extend(self.value(e.value))
                else: out.append(self.value(e))
            return out
        name = dotted(n) if isinstance(n, ast.Attribute) else None
        if name == "sys.executable": return "{python}"
        if isinstance(n, ast.Attribute):
            if isinstance(n.value, ast.Name) and self.namespace is not None and n.attr in self.namespace and self.is_args(n.value.id):
                v = self.namespace[n.attr]
                if isinstance(v, (str, int)) and not isinstance(v, bool): return str(v)
            if n.attr == "parent": return parent(self.value(n.value))
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div): return join(self.value(n.left), self.value(n.right))
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add):
            l, r = self.value(n.left), self.value(n.right)
            return l + r
        if isinstance(n, ast.Call):
            f = dotted(n.func) or ""
            args = n.args
            if f in ("str", "os.fspath", "os.path.normpath") and len(args) == 1: return self.value(args[0])
            if f in ("Path", "pathlib.Path", "PurePath") and args:
                out = self.value(args[0])
                for a in args[1:]: out = join(out, self.value(a))
                return out
            if f == "os.path.join" and args:
                out = self.value(args[0])
                for a in args[1:]: out = join(out, self.value(a))
                return out
            if f in ("os.path.abspath", "os.path.realpath") and len(args) == 1: return Anchored(self.value(args[0]))
            if f == "os.path.dirname" and len(args) == 1: return parent(self.value(args[0]))
            if f in ("Path.cwd", "pathlib.Path.cwd", "os.getcwd"): return Anchored(".")
            if f == "shutil.which" and args: return self.value(args[0])
            if isinstance(n.func, ast.Attribute) and n.func.attr in ("resolve", "absolute") and not args: return Anchored(self.value(n.func.value))
            if isinstance(n.func, ast.Attribute) and n.func.attr == "split" and not args: return self.value(n.func.value).split()
        raise Unknown(ast.unparse(n))

    def is_args(self, name):
        values = self.assigned.get(name, [])
        return len(values) == 1 and isinstance(values[0], ast.Call) and isinstance(values[0].func, ast.Attribute) and values[0].func.attr in ("parse_args", "parse_known_args")

    def calls(self):
        out = []
        for c in ast.walk(self.tree):
            if not isinstance(c, ast.Call): continue
            f = dotted(c.func) or ""
            cmd = cwd = None
            shell = False
            if f in SUBPROCESS and c.args and not (f in self.helpers):
                cmd, cwd = c.args[0], next((k.value for k in c.keywords if k.arg == "cwd"), None)
                shell = any(k.arg == "shell" and isinstance(k.value, ast.Constant) and k.value.value for k in c.keywords)
            elif f in self.helpers:
                params, cmd_param, cwd_param = self.helpers[f]
                bound = dict(zip(params, c.args)); bound.update({k.arg: k.value for k in c.keywords if k.arg})
                cmd, cwd = bound.get(cmd_param), bound.get(cwd_param) if cwd_param else None
            elif f in ("os.system", "os.popen") and c.args:
                cmd, shell = c.args[0], True
            elif f in ("PyInstaller.__main__.run", "__main__.run") and c.args:
                cmd = c.args[0]
            if cmd is None or not self.mentions_pyinstaller(cmd): continue
            call = {"line": c.lineno, "via": f}
            try:
                words = self.value(cmd)
                words = shlex.split(words) if isinstance(words, str) else words
                if f.endswith("__main__.run"): words = ["{python}", "-m", "PyInstaller"] + words
                call["argv"] = [{"value": str(w), "anchored": isinstance(w, Anchored)} for w in words]
            except Unknown as e:
                call["unknown"] = str(e)
            except (TypeError, AttributeError):
                call["unknown"] = ast.unparse(cmd)
            if cwd is not None:
                try:
                    v = self.value(cwd)
                    call["cwd"] = {"value": str(v), "anchored": isinstance(v, Anchored)}
                except (Unknown, TypeError, AttributeError) as e:
                    call["cwdUnknown"] = str(e) if isinstance(e, Unknown) else ast.unparse(cwd)
            out.append(call)
        return sorted(out, key=lambda c: c["line"])

    def mentions_pyinstaller(self, node):
        for n in ast.walk(node):
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and "pyinstaller" in n.value.lower(): return True
            if isinstance(n, ast.Name) and any(v is not None and self.mentions_pyinstaller(v) for v in self.assigned.get(n.id, [])[:1]): return True
        return False

def facts(job):
    try:
        with open(job["path"], "rb") as f: tree = ast.parse(f.read())
    except (SyntaxError, ValueError, OSError) as e:
        return {"error": type(e).__name__}
    s = Script(tree, job["fileRel"], job.get("argv"))
    return {"calls": s.calls(), **({"argparseError": s.parse_error} if s.parse_error else {})}

print(json.dumps([facts(j) for j in json.load(sys.stdin)]))
`;
