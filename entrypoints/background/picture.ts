/**
 * Fetching and decoding a picture, shared by the image search (sources/image.ts re-encodes it as JPEG) and the
 * picture hashes (image-hash.ts draws it at 32×32). Each caller draws the bitmap its own way and closes it.
 * Picture URLs come from pages and sources (hostile), so before anything is decoded: no request at all to the
 * machine itself or the local network (core/net/host.ts), a bounded wait, a bounded body read as a stream and
 * stopped at the limit, and a pixel count read from the file's header (core/net/image-size.ts).
 */
import { publicHttpUrl } from '../../core/net/host';
import { pictureSize } from '../../core/net/image-size';

export const PICTURE_LIMITS = {
  /** Product pictures are rarely above 2 MB; a body past this is stopped, not read on. */
  maxBytes: 15 * 1024 * 1024,
  /** 40 megapixels (an 8000 × 5000 photo) decode to 160 MB; more is refused before decoding. */
  maxPixels: 40_000_000,
  timeoutMs: 15_000,
};

/** Why a picture could not be read; `timeout` and `network` are worth trying again later. */
export type PictureFailure = 'refused' | 'timeout' | 'network' | 'http' | 'too-large' | 'not-a-picture';

export class PictureError extends Error {
  constructor(
    readonly kind: PictureFailure,
    message: string,
  ) {
    super(message);
  }
}

async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new PictureError('too-large', 'the picture is too large');
  }
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer()).slice(0, maxBytes + 1);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new PictureError('too-large', 'the picture is too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/**
 * A picture's bytes, checked: fetched without the user's cookies for its host and without a Referer; `signal`
 * stops the fetch (a search's deadline or cancellation). Throws a PictureError.
 */
export async function fetchPicture(
  url: string,
  signal?: AbortSignal,
  limits = PICTURE_LIMITS,
): Promise<Blob> {
  const target = publicHttpUrl(url);
  if (!target) throw new PictureError('refused', 'not a public http(s) picture address');
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetch(target.href, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    if (timeout.aborted) throw new PictureError('timeout', 'the picture timed out');
    throw new PictureError('network', 'the picture could not be reached');
  }
  // A redirect is followed by the browser (its Location is not readable here); its end must be public too.
  if (response.redirected && !publicHttpUrl(response.url)) {
    await response.body?.cancel().catch(() => {});
    throw new PictureError('refused', 'the picture redirected to a private address');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new PictureError('http', `the picture could not be fetched (HTTP ${response.status})`);
  }
  const bytes = await readBounded(response, limits.maxBytes);
  const size = pictureSize(bytes);
  if (!size?.width || !size.height) throw new PictureError('not-a-picture', 'not a readable picture');
  if (size.width * size.height > limits.maxPixels)
    throw new PictureError('too-large', 'the picture has too many pixels');
  return new Blob([bytes as BlobPart]);
}

const TRANSIENT = new Set(['the picture timed out', 'the picture could not be reached']);
/** A timed-out or unreachable picture is tried again after this long… */
export const RETRY_TRANSIENT_MS = 10 * 60 * 1000;
/** …any other failure (HTTP error, refused, too large, not a picture) after a day: pages change. */
export const RETRY_FAILED_MS = 24 * 60 * 60 * 1000;

/** Whether a cached failure (a hash row with an error) is old enough to try the picture again. */
export function failureExpired(
  row: { hash: string | null; error: string | null; at: number },
  now: number,
): boolean {
  if (row.hash !== null) return false;
  return now - row.at >= (TRANSIENT.has(row.error ?? '') ? RETRY_TRANSIENT_MS : RETRY_FAILED_MS);
}

/** Fetches a checked picture (fetchPicture), then decodes it. */
export async function fetchBitmap(url: string, signal?: AbortSignal): Promise<ImageBitmap> {
  return decodeBitmap(await fetchPicture(url, signal));
}

/** Decodes picture bytes; the browser's own decode error names no picture, so it is replaced by one that does. */
export function decodeBitmap(blob: Blob): Promise<ImageBitmap> {
  return createImageBitmap(blob).catch(() => {
    throw new PictureError('not-a-picture', 'not a readable picture');
  });
}
