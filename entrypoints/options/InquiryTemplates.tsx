import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { t } from '../../components/i18n';
import { Banner, Button, Card, SegmentedControl } from '../../components/ui';
import { useStorageItem } from '../../components/useStorageItem';
import {
  composeInquiry,
  DEFAULT_TEMPLATES,
  editsFrom,
  INQUIRY_PARTS,
  INQUIRY_PLACEHOLDERS,
  type InquiryPart,
  resolveTemplates,
  type TemplateSet,
  type InquiryTemplates as Templates,
  unknownPlaceholders,
} from '../../core/inquiry';
import type { WholesaleOffer } from '../../core/sources/types';
import { inquiryTemplates } from '../../storage/settings/inquiry';
import './inquiry-templates.css';

/** Each template set, by name. */
const SET_TEXT: Record<TemplateSet, () => string> = {
  zh: () => t('templatesSetZh'),
  gloss: () => t('templatesSetGloss'),
  en: () => t('templatesSetEn'),
};

/** Each part of a message, by what it is for. */
const PART_TEXT: Record<InquiryPart, () => string> = {
  greeting: () => t('templatePartGreeting'),
  offer: () => t('templatePartOffer'),
  variant: () => t('templatePartVariant'),
  price: () => t('templatePartPrice'),
  quote: () => t('templatePartQuote'),
  belowMoq: () => t('templatePartBelowMoq'),
  dropship: () => t('templatePartDropship'),
  samples: () => t('templatePartSamples'),
  leadTime: () => t('templatePartLeadTime'),
  customisation: () => t('templatePartCustomisation'),
  note: () => t('templatePartNote'),
  closing: () => t('templatePartClosing'),
};

/** The offer the preview is written for. */
const SAMPLE: Pick<
  WholesaleOffer,
  'title' | 'url' | 'currency' | 'priceTiers' | 'priceMinMinor' | 'moq' | 'unit' | 'supplier'
> = {
  title: '纯棉短袖T恤女 宽松 上衣',
  url: 'https://detail.1688.com/offer/600000000001.html',
  currency: 'CNY',
  priceTiers: [
    { minQty: 2, priceMinor: 1500 },
    { minQty: 50, priceMinor: 1250 },
  ],
  priceMinMinor: 1250,
  moq: 2,
  unit: '件',
  supplier: {
    name: '义乌示例工厂',
    loginId: null,
    memberId: null,
    province: null,
    city: null,
    years: null,
    isFactory: null,
    badges: [],
    repurchaseRate: null,
    shopUrl: null,
  },
};

/**
 * The words of "Ask the supplier" (the side panel's 询 dialog), part by part, for each of the three sets: the
 * Chinese message, its English gloss, and the English message for international sources. `{placeholders}` are
 * filled in per offer; a part left empty is left out; a `{name}` that is not a placeholder is warned about (it
 * would reach the supplier as written). Each part and each set can go back to the default. Only the parts that
 * differ from the defaults are stored (`inquiryTemplates`, core/inquiry/templates.ts).
 */
export function InquiryTemplates() {
  const headingId = useId();
  const stored = useStorageItem(inquiryTemplates);
  const templates = useMemo(() => resolveTemplates(stored), [stored]);
  const [set, setSet] = useState<TemplateSet>('zh');
  const save = (next: Templates) => void inquiryTemplates.setValue(editsFrom(next));
  const setPart = (part: InquiryPart, value: string) =>
    save({ ...templates, [set]: { ...templates[set], [part]: value } });
  const changed = INQUIRY_PARTS.filter((p) => templates[set][p] !== DEFAULT_TEMPLATES[set][p]);
  const preview = composeInquiry(
    { offer: SAMPLE, quantity: 50, variant: '黑色>M', asks: { dropship: true, samples: true } },
    { language: set === 'en' ? 'en' : 'zh', templates },
  );
  const previewText = set === 'gloss' ? (preview.gloss ?? '') : preview.message;
  return (
    <Card
      as="section"
      class="options__section templates"
      aria-labelledby={headingId}
      data-testid="inquiry-templates"
    >
      <h2 id={headingId}>{t('templatesSection')}</h2>
      <p class="ui-muted options__intro">{t('templatesIntro')}</p>
      <p class="templates__placeholders ui-small">
        <span class="ui-muted">{t('templatesPlaceholders')}</span>{' '}
        {INQUIRY_PLACEHOLDERS.map((name) => (
          <code key={name}>{`{${name}}`}</code>
        ))}
      </p>
      <div class="templates__bar">
        <SegmentedControl
          size="sm"
          label={t('templatesSet')}
          value={set}
          data-testid="templates-set"
          onChange={setSet}
          options={(['zh', 'gloss', 'en'] as const).map((s) => ({ value: s, label: SET_TEXT[s]() }))}
        />
        <span class="ui-spacer" />
        <Button
          size="sm"
          variant="ghost"
          icon="refresh"
          disabled={!changed.length}
          data-testid="templates-reset-all"
          onClick={() => save({ ...templates, [set]: DEFAULT_TEMPLATES[set] })}
        >
          {t('templatesResetSet')}
        </Button>
      </div>
      <div class="templates__parts">
        {INQUIRY_PARTS.map((part) => (
          <TemplatePart
            key={`${set}-${part}`}
            label={PART_TEXT[part]()}
            value={templates[set][part]}
            isDefault={templates[set][part] === DEFAULT_TEMPLATES[set][part]}
            testId={`template-${set}-${part}`}
            onCommit={(value) => setPart(part, value)}
            onReset={() => setPart(part, DEFAULT_TEMPLATES[set][part])}
          />
        ))}
      </div>
      <div class="templates__preview">
        <h3 class="ui-field__label">{t('templatesPreview')}</h3>
        <pre lang={set === 'zh' ? 'zh-CN' : 'en'} data-testid="templates-preview">
          {previewText}
        </pre>
      </div>
    </Card>
  );
}

/** One part's words: a text area committed when it loses focus, its unknown placeholders, back to default. */
function TemplatePart(props: {
  label: string;
  value: string;
  isDefault: boolean;
  testId: string;
  onCommit: (value: string) => void;
  onReset: () => void;
}) {
  const id = useId();
  // What is being typed, until the stored value changes (the commit saved, a reset, another page's edit).
  const [draft, setDraft] = useState<string | null>(null);
  useEffect(() => setDraft(null), [props.value]);
  const text = draft ?? props.value;
  const unknown = unknownPlaceholders(text);
  return (
    <div class="ui-field templates__part">
      <div class="templates__part-head">
        <label class="ui-field__label" for={id}>
          {props.label}
        </label>
        {props.isDefault ? null : (
          <Button size="sm" variant="ghost" data-testid={`${props.testId}-reset`} onClick={props.onReset}>
            {t('templatesResetPart')}
          </Button>
        )}
      </div>
      <textarea
        id={id}
        class="ui-input templates__text"
        rows={Math.min(4, text.split('\n').length + 1)}
        maxLength={1000}
        value={text}
        placeholder={t('templatesEmptyPart')}
        aria-describedby={unknown.length ? `${id}-unknown` : undefined}
        data-testid={props.testId}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => props.onCommit(e.currentTarget.value)}
      />
      {unknown.length ? (
        <Banner tone="warn" data-testid={`${props.testId}-unknown`}>
          <p id={`${id}-unknown`}>{t('templatesUnknown', [unknown.join(' ')])}</p>
        </Banner>
      ) : null}
    </div>
  );
}
