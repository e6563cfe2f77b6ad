// Which violence cases' details an answer carries, so that each one is written to the access
// log: a pull's records, a conflict's server version, a merged record (it holds the other
// version's fields). Pure: the route logs what this finds, in one insert.
import type { CaseAccessVia } from '../../src/domain/audit.ts';
import type { PullResponse, PushResponse } from '../../src/domain/index.ts';

export function casesInPull(response: PullResponse): string[] {
  return response.records.filter((r) => r.kind === 'violenceCase' && r.record !== null).map((r) => r.id);
}

export function casesInPush(response: PushResponse): Array<{ recordId: string; via: CaseAccessVia }> {
  return response.results.flatMap((result): Array<{ recordId: string; via: CaseAccessVia }> => {
    if (result.status === 'conflict' && result.server.kind === 'violenceCase' && result.server.record !== null) {
      return [{ recordId: result.server.id, via: 'conflict' }];
    }
    if (result.status === 'applied' && result.merged?.kind === 'violenceCase') return [{ recordId: result.merged.id, via: 'merge' }];
    return [];
  });
}
