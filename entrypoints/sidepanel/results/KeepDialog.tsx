import { useId, useState } from 'preact/hooks';
import { t } from '../../../components/i18n';
import { Button, Chip } from '../../../components/ui';
import { sendMessage } from '../../../messaging/client';
import type { ShortlistEntry, StoredOffer } from '../../../storage/types';
import { Dialog } from './Dialog';
import { addTags } from './tags';

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
  const noteId = useId();
  const tagsId = useId();
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
      <div class="ui-field">
        <label class="ui-field__label" for={noteId}>
          {t('keepNote')}
        </label>
        <textarea
          id={noteId}
          class="ui-input sheet__textarea"
          rows={3}
          maxLength={2000}
          // The note is the dialog's first thing to write.
          autofocus
          placeholder={t('keepNotePlaceholder')}
          value={note}
          data-testid="keep-note"
          onInput={(e) => setNote(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
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
          data-testid="keep-tags"
          onInput={(e) => setTyped(e.currentTarget.value)}
          onKeyDown={(e) => {
            if ((e.key === 'Enter' || e.key === ',') && typed.trim()) {
              e.preventDefault();
              setTags(addTags(tags, typed));
              setTyped('');
            } else if (e.key === 'Backspace' && !typed && tags.length) setTags(tags.slice(0, -1));
          }}
        />
        <span class="ui-field__hint" id={`${tagsId}-hint`}>
          {t('keepTagsHint')}
        </span>
        {tags.length ? (
          <ul class="sheet__tags" aria-label={t('keepTags')} data-testid="keep-tag-list">
            {tags.map((tag) => (
              <li key={tag}>
                <Chip tone="accent" icon="close" onClick={() => setTags(tags.filter((x) => x !== tag))}>
                  <span aria-hidden="true">{tag}</span>
                  <span class="ui-visually-hidden">{t('keepTagRemove', [tag])}</span>
                </Chip>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </Dialog>
  );
}
