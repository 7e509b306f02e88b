// Group completion as the admin types (docs/tenant-editor.md): each search's answer is kept, and a longer
// prefix is answered from a shorter one whose answer was complete, so most keystrokes need no request.
import { matchesEveryWord } from '../model/wordSearch';
import type { TenantGroup } from './tenantCatalog';

/** How many groups one search asks for; an answer shorter than this holds every match. */
export const GROUP_SEARCH_PAGE = 25;
const MAX_ANSWERS = 200;

/** Graph's `$search` on displayName matches words by prefix; the simulator does the same (docs/simulator.md). */
export function groupNameMatches(displayName: string, term: string): boolean {
  return matchesEveryWord(displayName, term);
}

export class GroupSearchCache {
  private readonly answers = new Map<string, readonly TenantGroup[]>();

  /** The groups matching `text` when an earlier answer holds them all; undefined when the backend must be asked. */
  lookup(text: string): readonly TenantGroup[] | undefined {
    const term = text.trim().toLowerCase();
    const exact = this.answers.get(term);
    if (exact) return exact;
    for (let n = term.length - 1; n >= 0; n--) {
      const shorter = this.answers.get(term.slice(0, n));
      if (shorter && shorter.length < GROUP_SEARCH_PAGE)
        return shorter.filter((g) => groupNameMatches(g.displayName, term));
    }
    return undefined;
  }

  remember(text: string, groups: readonly TenantGroup[]): void {
    if (this.answers.size >= MAX_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(text.trim().toLowerCase(), groups);
  }

  clear(): void {
    this.answers.clear();
  }
}
