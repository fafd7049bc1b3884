/**
 * Issue 13, "The background fetches URLs a page chose": local-network hosts are refused without a request;
 * bodies over the byte limit are stopped; pictures over the pixel limit fail before decoding; a timed-out
 * picture is tried again later (failures cached with an expiry).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isPrivateHost, publicHttpUrl } from '../../../core/net/host';
import { pictureSize } from '../../../core/net/image-size';
import { hashPictures } from '../../../entrypoints/background/image-hash';
import { fetchPicture, PICTURE_LIMITS, RETRY_TRANSIENT_MS } from '../../../entrypoints/background/picture';
import { SourceLensDb } from '../../../storage/db';

function png(width: number, height: number): Uint8Array<ArrayBuffer> {
  const b = new Uint8Array(64);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

const fetchMock = vi.fn<typeof fetch>();
beforeEach(() => {
  fakeBrowser.reset();
  fetchMock.mockReset();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('local-network picture addresses are refused without a request', () => {
  it.each([
    'http://localhost/a.jpg',
    'http://foo.localhost/a.jpg',
    'http://printer.local/a.jpg',
    'http://nas/a.jpg',
    'http://127.0.0.1/a.jpg',
    'http://127.1/a.jpg',
    'http://2130706433/a.jpg', // 127.0.0.1 as one decimal number
    'http://0x7f000001/a.jpg',
    'http://0177.0.0.1/a.jpg',
    'http://0x7f.0.0.1/a.jpg',
    'http://0/a.jpg',
    'http://10.1.2.3/a.jpg',
    'http://172.20.0.1/a.jpg',
    'http://192.168.1.1/router.png',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/a.jpg',
    'http://[::1]/a.jpg',
    'http://[::]/a.jpg',
    'http://[::ffff:127.0.0.1]/a.jpg',
    'http://[::ffff:c0a8:101]/a.jpg',
    'http://[fe80::1]/a.jpg',
    'http://[fd00::1]/a.jpg',
    'http://[64:ff9b::10.0.0.1]/a.jpg',
    'http://user:pass@img.example.com/a.jpg',
    'file:///etc/passwd',
  ])('%s', async (url) => {
    expect(publicHttpUrl(url)).toBeNull();
    await expect(fetchPicture(url)).rejects.toMatchObject({ kind: 'refused' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('public hosts and addresses pass', () => {
    for (const host of [
      'img.alicdn.com',
      '8.8.8.8',
      '[2606:4700::1111]',
      '[::ffff:808:808]',
      'cdn.shop.test',
    ])
      expect(isPrivateHost(host.replace(/^\[|\]$/g, ''))).toBe(false);
    expect(publicHttpUrl('https://img.alicdn.com/a.jpg')?.href).toBe('https://img.alicdn.com/a.jpg');
  });
});

describe('bounded picture bodies', () => {
  it('a body past the byte limit is stopped while streaming, before decoding', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(1024 * 1024);
    chunk.set(png(100, 100));
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(chunk);
      },
    });
    fetchMock.mockResolvedValue(new Response(body, { status: 200 }));
    await expect(fetchPicture('https://img.example.com/huge.png')).rejects.toMatchObject({
      kind: 'too-large',
    });
    expect(pulled).toBeLessThan(PICTURE_LIMITS.maxBytes / chunk.length + 3);
  });

  it('a declared length past the limit is refused without reading', async () => {
    fetchMock.mockResolvedValue(
      new Response(png(10, 10), { status: 200, headers: { 'content-length': String(1 << 30) } }),
    );
    await expect(fetchPicture('https://img.example.com/big.png')).rejects.toMatchObject({
      kind: 'too-large',
    });
  });

  it('a picture declaring more pixels than the limit fails before decoding', async () => {
    fetchMock.mockResolvedValue(new Response(png(100_000, 100_000), { status: 200 }));
    await expect(fetchPicture('https://img.example.com/bomb.png')).rejects.toMatchObject({
      kind: 'too-large',
    });
    expect(pictureSize(png(100_000, 100_000))).toEqual({ width: 100_000, height: 100_000, format: 'png' });
  });

  it('a redirect that ends on a private address is refused', async () => {
    const r = new Response(png(10, 10), { status: 200 });
    Object.defineProperty(r, 'redirected', { value: true });
    Object.defineProperty(r, 'url', { value: 'http://192.168.0.1/x.png' });
    fetchMock.mockResolvedValue(r);
    await expect(fetchPicture('https://img.example.com/r.png')).rejects.toMatchObject({ kind: 'refused' });
  });
});

describe('failed pictures are cached with an expiry', () => {
  it('a timed-out picture is tried again later, not at once', async () => {
    const database = new SourceLensDb(`pictures-${Date.now()}`);
    const url = 'https://img.example.com/slow.jpg';
    fetchMock.mockRejectedValue(new DOMException('timed out', 'TimeoutError'));
    vi.spyOn(AbortSignal, 'timeout').mockImplementation(() => AbortSignal.abort());
    const t0 = 1_800_000_000_000;
    const [first] = await hashPictures(database, [url], t0);
    expect(first?.hash).toBeNull();
    expect(first?.error).toBe('the picture timed out');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await hashPictures(database, [url], t0 + 60_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await hashPictures(database, [url], t0 + RETRY_TRANSIENT_MS + 1);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    await database.delete();
  });
});
