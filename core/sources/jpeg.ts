/** The image search uploads of both Alibaba-group sources accept JPEG only; these check base64 text for it. */

/** Base64 text without a `data:…;base64,` prefix or whitespace. */
export function cleanBase64(input: string): string {
  return input.replace(/^data:[^;,]*;base64,/i, '').replace(/\s+/g, '');
}

/** Whether base64 text decodes to a JPEG (starts FF D8 FF), checked on the first bytes only. */
export function isJpegBase64(input: string): boolean {
  const b64 = cleanBase64(input);
  if (!/^[A-Za-z0-9+/]{8}/.test(b64)) return false;
  try {
    const head = atob(b64.slice(0, 8));
    return head.charCodeAt(0) === 0xff && head.charCodeAt(1) === 0xd8 && head.charCodeAt(2) === 0xff;
  } catch {
    return false;
  }
}
