import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { disabledSources, isSourceDisabled, withDisabledDefaults } from '../../../storage/settings/sources';

describe('the sources turned off in the options', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are none on a fresh profile (a new item: its fallback, no migration)', async () => {
    expect(await disabledSources.getValue()).toEqual([]);
    expect(await isSourceDisabled('1688')).toBe(false);
    expect(await isSourceDisabled('alibaba')).toBe(false);
  });

  it('turn off exactly the sources listed', async () => {
    await disabledSources.setValue(['alibaba']);
    expect(await isSourceDisabled('alibaba')).toBe(true);
    expect(await isSourceDisabled('1688')).toBe(false);
  });

  it('read an odd stored value as nothing turned off, and keep only ids from a mixed one', () => {
    expect(withDisabledDefaults(null)).toEqual([]);
    expect(withDisabledDefaults(undefined)).toEqual([]);
    expect(withDisabledDefaults('alibaba' as unknown as string[])).toEqual([]);
    expect(withDisabledDefaults(['alibaba', 7, null] as unknown[])).toEqual(['alibaba']);
  });
});
