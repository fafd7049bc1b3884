/**
 * Image search step 1, the upload answer: `{success: true, model: {imagePath, regions: [...]}}`. `regions` are
 * the boxes the site drew around objects it found (public clients saw strings like "187,404,32,418"); they go
 * back unchanged with the search, up to four, because they say which object to look for.
 */
import { plainText } from '../../text/plain-text';
import { firstStr, get, isRecord, str } from '../util';

/** A detected region as the site wrote it: a box string, or an object in shapes not seen yet. */
export type ImageRegion = string | Record<string, unknown>;

export const MAX_REGIONS = 4;

export type UploadAnswer =
  | { state: 'ok'; imagePath: string; regions: ImageRegion[] }
  | { state: 'failed'; message: string }
  /** A JSON answer that did not fail yet holds no image path where the upload puts it: the answer changed. */
  | { state: 'unrecognised'; reason: string };

function regionsOf(value: unknown): ImageRegion[] {
  if (!Array.isArray(value)) return [];
  const out: ImageRegion[] = [];
  for (const r of value) {
    if (typeof r === 'string' && r.length <= 200) out.push(r);
    else if (isRecord(r) && JSON.stringify(r).length <= 500) out.push(r);
    if (out.length >= MAX_REGIONS) break;
  }
  return out;
}

/** Read the upload answer (already JSON-parsed). Never throws. */
export function parseUploadAnswer(value: unknown): UploadAnswer {
  try {
    if (!isRecord(value)) return { state: 'failed', message: 'upload: not a JSON answer' };
    const message = firstStr(value.msgInfo, value.message, value.errorMsg, value.msgCode);
    if (value.success === false || value.success === 'false') {
      return { state: 'failed', message: plainText(message, 200) || 'upload refused' };
    }
    const imagePath = str(get(value, 'model', 'imagePath'));
    if (!imagePath) return { state: 'unrecognised', reason: 'no model.imagePath' };
    if (imagePath.length > 2048) return { state: 'failed', message: 'upload: image path too long' };
    return { state: 'ok', imagePath, regions: regionsOf(get(value, 'model', 'regions')) };
  } catch {
    return { state: 'failed', message: 'upload: unreadable answer' };
  }
}
