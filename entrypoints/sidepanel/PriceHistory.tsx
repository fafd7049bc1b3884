import { t } from '../../components/i18n';
import { Price } from '../../components/Price';
import { useLiveQuery } from '../../components/useLiveQuery';
import { db } from '../../storage/db';
import { priceHistory } from '../../storage/products';

/** Every price seen for one product, newest first. */
export function PriceHistory(props: { subjectKey: string }) {
  const rows = useLiveQuery(() => priceHistory(db(), props.subjectKey), [props.subjectKey]);
  if (!rows || rows.length === 0) return null;
  return (
    <section>
      <h2>{t('priceHistory')}</h2>
      <table class="history" data-testid="price-history">
        <tbody>
          {[...rows].reverse().map((row) => (
            <tr key={row.id}>
              <td>{new Date(row.at).toLocaleString()}</td>
              <td>
                <Price minor={row.minor} maxMinor={row.maxMinor} currency={row.currency} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
