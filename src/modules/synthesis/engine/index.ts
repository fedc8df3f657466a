// The synthesis engine: groups citizens' comments on a draft into opinions. Pure: no database, no HTTP, no files.
import { GroupingIndex } from './cluster';
import type { CommentInput, Grouping, GroupingOptions } from './types';

export { GroupingIndex } from './cluster';
export { normalizeComment, type NormalizedComment, type OpinionKind } from './normalize';
export { embedComments } from './vectors';
export type { CommentInput, EmbeddingProvider, Group, Grouping, GroupingOptions } from './types';

/** Groups comments from scratch: every comment in exactly one group. Same comments, same groups, in any order. */
export function groupComments(comments: CommentInput[], options: GroupingOptions = {}): Grouping {
  return GroupingIndex.build(comments, options).grouping();
}
