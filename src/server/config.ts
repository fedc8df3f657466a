/** Settings from the environment, read once at start-up. */
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  adminPassword?: string;
  logLevel: string;
  /** Where the administrative-division files are looked for when seeding demo data. */
  sharedDataDir: string;
  seedDemo: boolean;
  /** Sample work (a consultation, a reporting campaign) on a fresh demo database. */
  seedSamples: boolean;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR ?? 'data',
    adminPassword: env.ADMIN_PASSWORD || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    sharedDataDir: env.DANY_SHARED_DATA ?? '../shared/data',
    seedDemo: env.SEED_DEMO !== '0',
    seedSamples: env.SEED_DEMO !== '0' && env.SEED_SAMPLES !== '0',
  };
}

export const VERSION = '0.1.0';
