import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectProduct } from '../../../core/detect';
import type { DetectedProduct } from '../../../core/detect/types';
import { minorToDecimal } from '../../../core/money';
import { fixtureDoc, fixtures } from './helpers';

interface Expected {
  url: string;
  expect: null | {
    kind?: string;
    site?: string;
    title?: string;
    price?: string[] | null;
    priceMax?: string[];
    currency?: string;
    sku?: string[];
    brand?: string[];
    availability?: string;
    itemId?: string;
    canonicalUrl?: string;
    imagesMin?: number;
    text?: string;
  };
}

const decimal = (m: DetectedProduct['price']) => (m ? Number(minorToDecimal(m.minor, m.currency)) : null);

describe('page fixtures give their expected values', () => {
  for (const f of fixtures()) {
    it(`${f.dir}/${f.name}`, () => {
      expect(existsSync(f.expected), `${f.expected} missing`).toBe(true);
      const want = JSON.parse(readFileSync(f.expected, 'utf8')) as Expected;
      const got = detectProduct(fixtureDoc(f.page), want.url);
      const e = want.expect;
      if (e === null) {
        expect(got).toBeNull();
        return;
      }
      expect(got).not.toBeNull();
      const p = got as DetectedProduct;
      if (e.kind) expect(p.kind).toBe(e.kind);
      if (e.site) expect(p.site).toBe(e.site);
      if (e.title) expect(p.title).toBe(e.title);
      if (e.text) expect(p.text).toBe(e.text);
      if (e.price === null) expect(p.price).toBeNull();
      else if (e.price) expect(e.price.map(Number)).toContain(decimal(p.price));
      if (e.priceMax) expect(e.priceMax.map(Number)).toContain(decimal(p.priceMax));
      if (e.currency) expect(p.price?.currency).toBe(e.currency);
      if (e.sku) expect(e.sku).toContain(p.sku);
      if (e.brand) expect(e.brand.map((b) => b.trim().toLowerCase())).toContain(p.brand?.toLowerCase());
      if (e.availability) expect(p.availability).toBe(e.availability);
      if (e.itemId) expect(p.itemId).toBe(e.itemId);
      if (e.canonicalUrl) expect(p.canonicalUrl).toBe(e.canonicalUrl);
      if (e.imagesMin) expect(p.images.length).toBeGreaterThanOrEqual(e.imagesMin);
      for (const i of p.images) expect(i).toMatch(/^https?:\/\//);
      for (const k of Object.keys(p.sources)) expect(p[k as keyof DetectedProduct]).not.toBeNull();
    });
  }
});
