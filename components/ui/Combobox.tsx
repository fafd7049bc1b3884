import type { Ref } from 'preact';
import { useId, useState } from 'preact/hooks';

/**
 * A text box with a list of suggestions under it (the ARIA 1.2 combobox pattern with a listbox): ↓/↑ move through
 * the suggestions, Enter takes the highlighted one, Escape closes the list, a click takes one. Typing is never
 * replaced by a suggestion until the person picks it. The list stays in the page while it has suggestions (hidden
 * when closed), so its content can be read without it being open.
 */
export function Combobox(props: {
  label: string;
  hideLabel?: boolean;
  value: string;
  onInput: (value: string) => void;
  suggestions: readonly string[];
  /** A suggestion was chosen (click or Enter on a highlighted one). */
  onPick: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
  class?: string;
  'data-testid'?: string;
  /** Test id of the suggestion list. */
  listTestId?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [active, setActive] = useState(-1);
  const items = props.suggestions;
  const open = focused && !dismissed && items.length > 0;
  const pick = (value: string) => {
    setActive(-1);
    setDismissed(true);
    props.onPick(value);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!items.length) return;
      e.preventDefault();
      setDismissed(false);
      // Positions -1 (back in the box) … n-1, wrapping; the first key on a closed list opens it at the top.
      const last = items.length - 1;
      if (!open) setActive(e.key === 'ArrowDown' ? 0 : last);
      else if (e.key === 'ArrowDown') setActive((i) => (i >= last ? -1 : i + 1));
      else setActive((i) => (i <= -1 ? last : i - 1));
      return;
    }
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      setDismissed(true);
      setActive(-1);
      return;
    }
    if (e.key === 'Enter' && open && active >= 0 && active < items.length) {
      e.preventDefault();
      pick(items[active] as string);
    }
  };
  const activeIndex = open && active >= 0 && active < items.length ? active : -1;
  return (
    <div class={`ui-combobox${props.class ? ` ${props.class}` : ''}`}>
      <label class={props.hideLabel ? 'ui-visually-hidden' : 'ui-field__label'} for={id}>
        {props.label}
      </label>
      <input
        id={id}
        ref={props.inputRef}
        class="ui-input ui-combobox__input"
        // Text, not search: ARIA gives a search box the searchbox role, which a combobox must not override.
        type="text"
        role="combobox"
        enterKeyHint="search"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeIndex >= 0 ? `${listId}-${activeIndex}` : undefined}
        value={props.value}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        data-testid={props['data-testid']}
        onInput={(e) => {
          setDismissed(false);
          setActive(-1);
          props.onInput((e.currentTarget as HTMLInputElement).value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          setActive(-1);
        }}
      />
      <div
        id={listId}
        class="ui-combobox__list"
        role="listbox"
        aria-label={props.label}
        hidden={!open}
        data-testid={props.listTestId}
      >
        {items.map((text, i) => (
          <div
            key={text}
            id={`${listId}-${i}`}
            role="option"
            class="ui-combobox__option"
            aria-selected={i === activeIndex}
            // Focus stays in the box (aria-activedescendant); the option is focusable only by pointer.
            tabIndex={-1}
            // Taking a suggestion must not blur the box first (the list would close under the pointer).
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(text)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') pick(text);
            }}
          >
            {text}
          </div>
        ))}
      </div>
    </div>
  );
}
