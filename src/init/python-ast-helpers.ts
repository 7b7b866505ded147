// Python helpers shared by the programs `init` runs on python3 to read a project's code as Python reads it
// (python-syntax-script.ts, python-syntax-build.ts): interpolated into each program's text.

/** `dotted(node)`: an ast.Name or ast.Attribute chain as its dotted name ('subprocess.run'), else None. */
export const PY_DOTTED = String.raw`
def dotted(node):
    if isinstance(node, ast.Name): return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return base + "." + node.attr if base else None
    return None
`;
