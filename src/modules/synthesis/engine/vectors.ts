// The seam for an optional sentence-embedding model. The engine is pure and synchronous, so vectors are computed
// before grouping, by whoever holds the provider, and passed in (GroupingOptions.vectors).
import type { CommentInput, EmbeddingProvider } from './types';

/** Texts sent to the provider per call. */
const EMBED_BATCH = 256;

/**
 * Embeds the distinct texts of `comments` with `provider`, in batches, and returns the vectors by text, ready for
 * GroupingOptions.vectors. Texts are embedded in first-seen order; the same comments give the same map.
 */
export async function embedComments(comments: CommentInput[], provider: EmbeddingProvider): Promise<Map<string, Float32Array>> {
  const texts = [...new Set(comments.map((c) => c.text))];
  const out = new Map<string, Float32Array>();
  for (let i = 0; i < texts.length; i += EMBED_BATCH) {
    const batch = texts.slice(i, i + EMBED_BATCH);
    const vectors = await provider.embed(batch);
    if (vectors.length !== batch.length) throw new Error(`embedding provider returned ${vectors.length} vectors for ${batch.length} texts`);
    batch.forEach((t, k) => out.set(t, vectors[k]));
  }
  return out;
}

/** Cosine of two vectors; 0 when either is empty, zero or of another length. */
export function vectorCosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length || !a.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}
