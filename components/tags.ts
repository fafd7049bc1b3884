import { cleanTags } from '../storage/shortlist';

/**
 * A tag typed into a note-and-tags form added to the tags (split on commas, cleaned as the shortlist keeps them:
 * trimmed, lower-cased, each once, at most 20).
 */
export function addTags(tags: readonly string[], typed: string): string[] {
  return cleanTags([...tags, ...typed.split(/[,，、]/)]);
}
