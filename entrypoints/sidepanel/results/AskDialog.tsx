import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { copyText } from '../../../components/diagnostics';
import { t } from '../../../components/i18n';
import { sourceLabel } from '../../../components/source-text';
import { Button, Checkbox, NumberField, Select, TextField } from '../../../components/ui';
import { composeInquiry, type InquiryAsks, type InquiryTemplates } from '../../../core/inquiry';
import { sourceById } from '../../../core/sources/index';
import { safeHttpUrl } from '../../../core/url';
import { sendMessage } from '../../../messaging/client';
import type { StoredOffer } from '../../../storage/types';
import { Dialog } from './Dialog';
import { openInNewTab } from './offer-actions';
import type { DetailState } from './useOfferDetails';

/** The things a buyer asks besides the price, in the order shown, each with its label. */
const ASKS: { key: keyof InquiryAsks; label: () => string }[] = [
  { key: 'dropship', label: () => t('askDropship') },
  { key: 'samples', label: () => t('askSamples') },
  { key: 'leadTime', label: () => t('askLeadTime') },
  { key: 'customisation', label: () => t('askCustomisation') },
];

/**
 * Ask the supplier (询): the message in the supplier's language (Chinese for 1688, with the English of each line
 * under it), composed from the templates (Options) for this offer — the quantity, the variant (from the offer's
 * page when it was read, else typed), and the questions ticked — and editable. One click copies it, opens the
 * supplier's contact entry (旺旺 on 1688; the offer's page when the entry cannot be built) in a new tab and marks
 * the offer "contacted" on the shortlist.
 */
export function AskDialog(props: {
  offer: StoredOffer;
  productKey: string | null;
  /** The buyer's usual quantity (Options), to start from. */
  quantity: number;
  /** The offer's page, when it was read: its variants. */
  details: DetailState | undefined;
  /** The person's wording (Options), resolved over the defaults: read before the sheet opens. */
  templates: InquiryTemplates;
  onClose: () => void;
  onDone: (message: string, tone?: 'neutral' | 'error') => void;
}) {
  const o = props.offer;
  const source = sourceById(o.source);
  const language = source?.inquiryLanguage ?? 'zh';
  const templates = props.templates;
  const [quantity, setQuantity] = useState(props.quantity);
  const [variant, setVariant] = useState('');
  // Dropshipping is worth asking when the offer does not say; samples almost always.
  const [asks, setAsks] = useState<InquiryAsks>({ dropship: o.dropship !== true, samples: true });
  const inquiry = useMemo(
    () => composeInquiry({ offer: o, quantity, variant: variant || null, asks }, { language, templates }),
    [o, quantity, variant, asks, language, templates],
  );
  const [message, setMessage] = useState(inquiry.message);
  // A new choice rewrites the message (the person's edits are for the last touches).
  useEffect(() => setMessage(inquiry.message), [inquiry.message]);
  const messageId = useId();
  const glossId = useId();

  const skus =
    props.details && props.details !== 'loading' && props.details.state === 'ok' ? props.details.skus : [];
  const contact = safeHttpUrl(source?.pages.contact?.(o) ?? o.url) ?? safeHttpUrl(o.url);
  const where = source ? sourceLabel(source) : o.source;

  // Copied first, then the chat opens: the clipboard is written while the panel still has the focus.
  const send = async () => {
    try {
      await copyText(message);
    } catch {
      props.onDone(t('copyFailed'), 'error');
      return;
    }
    if (contact) await openInNewTab(contact);
    props.onClose();
    try {
      await sendMessage('setOfferStatus', {
        offerKey: o.key,
        productKey: props.productKey,
        status: 'contacted',
      });
      props.onDone(t('askedToast', [where]));
    } catch {
      props.onDone(t('askedNotMarked'), 'error');
    }
  };

  return (
    <Dialog
      title={t('askTitleFor', [where])}
      onClose={props.onClose}
      data-testid="ask-dialog"
      footer={
        <>
          <Button
            variant="ghost"
            icon="copy"
            data-testid="ask-copy"
            onClick={() =>
              void copyText(message).then(
                () => props.onDone(t('askCopiedToast')),
                () => props.onDone(t('copyFailed'), 'error'),
              )
            }
          >
            {t('askCopyOnly')}
          </Button>
          <span class="ui-spacer" />
          <Button variant="primary" icon="external" data-testid="ask-send" onClick={() => void send()}>
            {t('askSend')}
          </Button>
        </>
      }
    >
      <p class="ui-clamp-2 ui-small">{o.title}</p>
      <fieldset class="ask__asks">
        <legend class="ui-field__label">{t('askWhat')}</legend>
        {ASKS.map((a) => (
          <Checkbox
            key={a.key}
            label={a.label()}
            checked={asks[a.key] === true}
            data-testid={`ask-${a.key}`}
            onChange={(on) => setAsks({ ...asks, [a.key]: on })}
          />
        ))}
      </fieldset>
      <div class="ui-row">
        <NumberField
          inline
          label={t('askQuantity')}
          min={1}
          max={10_000_000}
          integer
          width="sm"
          value={quantity}
          data-testid="ask-quantity"
          onCommit={(n) => setQuantity(n ?? 1)}
        />
        {skus.length ? (
          <Select
            size="sm"
            label={t('askVariant')}
            value={variant}
            data-testid="ask-variant"
            options={[
              { value: '', label: t('askAnyVariant') },
              ...skus.slice(0, 100).map((sku) => ({ value: sku.spec, label: sku.spec })),
            ]}
            onChange={setVariant}
          />
        ) : (
          <TextField
            label={t('askVariant')}
            placeholder={t('askVariantPlaceholder')}
            maxLength={60}
            value={variant}
            data-testid="ask-variant"
            onChange={setVariant}
          />
        )}
      </div>
      <div class="ui-field">
        <label class="ui-field__label" for={messageId}>
          {language === 'zh' ? t('askMessageZh') : t('askMessageEn')}
        </label>
        <textarea
          id={messageId}
          class="ui-input sheet__textarea ask__message"
          lang={language === 'zh' ? 'zh-CN' : 'en'}
          rows={Math.min(12, Math.max(5, inquiry.lines.length + 1))}
          maxLength={4000}
          value={message}
          aria-describedby={inquiry.gloss ? glossId : undefined}
          data-testid="ask-message"
          onInput={(e) => setMessage(e.currentTarget.value)}
        />
      </div>
      {inquiry.gloss ? (
        <section class="ask__gloss" aria-labelledby={glossId} data-testid="ask-gloss">
          <h3 class="ui-field__label" id={glossId}>
            {t('askGloss')}
          </h3>
          <ol lang="en">
            {inquiry.lines.map((line, i) => (
              // Lines can repeat (empty ones): their position is their identity.
              <li key={i}>
                <span class="ask__zh" lang="zh-CN">
                  {line.text}
                </span>
                <span class="ask__en">{line.gloss ?? ''}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </Dialog>
  );
}
