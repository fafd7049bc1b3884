import type { SiteAdapter } from '../fields';
import { SITE_MATCHES } from './sites';
import { at, findObj, imgs, pageData, text } from './util';

/**
 * Xiaohongshu notes: `window.__INITIAL_STATE__.note.noteDetailMap[*].note{title, desc, imageList[].urlDefault}`.
 * A note is a social post that may show a product: kind 'social-candidate', no price.
 */
export const xiaohongshu: SiteAdapter = {
  id: 'xiaohongshu',
  matches: SITE_MATCHES.xiaohongshu,
  extract(doc, url) {
    const state = pageData(doc, '__INITIAL_STATE__');
    const map = at(state, 'note.noteDetailMap') as Record<string, unknown> | undefined;
    const id = /\/(?:explore|item)\/([0-9a-f]{16,32})/i.exec(url)?.[1] ?? null;
    const note =
      (map && ((id && at(map[id], 'note')) || at(Object.values(map)[0], 'note'))) ??
      findObj(state, ['noteId', 'imageList']);
    if (!note || typeof note !== 'object') return null;
    const n = note as Record<string, unknown>;
    const title =
      (typeof n.title === 'string' && n.title.trim()) ||
      (typeof n.desc === 'string' ? n.desc.slice(0, 100) : null);
    const list = Array.isArray(n.imageList) ? n.imageList : [];
    return {
      kind: 'social-candidate',
      title,
      text: typeof n.desc === 'string' ? n.desc : null,
      images: list
        .map((x) =>
          x && typeof x === 'object'
            ? ((x as Record<string, unknown>).urlDefault ?? (x as Record<string, unknown>).url)
            : null,
        )
        .flatMap((x) => imgs([x])),
      itemId: text(n.noteId) ?? id,
    };
  },
};
