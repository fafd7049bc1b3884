import { storage } from 'wxt/utils/storage';
import type { InquiryTemplateEdits } from '../../core/inquiry/templates';

/**
 * The person's edits of the messages to suppliers: per template set (zh, gloss, en) only the parts they changed,
 * merged over the defaults with `resolveTemplates` (core/inquiry/templates.ts), which ignores anything malformed.
 * Kept in `local`, not `sync`: sync holds at most 8 KB per item, less than three sets of edited Chinese text.
 */
export const inquiryTemplates = storage.defineItem<InquiryTemplateEdits>('local:inquiryTemplates', {
  fallback: {},
  version: 1,
});
