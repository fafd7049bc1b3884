import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_TEMPLATES, resolveTemplates } from '../../../core/inquiry/index';
import { inquiryTemplates } from '../../../storage/settings/inquiry';

describe('the inquiryTemplates setting', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a fresh install writes with the default templates', async () => {
    expect(await inquiryTemplates.getValue()).toEqual({});
    expect(resolveTemplates(await inquiryTemplates.getValue())).toEqual(DEFAULT_TEMPLATES);
  });

  it('keeps only the edits, and they come back over the defaults', async () => {
    await inquiryTemplates.setValue({ zh: { greeting: '老板好' } });
    const templates = resolveTemplates(await inquiryTemplates.getValue());
    expect(templates.zh.greeting).toBe('老板好');
    expect(templates.zh.closing).toBe(DEFAULT_TEMPLATES.zh.closing);
  });

  it('a malformed stored value gives the defaults', async () => {
    await fakeBrowser.storage.local.set({ inquiryTemplates: ['not', 'edits'] });
    expect(resolveTemplates(await inquiryTemplates.getValue())).toEqual(DEFAULT_TEMPLATES);
  });
});
