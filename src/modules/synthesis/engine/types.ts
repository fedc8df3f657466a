// The engine's public shapes. Plain data: what the CLI reads and writes and what the synthesis module stores.

/** One comment to group. */
export interface CommentInput {
  id: string;
  text: string;
  /** Section address in the draft ("III.2.a"); absent or empty for the draft as a whole. */
  section?: string | null;
  /** The unit (commune …) that collected it. */
  unit?: string | null;
  /** The contributor's social stratum. */
  stratum?: string | null;
  /** How it arrived (portal, conference, letter …). */
  channel?: string | null;
  /** How many people it stands for (a conference minute may record one opinion for many); default 1. */
  weight?: number | null;
}

/** One opinion: the comments that say it, counted. */
export interface Group {
  /** Stable: "g-" and the lowest member id when the group was first reported; never changes afterwards. */
  id: string;
  /** The section most of its members chose (by weight); null for the draft as a whole. */
  section: string | null;
  /** A member's text as written: the most common wording, with diacritics when any copy has them. */
  representative: string;
  /** Sum of the members' weights. */
  count: number;
  /** Member ids, sorted. */
  members: string[];
  /** Counts (weights) by stratum, unit and channel; comments without the field are not counted there. */
  strata: Record<string, number>;
  units: Record<string, number>;
  channels: Record<string, number>;
}

export interface Grouping {
  /** Largest first, then by id. */
  groups: Group[];
}

/**
 * A sentence-embedding model a deployment may plug in (none ships with Dân Ý: no model can be downloaded where it
 * is built). Texts in, one vector per text out, in order. The engine itself stays synchronous and pure: the caller
 * embeds the texts first (embedComments() in vectors.ts) and hands the vectors over in GroupingOptions.vectors.
 */
export interface EmbeddingProvider {
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** Tuning knobs; the defaults are what the benchmarks measure. */
export interface GroupingOptions {
  /** Cosine above which two texts that differ only a little (edits, typos, templates) are one opinion. */
  nearThreshold?: number;
  /** Cosine above which two differently worded texts that share no sentence frame are one opinion. */
  paraphraseThreshold?: number;
  /**
   * Sentence vectors by comment text, from an EmbeddingProvider. Optional: without them the engine is lexical only.
   * With them, two texts whose vectors' cosine reaches semanticThreshold may be one opinion even when they share
   * little vocabulary; every check that keeps opinions apart (figures, places, directions, requests against,
   * sections, one template put to another use) still applies. Candidates are still found by shared rare words.
   */
  vectors?: ReadonlyMap<string, Float32Array>;
  /** Vector cosine above which two texts are one opinion (depends on the model; calibrate it on labelled data). */
  semanticThreshold?: number;
}
