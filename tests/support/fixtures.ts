/**
 * Reading a source's saved answers and pages (`tests/fixtures/<source id>/`), and the smallest pictures the
 * image-search tests send.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The fixture folder of one source, with readers for its files as text and as JSON. */
export function sourceFixtures(sourceId: string) {
  const dir = `${FIXTURES_DIR}${sourceId}/`;
  const text = (name: string): string => readFileSync(dir + name, 'utf8');
  const json = (name: string): unknown => JSON.parse(text(name));
  return { dir, text, json };
}

/** A JPEG needs only its magic bytes for the upload checks; PNG has its own signature. */
export const JPEG_B64 = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]).toString('base64');
export const PNG_B64 = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]).toString(
  'base64',
);
