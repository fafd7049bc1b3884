import { fetchBitmap } from '../picture';

/** Long side of the picture sent to image search (1688 takes JPEG up to about this size). */
const MAX_SIDE = 1200;

/**
 * Fetches a picture and re-encodes it as an RGB JPEG with its long side at most 1200 px, as 1688's image search
 * wants (PNG and WebP uploads fail). Transparent areas become white. Returns base64 without a data: prefix.
 */
export async function imageToJpegBase64(url: string, signal?: AbortSignal): Promise<string> {
  const bitmap = await fetchBitmap(url, signal);
  try {
    return await encodeJpegBase64(bitmap);
  } finally {
    bitmap.close();
  }
}

async function encodeJpegBase64(bitmap: ImageBitmap): Promise<string> {
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0, width, height);
  const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  const bytes = new Uint8Array(await jpeg.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
