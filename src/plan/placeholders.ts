// Placeholders a scenario may use in commands, paths and env values. Only these names are replaced, so shell
// syntax such as `${HOME}` passes through untouched.
export const PLACEHOLDERS = ['workdir', 'cache', 'artifact', 'port', 'round', 'tools', 'scenarioDir'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

const PATTERN = new RegExp(`(?<!\\$)\\{(${PLACEHOLDERS.join('|')})\\}`, 'g');

export function expandPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(PATTERN, (whole, name: Placeholder) => values[name] ?? whole);
}
