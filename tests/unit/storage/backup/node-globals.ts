// dexie-export-import is written for pages and workers: it reads `self` when it loads, and after every export
// hands an (empty) Blob to FileReader to free memory. Node has neither; these stand-ins do what the export needs.
(globalThis as { self?: unknown }).self ??= globalThis;

class NodeFileReader {
  result: ArrayBuffer | null = null;
  onload: ((ev: { target: NodeFileReader }) => void) | null = null;
  onerror: ((ev: { target: NodeFileReader }) => void) | null = null;
  onabort: (() => void) | null = null;
  error: unknown = null;
  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (buffer) => {
        this.result = buffer;
        this.onload?.({ target: this });
      },
      (error: unknown) => {
        this.error = error;
        this.onerror?.({ target: this });
      },
    );
  }
}
(globalThis as { FileReader?: unknown }).FileReader ??= NodeFileReader;
