import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlShapeOf, mostlyMissing, shapeOf, unrecognised } from '../../../core/sources/drift';

describe('the shape of an answer, for a drift report', () => {
  it('keeps keys (sorted) and value types, and lists as their items merged with a count', () => {
    expect(
      shapeOf({ ret: ['SUCCESS::调用成功'], data: { items: [{ id: 1, t: 'x' }, { id: 2 }], ok: true } }),
    ).toBe('{data:{items:[{id:number,t:string} ×2],ok:boolean},ret:[string ×1]}');
    // The same answer for another query (other items first, keys in another order) has the same shape.
    expect(
      shapeOf({ data: { ok: false, items: [{ id: 3 }, { t: 'y', id: 4 }, { id: 5 }] }, ret: ['x'] }),
    ).toBe('{data:{items:[{id:number,t:string} ×3],ok:boolean},ret:[string ×1]}');
    expect(shapeOf(null)).toBe('null');
    expect(shapeOf([])).toBe('[]');
  });

  it('never carries a value, whatever the answer (strings, numbers, odd keys)', () => {
    const marked = fc.string({ minLength: 1 }).map((s) => `§${s}`);
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        marked,
        fc.double(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string(), marked), tie('value'), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const shape = shapeOf(value);
        expect(shape).not.toContain('§');
        expect(shape.length).toBeLessThanOrEqual(4001);
      }),
    );
  });

  it('is bounded in depth and width', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 50; i++) deep = { a: deep };
    expect(shapeOf(deep)).toContain('{…}');
    const wide = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, i]));
    expect(shapeOf(wide)).toContain('…60 more');
  });

  it('describes an HTML answer by the data objects its scripts assign, never their contents', () => {
    const html =
      '<html><title>Secret title</title><script>window.context = {"price":"9.99"}; var __INIT_DATA = {};</script></html>';
    const shape = htmlShapeOf(html);
    expect(shape).toContain('assigns:[context,__INIT_DATA]');
    expect(shape).not.toContain('9.99');
    expect(shape).not.toContain('Secret');
  });

  it('calls most items lacking a required field drift, an empty list not', () => {
    expect(mostlyMissing([{ id: 1 }, {}, {}], (o) => 'id' in o)).toBe(true);
    expect(mostlyMissing([{ id: 1 }, { id: 2 }, {}], (o) => 'id' in o)).toBe(false);
    expect(mostlyMissing([], () => false)).toBe(false);
    expect(unrecognised('search', '{}', 'no offer list')).toEqual({
      state: 'unrecognised',
      call: 'search',
      shape: '{}',
      reason: 'no offer list',
    });
  });
});
