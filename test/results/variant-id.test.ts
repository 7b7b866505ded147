// The one spelling of a variant's names, and its inverse for `needs:` references.
import { describe, expect, it } from 'vitest';
import { variantId, variantName } from '../../src/results/variant-id.ts';
import { parseVariantRef } from '../../src/scenario/needs.ts';

describe('variantId / variantName', () => {
  it.each([
    [{ scenario: 'sidecar', variant: 'pex', cache: 'cold' }, 'sidecar/pex@cold'],
    [{ scenario: 'app', variant: 'mold', cache: 'incremental', ref: 'v1.2' }, 'app/mold@incremental#v1.2'],
    [{ scenario: 'app', variant: 'mold', cache: 'warm', ref: '' }, 'app/mold@warm'],
  ])('%o → %s', (parts, id) => {
    expect(variantId(parts)).toBe(id);
  });

  it('names a variant across its cache states, and parseVariantRef reads an id back', () => {
    expect(variantName({ scenario: 'sidecar', variant: 'onefile' })).toBe('sidecar/onefile');
    expect(parseVariantRef(variantId({ scenario: 'sidecar', variant: 'onefile', cache: 'noop' }))).toEqual({ scenario: 'sidecar', variant: 'onefile', cache: 'noop' });
  });
});
