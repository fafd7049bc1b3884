import { useState } from 'preact/hooks';
import { t } from '../../components/i18n';
import { Button, TextField, Toggle } from '../../components/ui';
import { useStorageItem } from '../../components/useStorageItem';
import {
  inPageButton,
  type InPageButtonSettings as Settings,
  siteHost,
  withInPageButtonDefaults,
} from '../../storage/settings/spotter';

/**
 * The in-page "Find source" button: on or off everywhere, and the sites it is off on (each can be turned back
 * on; a site is added by its address). The content script follows every change at once.
 */
export function InPageButtonSettings() {
  const value = useStorageItem(inPageButton, withInPageButtonDefaults);
  const [site, setSite] = useState('');
  const [bad, setBad] = useState(false);
  if (!value) return null;
  const save = (patch: Partial<Settings>) => void inPageButton.setValue({ ...value, ...patch });
  const addSite = () => {
    const host = siteHost(site);
    setBad(host === null);
    if (!host) return;
    if (!value.offSites.includes(host)) save({ offSites: [...value.offSites, host].sort() });
    setSite('');
  };
  return (
    <section
      class="ui-stack ui-stack--loose"
      aria-labelledby="in-page-button-title"
      data-testid="in-page-button-settings"
    >
      <h2 id="in-page-button-title">{t('inPageButtonSection')}</h2>
      <Toggle
        label={t('settingInPageButton')}
        checked={value.enabled}
        onChange={(enabled) => save({ enabled })}
        data-testid="setting-in-page-button"
      />
      <h3 class="ui-section-title">{t('inPageButtonOffSites')}</h3>
      {value.offSites.length === 0 ? (
        <p class="ui-muted" data-testid="in-page-button-no-off-sites">
          {t('inPageButtonNoOffSites')}
        </p>
      ) : (
        <ul class="ui-stack ui-stack--tight" data-testid="in-page-button-off-sites">
          {value.offSites.map((host) => (
            <li key={host} class="ui-row" data-site={host}>
              <span>{host}</span>
              <Button
                size="sm"
                variant="ghost"
                icon="close"
                aria-label={t('inPageButtonRemoveLabel', [host])}
                onClick={() => save({ offSites: value.offSites.filter((h) => h !== host) })}
              >
                {t('inPageButtonRemove')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="ui-row"
        onSubmit={(e) => {
          e.preventDefault();
          addSite();
        }}
      >
        <TextField
          inline
          label={t('inPageButtonAddLabel')}
          value={site}
          placeholder="shop.example.com"
          maxLength={253}
          onInput={(next) => {
            setSite(next);
            setBad(false);
          }}
          data-testid="in-page-button-add-site"
        />
        <Button type="submit" size="sm" data-testid="in-page-button-add">
          {t('inPageButtonAdd')}
        </Button>
      </form>
      {bad ? (
        <p class="ui-small" role="alert" data-testid="in-page-button-bad-site">
          {t('inPageButtonBadSite')}
        </p>
      ) : null}
    </section>
  );
}
