import type { ComponentChildren, Ref } from 'preact';
import { t } from '../../components/i18n';
import { sourceLabel } from '../../components/source-text';
import { Button, Combobox, Icon, SegmentedControl, Select } from '../../components/ui';
import type { Source, SourceId } from '../../core/sources/index';
import type { Mode } from './useSearch';

/**
 * The search bar: which source, by words or by picture, the editable query with the source's own suggestions (or
 * the picture searched by), and one primary Search button. `children` is the row of filters and sort under it.
 */
export function SearchBar(props: {
  /** The sources offered: those the person has not turned off. */
  sources: readonly Source[];
  source: Source;
  onSource: (id: SourceId) => void;
  mode: Mode;
  onMode: (mode: Mode) => void;
  /** A picture to search by, when there is one and the source searches by pictures. */
  imageUrl: string | null;
  query: string;
  onQuery: (query: string) => void;
  suggestions: readonly string[];
  onPickSuggestion: (query: string) => void;
  busy: boolean;
  onSubmit: () => void;
  inputRef?: Ref<HTMLInputElement>;
  children?: ComponentChildren;
}) {
  const label = sourceLabel(props.source);
  const canPicture = !!props.imageUrl && props.source.supports.imageSearch;
  return (
    <form
      class="search-bar"
      aria-label={t('findSource')}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <div class="search-bar__row">
        <Select
          class="search-bar__source"
          size="sm"
          hideLabel
          label={t('searchSource')}
          value={props.source.id}
          data-testid="search-source"
          options={props.sources.map((s) => ({ value: s.id, label: sourceLabel(s) }))}
          onChange={props.onSource}
        />
        <SegmentedControl
          size="sm"
          label={t('searchBy')}
          value={props.mode}
          data-testid="search-mode"
          onChange={props.onMode}
          options={[
            { value: 'keywords', label: t('byKeywords'), icon: 'text' },
            {
              value: 'image',
              label: t('byImage'),
              icon: 'image',
              disabled: !canPicture,
              title: canPicture ? undefined : t('byImageUnavailable', [label]),
            },
          ]}
        />
      </div>
      <div class="search-bar__row search-bar__row--query">
        {props.mode === 'keywords' ? (
          <Combobox
            class="search-bar__query"
            hideLabel
            label={t('searchQuery')}
            placeholder={t('searchQueryPlaceholder')}
            value={props.query}
            maxLength={200}
            suggestions={props.suggestions}
            onInput={props.onQuery}
            onPick={props.onPickSuggestion}
            inputRef={props.inputRef}
            data-testid="search-query"
            listTestId="query-suggestions"
          />
        ) : (
          <div class="search-bar__picture" data-testid="search-picture">
            {props.imageUrl ? (
              <img
                class="search-bar__thumb"
                src={props.imageUrl}
                alt={t('searchPictureAlt')}
                referrerpolicy="no-referrer"
              />
            ) : (
              <Icon name="image" size={20} />
            )}
            <span class="ui-small ui-muted">{t('searchingByPicture')}</span>
          </div>
        )}
        <Button
          type="submit"
          variant="primary"
          icon="search"
          busy={props.busy}
          disabled={props.busy}
          data-testid="search-button"
        >
          {t('search', [label])}
        </Button>
      </div>
      {props.children}
    </form>
  );
}
