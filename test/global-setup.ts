import { ensurePgliteTemplate } from './pglite-template';

/** Builds the PGlite template once before the test files run in parallel. */
export default async function setup() {
  if (process.env.DANY_TEST_DB !== 'postgres') await ensurePgliteTemplate();
}
