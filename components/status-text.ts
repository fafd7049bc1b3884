import type { ShortlistStatus } from '../storage/types';
import { t } from './i18n';

/**
 * Where a kept offer stands, by the shortlist's statuses (storage/types.ts), in the reader's language. Its own
 * module: the popup's rows and filters need these words, not the offer card they were first written for.
 */
export const STATUS_TEXT: Record<ShortlistStatus, () => string> = {
  considering: () => t('status_considering'),
  contacted: () => t('status_contacted'),
  sample: () => t('status_sample'),
  ordered: () => t('status_ordered'),
  rejected: () => t('status_rejected'),
};
