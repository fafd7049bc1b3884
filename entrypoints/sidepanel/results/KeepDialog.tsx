import { useState } from 'preact/hooks';
import { t } from '../../../components/i18n';
import { NoteTagsFields } from '../../../components/NoteTagsFields';
import { addTags } from '../../../components/tags';
import { Button } from '../../../components/ui';
import { sendMessage } from '../../../messaging/client';
import type { ShortlistEntry, StoredOffer } from '../../../storage/types';
import { Dialog } from './Dialog';

/**
 * Keep an offer with a note and tags in one step (`keepOffer`): the note first (focused), tags typed and turned
 * into chips with Enter or a comma, Save. For an offer already kept the same dialog edits them, and can drop it
 * from the shortlist.
 */
export function KeepDialog(props: {
  offer: StoredOffer;
  /** Its shortlist entry when it is kept already. */
  entry: ShortlistEntry | null;
  /** The retail product it is kept for. */
  productKey: string | null;
  onClose: () => void;
  /** Said in a toast once the shortlist has it (or no longer has it). */
  onDone: (message: string, tone?: 'neutral' | 'error') => void;
}) {
  const [note, setNote] = useState(props.entry?.note ?? '');
  const [tags, setTags] = useState<string[]>(props.entry?.tags ?? []);
  const [typed, setTyped] = useState('');
  const [saving, setSaving] = useState(false);
  const key = props.offer.key;

  const save = async () => {
    setSaving(true);
    const all = typed.trim() ? addTags(tags, typed) : tags;
    try {
      await sendMessage('keepOffer', { offerKey: key, productKey: props.productKey, note, tags: all });
      props.onDone(t('keptToast'));
      props.onClose();
    } catch {
      props.onDone(t('keepFailed'), 'error');
      setSaving(false);
    }
  };
  const drop = async () => {
    try {
      await sendMessage('toggleShortlist', { offerKey: key, productKey: props.productKey });
      props.onDone(t('unkeptToast'));
    } catch {
      props.onDone(t('keepFailed'), 'error');
    }
    props.onClose();
  };

  return (
    <Dialog
      title={props.entry ? t('keepEditTitle') : t('keepTitle')}
      onClose={props.onClose}
      data-testid="keep-dialog"
      footer={
        <>
          {props.entry ? (
            <Button variant="ghost" data-testid="keep-remove" onClick={() => void drop()}>
              {t('keepRemove')}
            </Button>
          ) : null}
          <span class="ui-spacer" />
          <Button
            variant="primary"
            icon="check"
            busy={saving}
            data-testid="keep-save"
            onClick={() => void save()}
          >
            {t('keepSave')}
          </Button>
        </>
      }
    >
      <p class="ui-clamp-2 ui-small">{props.offer.title}</p>
      <NoteTagsFields
        note={note}
        onNote={setNote}
        tags={tags}
        onTags={setTags}
        typed={typed}
        onTyped={setTyped}
        onSubmit={() => void save()}
        testIds="keep"
        noteClass="sheet__textarea"
        tagListClass="sheet__tags"
        // The note is the dialog's first thing to write.
        autofocus
      />
    </Dialog>
  );
}
