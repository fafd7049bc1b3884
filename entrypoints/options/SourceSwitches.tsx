import { t } from '../../components/i18n';
import { sourceLabel } from '../../components/source-text';
import { Toggle } from '../../components/ui';
import { useStorageItem } from '../../components/useStorageItem';
import { SOURCES } from '../../core/sources/index';
import { disabledSources, withDisabledDefaults } from '../../storage/settings/sources';

/**
 * Which registered sources SourceLens searches: one switch each, on by default. A source turned off is not
 * offered in the side panel and the background sends it nothing; its limits below still apply once it is back on.
 */
export function SourceSwitches() {
  const off = useStorageItem(disabledSources, withDisabledDefaults);
  return (
    <div class="ui-stack" data-testid="source-switches">
      <h3 class="ui-section-title">{t('sourcesOnTitle')}</h3>
      <p class="ui-small ui-muted">{t('sourcesOnHint')}</p>
      {SOURCES.map((source) => (
        <Toggle
          key={source.id}
          label={sourceLabel(source)}
          checked={off ? !off.includes(source.id) : true}
          disabled={off === undefined}
          data-testid={`setting-source-${source.id}`}
          onChange={(on) => {
            if (!off) return;
            const next = on ? off.filter((id) => id !== source.id) : [...off, source.id];
            // Kept in registry order, each id once.
            void disabledSources.setValue(SOURCES.map((s) => s.id).filter((id) => next.includes(id)));
          }}
        />
      ))}
    </div>
  );
}
