import { useId } from 'preact/hooks';
import { t } from './i18n';
import { addTags } from './tags';
import { Chip } from './ui';

/**
 * The note and tags of a kept offer as form fields — the side panel's Keep dialog and the popup's detail view edit
 * the same two things the same way: Enter or a comma turns what was typed into a tag chip, Backspace in an empty
 * box takes the last one off, a chip's button removes it, Ctrl+Enter in the note submits. The owner holds the
 * state (what is saved, and when, is its business); `testIds` prefixes the test ids (`<prefix>-note`, …).
 */
export function NoteTagsFields(props: {
  note: string;
  onNote: (note: string) => void;
  tags: string[];
  onTags: (tags: string[]) => void;
  /** Text typed in the tag box, not yet a chip. */
  typed: string;
  onTyped: (typed: string) => void;
  onSubmit: () => void;
  testIds: 'keep' | 'detail';
  noteClass: string;
  tagListClass: string;
  autofocus?: boolean;
}) {
  const noteId = useId();
  const tagsId = useId();
  const { tags, typed } = props;
  return (
    <>
      <div class="ui-field">
        <label class="ui-field__label" for={noteId}>
          {t('keepNote')}
        </label>
        <textarea
          id={noteId}
          class={`ui-input ${props.noteClass}`}
          rows={3}
          maxLength={2000}
          autofocus={props.autofocus}
          placeholder={t('keepNotePlaceholder')}
          value={props.note}
          data-testid={`${props.testIds}-note`}
          onInput={(e) => props.onNote(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) props.onSubmit();
          }}
        />
      </div>
      <div class="ui-field">
        <label class="ui-field__label" for={tagsId}>
          {t('keepTags')}
        </label>
        <input
          id={tagsId}
          class="ui-input"
          maxLength={200}
          placeholder={t('keepTagsPlaceholder')}
          value={typed}
          aria-describedby={`${tagsId}-hint`}
          data-testid={`${props.testIds}-tags`}
          onInput={(e) => props.onTyped(e.currentTarget.value)}
          onKeyDown={(e) => {
            if ((e.key === 'Enter' || e.key === ',') && typed.trim()) {
              e.preventDefault();
              props.onTags(addTags(tags, typed));
              props.onTyped('');
            } else if (e.key === 'Backspace' && !typed && tags.length) props.onTags(tags.slice(0, -1));
          }}
        />
        <span class="ui-field__hint" id={`${tagsId}-hint`}>
          {t('keepTagsHint')}
        </span>
        {tags.length ? (
          <ul class={props.tagListClass} aria-label={t('keepTags')} data-testid={`${props.testIds}-tag-list`}>
            {tags.map((tag) => (
              <li key={tag}>
                <Chip tone="accent" icon="close" onClick={() => props.onTags(tags.filter((x) => x !== tag))}>
                  <span aria-hidden="true">{tag}</span>
                  <span class="ui-visually-hidden">{t('keepTagRemove', [tag])}</span>
                </Chip>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </>
  );
}
