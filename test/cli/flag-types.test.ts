// The argument types of the commands are derived from their one flag declaration: the types must say what
// yargs really hands the command (camelCase names, defaults never undefined, lists as arrays).
import yargs from 'yargs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { RUN_OPTIONS, type RunArgs } from '../../src/cli/run-options.ts';
import { COMPARE_OPTIONS, type CompareArgs, type SetupArgs } from '../../src/cli/command-options.ts';
import { INIT_OPTIONS, initAnswers, type InitArgs } from '../../src/cli/init-options.ts';

const camel = (flag: string) => flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe('flag types derived from the declarations', () => {
  it('types each flag by its declaration', () => {
    expectTypeOf<RunArgs['minRuns']>().toEqualTypeOf<number>();
    expectTypeOf<RunArgs['runs']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<RunArgs['only']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<RunArgs['threshold']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RunArgs['dryRun']>().toEqualTypeOf<boolean>();
    expectTypeOf<CompareArgs['failOnRegression']>().toEqualTypeOf<boolean>();
    expectTypeOf<SetupArgs['only']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<InitArgs['sourceDir']>().toEqualTypeOf<string | undefined>();
  });

  it('names every run flag as yargs does, with its default', async () => {
    const parsed = await yargs(['--min-runs', '3', '--only', 'a/*', '--runs', 'auto']).options(RUN_OPTIONS).parseAsync();
    for (const [flag, declared] of Object.entries(RUN_OPTIONS)) {
      // A flag with a default always has a value (its type says so); one without is absent when not given.
      const expected = flag === 'min-runs' ? 3 : flag === 'only' ? ['a/*'] : flag === 'runs' ? 'auto' : 'default' in declared ? declared.default : undefined;
      expect(parsed[camel(flag)], flag).toEqual(expected);
    }
  });

  it('reads the compare defaults and the init answers by their camelCase names', async () => {
    const compare = await yargs([]).options(COMPARE_OPTIONS).parseAsync();
    expect({ failOnRegression: compare.failOnRegression, noise: compare.noise, alpha: compare.alpha }).toEqual({ failOnRegression: true, noise: 2, alpha: 0.05 });
    const init = await yargs(['--source-dir', 'src', '--serve-args', '', '--app', 'x']).options(INIT_OPTIONS).parseAsync();
    expect(initAnswers({ ...init, dir: '.' })).toEqual({ app: 'x', script: undefined, module: undefined, requirements: undefined, sourceDir: 'src', ready: undefined, serveArgs: '', bin: undefined });
  });
});
