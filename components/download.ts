/**
 * Saves a Blob the page made as a file: an object URL clicked through `<a download>`. No `downloads` permission
 * is needed for a file the page itself holds, and the browser asks where to save as it does for any download.
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The click hands the Blob to the download manager asynchronously; revoking at once can cancel a large file.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Today's date for file names (2026-12-07), in the person's own time zone. */
export function fileDate(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
