import { t } from '../../../components/i18n';
import { languageReady } from '../../../components/language';
import { sourceLabelById } from '../../../components/source-text';
import type { SourceId } from '../../../core/sources/index';
import { isSourceDisabled } from '../../../storage/settings/sources';

/**
 * A source the person turned off in the options is asked nothing: no search, no suggestion, no offer page. The
 * side panel does not offer it, so this answers only a request made before the panel saw the change (or by hand):
 * an error that says why, in the person's language, checked before the source's code is even loaded.
 */
export async function turnedOff(source: SourceId): Promise<{ state: 'error'; message: string } | null> {
  if (!(await isSourceDisabled(source))) return null;
  await languageReady();
  return { state: 'error', message: t('sourceTurnedOff', [sourceLabelById(source)]) };
}
