// `buildbench setup`'s components in the order they run; `--only`/`--skip` take these names. A module of its
// own so the command line can list them without loading the provisioning code.
export const COMPONENTS = ['apt', 'venv', 'wheelhouse', 'envs', 'cargo', 'npm', 'scie', 'tools'] as const;
export type Component = (typeof COMPONENTS)[number];
