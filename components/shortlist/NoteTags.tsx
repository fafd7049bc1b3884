import { useEffect, useId, useState } from 'preact/hooks';
import type { ShortlistEntry } from '../../storage/types';
import { t } from '../i18n';
import { NoteTagsFields } from '../NoteTagsFields';
import { addTags } from '../tags';
import { Button } from '../ui';

/**
 * The kept offer's note and tags, edited in place and saved together (the background's keepOffer): Enter or a
 * comma adds a tag, Backspace in an empty box takes the last one off, Ctrl+Enter in the note saves.
 */
export function NoteTags(props: {
  entry: ShortlistEntry;
  busy: boolean;
  onSave: (change: { note: string; tags: string[] }) => void;
}) {
  const headingId = useId();
  const [note, setNote] = useState(props.entry.note);
  const [tags, setTags] = useState<string[]>(props.entry.tags);
  const [typed, setTyped] = useState('');
  // What was saved elsewhere (the side panel) shows here unless the buyer is editing it.
  useEffect(() => setNote(props.entry.note), [props.entry.note]);
  useEffect(() => setTags(props.entry.tags), [props.entry.tags.join('\n')]);
  const withTyped = () => addTags(tags, typed);
  const dirty =
    note !== props.entry.note || tags.join('\n') !== props.entry.tags.join('\n') || !!typed.trim();
  const save = () => {
    const all = withTyped();
    setTags(all);
    setTyped('');
    props.onSave({ note, tags: all });
  };
  return (
    <section class="sl-detail__section" aria-labelledby={headingId} data-testid="note-tags">
      <h3 id={headingId} class="ui-section-title">
        {t('shortlistNotesTitle')}
      </h3>
      <NoteTagsFields
        note={note}
        onNote={setNote}
        tags={tags}
        onTags={setTags}
        typed={typed}
        onTyped={setTyped}
        onSubmit={save}
        testIds="detail"
        noteClass="sl-detail__note"
        tagListClass="sl-tags"
      />
      <div class="ui-row">
        <Button
          size="sm"
          variant="primary"
          icon="check"
          busy={props.busy}
          disabled={!dirty}
          data-testid="detail-save"
          onClick={save}
        >
          {t('keepSave')}
        </Button>
      </div>
    </section>
  );
}
