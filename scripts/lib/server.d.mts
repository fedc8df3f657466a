// Types of server.mjs for the TypeScript browser tests.
export interface StartedServer {
  baseUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

export function startServer(options: { root: string; adminPassword: string; env?: Record<string, string>; logFile: string; timeoutMs?: number }): Promise<StartedServer>;
