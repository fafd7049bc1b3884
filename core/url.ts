/**
 * The only URLs SourceLens ever opens, loads or links: absolute http(s). Returns the normalised href or null.
 * Page data is hostile: `javascript:`, `data:`, `file:` and friends never pass.
 */
export function safeHttpUrl(value: unknown, base?: string): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return null;
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
