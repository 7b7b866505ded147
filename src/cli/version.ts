// buildbench's own name and version, from package.json.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUILDBENCH_ROOT } from '../common/where.ts';

const pkg = JSON.parse(readFileSync(path.join(BUILDBENCH_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

export const TOOL = { name: pkg.name, version: pkg.version };
