// A team that builds from a PyInstaller .spec cannot pass --onefile/--onedir or --exclude-module beside it
// (PyInstaller refuses them), so each variant that changes one of those builds from a copy of the spec with that
// one thing changed. The copy is written in the variant's untimed set-up, from the spec as it is in the workdir
// at that run (a spec the team edited since `init` is still measured with one change, never a stale copy), by
// SPEC_REWRITE_SCRIPT: Python's own parser finds the calls and the copy is the team's text with a few spans
// replaced (comments and layout kept). The shapes it knows are the ones PyInstaller's own spec templates write
// (PyInstaller/building/templates.py, 5.x and 6.x): one file `EXE(pyz, a.scripts, a.binaries, a.datas, [], …)`,
// one folder `EXE(pyz, a.scripts, [], exclude_binaries=True, …)` + `COLLECT(exe, a.binaries, a.datas, …)`, and
// `Analysis(…, excludes=[…])`; any other shape is refused with the reason, which `init` also checks.
import { spawnSync } from 'node:child_process';

export const SPEC_REWRITE_SCRIPT = String.raw`
import ast, sys

class Refused(Exception): pass

def rewrite(src, shape, excludes):
    tree = ast.parse(src)
    starts = [0]
    for line in src.splitlines(keepends=True): starts.append(starts[-1] + len(line.encode()))
    raw = src.encode()
    pos = lambda line, col: starts[line - 1] + col
    begin = lambda n: pos(n.lineno, n.col_offset)
    end = lambda n: pos(n.end_lineno, n.end_col_offset)
    text = lambda n: raw[begin(n):end(n)].decode()
    calls = {}
    for stmt in tree.body:
        value = stmt.value if isinstance(stmt, (ast.Assign, ast.Expr)) else None
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in ("Analysis", "EXE", "COLLECT"):
            calls.setdefault(value.func.id, []).append((stmt, value))
    for name in ("Analysis", "EXE"):
        if len(calls.get(name, [])) != 1:
            raise Refused("it has %s %s(...) calls at its top level, not one" % (len(calls.get(name, [])), name))
    if len(calls.get("COLLECT", [])) > 1: raise Refused("it has more than one COLLECT(...)")
    a_stmt, a_call = calls["Analysis"][0]
    e_stmt, e_call = calls["EXE"][0]
    c_stmt, c_call = (calls.get("COLLECT") or [(None, None)])[0]
    if not (isinstance(a_stmt, ast.Assign) and isinstance(a_stmt.targets[0], ast.Name)): raise Refused("Analysis(...) is not assigned to a name")
    a = a_stmt.targets[0].id
    own = lambda n: isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == a and n.attr in ("binaries", "zipfiles", "datas")
    edits = []
    def drop_arg(call, node):
        args = sorted(call.args + call.keywords, key=begin)
        i = args.index(node)
        if i + 1 < len(args): edits.append((begin(node), begin(args[i + 1]), ""))
        elif i > 0: edits.append((end(args[i - 1]), end(node), ""))
        else: edits.append((begin(node), end(node), ""))
    def kw(call, name): return next((k for k in call.keywords if k.arg == name), None)
    def add_kw(call, source):
        args = sorted(call.args + call.keywords, key=begin)
        first_kw = next((k for k in sorted(call.keywords, key=begin)), None)
        if first_kw is not None:
            line_start = starts[first_kw.lineno - 1]
            lead = raw[line_start:begin(first_kw)].decode()
            edits.append((begin(first_kw), begin(first_kw), source + (",\n" + lead if not lead.strip() else ", ")))
        elif args: edits.append((end(args[-1]), end(args[-1]), ", " + source))
        else: edits.append((end(call) - 1, end(call) - 1, source))
    onedir_now = c_call is not None
    if shape == "onedir" and not onedir_now:
        moved = [n for n in e_call.args if own(n)]
        if not moved: raise Refused("its EXE(...) takes none of %s.binaries/%s.datas as arguments, so it is not the one-file shape" % (a, a))
        if not (isinstance(e_stmt, ast.Assign) and isinstance(e_stmt.targets[0], ast.Name)): raise Refused("EXE(...) is not assigned to a name")
        for n in moved: drop_arg(e_call, n)
        flag = kw(e_call, "exclude_binaries")
        if flag is not None: edits.append((begin(flag.value), end(flag.value), "True"))
        else: add_kw(e_call, "exclude_binaries=True")
        opt = lambda k, default: text(kw(e_call, k).value) if kw(e_call, k) is not None else default
        if kw(e_call, "name") is None: raise Refused("its EXE(...) has no name=")
        lines = [e_stmt.targets[0].id] + [text(n) for n in moved] + ["strip=" + opt("strip", "False"), "upx=" + opt("upx", "True"), "upx_exclude=" + opt("upx_exclude", "[]"), "name=" + opt("name", "")]
        edits.append((end(e_stmt), end(e_stmt), "\ncoll = COLLECT(\n" + "".join("    %s,\n" % l for l in lines) + ")"))
    elif shape == "onefile" and onedir_now:
        if not (c_call.args and isinstance(c_call.args[0], ast.Name)): raise Refused("its COLLECT(...) does not start with the EXE")
        moved = [n for n in c_call.args[1:] if own(n)]
        if len(moved) != len(c_call.args) - 1: raise Refused("its COLLECT(...) collects more than %s.binaries/%s.zipfiles/%s.datas" % (a, a, a))
        if isinstance(c_stmt, ast.Assign):
            names = {t.id for t in c_stmt.targets if isinstance(t, ast.Name)}
            used = [n.lineno for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id in names and isinstance(n.ctx, ast.Load)]
            if used: raise Refused("what COLLECT(...) makes is used on line %d (a BUNDLE?)" % used[0])
        scripts = next((i for i, n in enumerate(e_call.args) if isinstance(n, ast.Attribute) and n.attr == "scripts"), None)
        if scripts is None: raise Refused("its EXE(...) has no %s.scripts argument" % a)
        edits.append((end(e_call.args[scripts]), end(e_call.args[scripts]), "".join(", " + text(n) for n in moved)))
        flag = kw(e_call, "exclude_binaries")
        if flag is not None: drop_arg(e_call, flag)
        edits.append((starts[c_stmt.lineno - 1], end(c_stmt), ""))
    if excludes:
        listed = kw(a_call, "excludes")
        quoted = ", ".join(repr(m) for m in excludes)
        if listed is None: add_kw(a_call, "excludes=[%s]" % quoted)
        elif isinstance(listed.value, ast.List) and listed.value.elts: edits.append((end(listed.value.elts[-1]), end(listed.value.elts[-1]), ", " + quoted))
        elif isinstance(listed.value, ast.List): edits.append((begin(listed.value), end(listed.value), "[%s]" % quoted))
        else: edits.append((begin(listed.value), end(listed.value), "list(%s) + [%s]" % (text(listed.value), quoted)))
    out = raw
    for b, e, new in sorted(edits, key=lambda x: (x[0], x[1]), reverse=True): out = out[:b] + new.encode() + out[e:]
    return out

if __name__ == "__main__":
    spec, target, shape, *excludes = sys.argv[1:]
    try:
        with open(spec, encoding="utf-8") as f: out = rewrite(f.read(), shape, excludes)
    except (Refused, SyntaxError) as e:
        sys.exit("buildbench cannot make a %s copy of %s: %s" % (shape, spec, e))
    if target != "-":
        with open(target, "wb") as f: f.write(out)
`;

/** Where a variant's copy of `spec` goes: beside it (SPECPATH, the folder its paths are relative to, stays the same). */
export const specCopyPath = (spec: string, variant: string): string => spec.replace(/\.spec$/, '') + `.${variant}.spec`;

const quoteWord = (w: string) => (/^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`);

/**
 * The set-up command that writes `spec`'s copy for `variant` (relative to the workdir) with `python`: its shape
 * made `shape` (a no-op when it is that already) and `excludes` added to Analysis'. Pure.
 */
export function specCopyCommand(opts: { python: string; spec: string; variant: string; shape: 'onefile' | 'onedir'; excludes: string[] }): string {
  const words = [opts.spec, specCopyPath(opts.spec, opts.variant), opts.shape, ...opts.excludes].map(quoteWord).join(' ');
  return `${opts.python} - ${words} <<'BUILDBENCH_SPEC'\n${SPEC_REWRITE_SCRIPT.trim()}\nBUILDBENCH_SPEC`;
}

/**
 * Whether `specFile` (absolute) can be rewritten to `shape` with `excludes` added: undefined when it can, else the
 * one-line reason. Runs `python3` (`python`) on the file with nothing written; a Python that cannot run says so.
 */
export function checkSpecRewrite(opts: { specFile: string; shape: 'onefile' | 'onedir'; excludes: string[]; python?: string }): string | undefined {
  const r = spawnSync(opts.python ?? 'python3', ['-c', SPEC_REWRITE_SCRIPT, opts.specFile, '-', opts.shape, ...opts.excludes], { encoding: 'utf8', timeout: 30_000 });
  if (r.error) return `python3 could not read the spec (${r.error.message})`;
  return r.status === 0 ? undefined : r.stderr.trim().split('\n').at(-1);
}
