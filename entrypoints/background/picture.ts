/**
 * Fetching and decoding a picture, shared by the image search (sources/image.ts re-encodes it as JPEG) and the
 * picture hashes (image-hash.ts draws it at 32×32). Each caller draws the bitmap its own way and closes it.
 */

/**
 * Fetches a picture without the user's cookies for its host and without a Referer, then decodes it; `signal`
 * stops the fetch (a search's deadline or cancellation).
 */
export async function fetchBitmap(url: string, signal?: AbortSignal): Promise<ImageBitmap> {
  const response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', signal });
  if (!response.ok) throw new Error(`the picture could not be fetched (HTTP ${response.status})`);
  return decodeBitmap(await response.blob());
}

/** Decodes picture bytes; the browser's own decode error names no picture, so it is replaced by one that does. */
export function decodeBitmap(blob: Blob): Promise<ImageBitmap> {
  return createImageBitmap(blob).catch(() => {
    throw new Error('not a readable picture');
  });
}
