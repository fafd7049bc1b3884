import { parseHTML } from 'linkedom';
import { type ComponentChild, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { Button, Combobox, NumberField, SegmentedControl } from '../../../components/ui';
import { clock } from '../../../components/useCountdown';
import { fewerWords } from '../../../entrypoints/sidepanel/SearchStates';

/** Renders into a fresh linkedom document; returns its root element. */
async function mount(node: ComponentChild) {
  const { document, window } = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>');
  const root = document.getElementById('app') as unknown as HTMLElement;
  await act(() => render(node, root));
  const fire = (el: Element, type: string, init: Record<string, unknown> = {}) =>
    act(() => {
      const event = new window.Event(type, { bubbles: true, cancelable: true });
      Object.assign(event, init);
      el.dispatchEvent(event);
    });
  return { root, fire };
}

describe('Button', () => {
  it('is type="button" unless said, and an icon-only button is named by its label', async () => {
    const { root } = await mount(<Button icon="close" label="Close the dialog" />);
    const button = root.querySelector('button') as HTMLButtonElement;
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-label')).toBe('Close the dialog');
    expect(button.getAttribute('class')).toContain('ui-button--icon');
    expect(button.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('with text, has no aria-label of its own and shows the text', async () => {
    const { root } = await mount(
      <Button variant="primary" type="submit">
        Search
      </Button>,
    );
    const button = root.querySelector('button') as HTMLButtonElement;
    expect(button.getAttribute('type')).toBe('submit');
    expect(button.hasAttribute('aria-label')).toBe(false);
    expect(button.textContent).toBe('Search');
    expect(button.getAttribute('class')).toContain('ui-button--primary');
  });
});

describe('Combobox', () => {
  const setup = async (onPick = vi.fn()) => {
    const m = await mount(
      <Combobox
        label="Query"
        value="雨"
        onInput={() => {}}
        suggestions={['雨伞', '雨衣', '雨靴']}
        onPick={onPick}
        listTestId="list"
      />,
    );
    const input = m.root.querySelector('input') as HTMLInputElement;
    const list = m.root.querySelector('[role="listbox"]') as HTMLElement;
    return { ...m, input, list, onPick };
  };

  it('keeps the list closed until the box has the focus, then ↓ highlights the first suggestion', async () => {
    const { input, list, fire } = await setup();
    expect(input.getAttribute('role')).toBe('combobox');
    expect(list.hasAttribute('hidden')).toBe(true);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await fire(input, 'focus');
    expect(list.hasAttribute('hidden')).toBe(false);
    expect(input.getAttribute('aria-controls')).toBe(list.getAttribute('id'));
    await fire(input, 'keydown', { key: 'ArrowDown' });
    const active = input.getAttribute('aria-activedescendant');
    // The box names the highlighted option by its id: a non-empty id that exactly one option carries.
    expect(active).toMatch(/^\S+$/);
    expect(list.querySelectorAll(`[id="${active}"]`)).toHaveLength(1);
    expect(list.querySelector(`[id="${active}"]`)?.textContent).toBe('雨伞');
    expect(list.querySelector(`[id="${active}"]`)?.getAttribute('aria-selected')).toBe('true');
  });

  it('Enter takes the highlighted suggestion; ↑ from the top goes back to the box', async () => {
    const { input, fire, onPick } = await setup();
    await fire(input, 'focus');
    await fire(input, 'keydown', { key: 'ArrowDown' });
    await fire(input, 'keydown', { key: 'ArrowDown' });
    await fire(input, 'keydown', { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith('雨衣');
    await fire(input, 'input');
    await fire(input, 'keydown', { key: 'ArrowDown' });
    await fire(input, 'keydown', { key: 'ArrowUp' });
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);
  });

  it('Escape closes the list without taking anything', async () => {
    const { input, list, fire, onPick } = await setup();
    await fire(input, 'focus');
    await fire(input, 'keydown', { key: 'ArrowDown' });
    await fire(input, 'keydown', { key: 'Escape' });
    expect(list.hasAttribute('hidden')).toBe(true);
    await fire(input, 'keydown', { key: 'Enter' });
    expect(onPick).not.toHaveBeenCalled();
  });
});

describe('SegmentedControl', () => {
  it('is a named radio group; the chosen value is checked, a disabled one cannot be chosen', async () => {
    const onChange = vi.fn();
    const { root, fire } = await mount(
      <SegmentedControl
        label="Search by"
        value="keywords"
        onChange={onChange}
        options={[
          { value: 'keywords', label: 'Words' },
          { value: 'image', label: 'Picture', disabled: true },
        ]}
      />,
    );
    const group = root.querySelector('[role="radiogroup"]') as HTMLElement;
    expect(group.getAttribute('aria-label')).toBe('Search by');
    const [words, picture] = [...root.querySelectorAll('input[type="radio"]')] as HTMLInputElement[];
    // linkedom keeps these as attributes (no reflecting properties).
    expect(words?.hasAttribute('checked')).toBe(true);
    expect(picture?.hasAttribute('checked')).toBe(false);
    expect(picture?.hasAttribute('disabled')).toBe(true);
    expect(words?.getAttribute('name')).toBe(picture?.getAttribute('name'));
    await fire(words as HTMLInputElement, 'change');
    expect(onChange).toHaveBeenCalledWith('keywords');
  });
});

describe('NumberField', () => {
  it('commits on change: clamped, rounded when whole numbers are asked, empty as null when allowed', async () => {
    const onCommit = vi.fn();
    const { root, fire } = await mount(
      <NumberField
        label="MOQ at most"
        value={null}
        min={1}
        max={100}
        integer
        allowEmpty
        onCommit={onCommit}
      />,
    );
    const input = root.querySelector('input') as HTMLInputElement;
    expect(root.querySelector('label')?.getAttribute('for')).toBe(input.getAttribute('id'));
    for (const [typed, committed] of [
      ['7.6', 8],
      ['500', 100],
      ['0', 1],
      ['', null],
    ] as const) {
      input.value = typed;
      await fire(input, 'change');
      expect(onCommit).toHaveBeenLastCalledWith(committed);
    }
  });
});

describe('side panel helpers', () => {
  it('fewerWords: the query without its last word, then two, … (at most three, never empty)', () => {
    expect(fewerWords('纯棉 短袖 T恤 女')).toEqual(['纯棉 短袖 T恤', '纯棉 短袖', '纯棉']);
    expect(fewerWords('  a   b  ')).toEqual(['a']);
    expect(fewerWords('保温杯')).toEqual([]);
    expect(fewerWords('a b c d e f')).toEqual(['a b c d e', 'a b c d', 'a b c']);
  });

  it('clock: minutes and seconds, hours when there are any', () => {
    expect(clock(0)).toBe('0:00');
    expect(clock(65)).toBe('1:05');
    expect(clock(720)).toBe('12:00');
    expect(clock(3723)).toBe('1:02:03');
  });
});
