import { routeById, type Source, sourceById } from '../core/sources/index';
import type { SearchVia } from '../messaging/search';
import { t } from './i18n';

/**
 * A source's name and how an answer came, in the reader's language. The message keys are the ones each
 * source's definition declares (core/sources/<id>/source.ts): their literal types reach `t`, so a source or
 * route whose key is missing from locales/en.json fails the type check.
 */
export const sourceLabel = (source: Source): string => t(source.labelKey);

/** The name of the source with this id; the id itself for one no longer registered (an old stored offer). */
export const sourceLabelById = (id: string): string => {
  const source = sourceById(id);
  return source ? sourceLabel(source) : id;
};

export function viaText(via: SearchVia): string {
  if (via === 'cache') return t('via_cache');
  const route = routeById(via);
  return route ? t(route.labelKey) : via;
}
