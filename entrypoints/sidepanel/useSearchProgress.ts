import { useStorageItem } from '../../components/useStorageItem';
import { type SearchProgress, searchProgress } from '../../storage/search-progress';

/**
 * How the running search is getting on (storage/search-progress.ts, written by the background under the panel's
 * request id): null before its first report, after it ended, or with no search running.
 */
export function useSearchProgress(requestId: string | null): SearchProgress | null {
  const all = useStorageItem(searchProgress);
  if (!requestId || !all) return null;
  return all[requestId] ?? null;
}
