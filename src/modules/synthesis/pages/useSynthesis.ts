// One organization's synthesis on a page: loading it (before its first build it reads as 'not_built'), and running
// writes that all carry the revision the user was looking at. A 409 REVISION_CONFLICT means someone else changed it: say so and
// reload everything.
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { api, ApiError, errorMessage, type CurationStep, type Synthesis } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { useAsync } from '../../../web/ui/hooks';

/** A curation step without the revision, which `step` adds. */
export type StepBody = CurationStep extends infer S ? (S extends { expectedRevision: number } ? Omit<S, 'expectedRevision'> : never) : never;

export function useSynthesis(consultationId: number, organizationId: number) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const synthesis = useAsync((signal) => api.synthesis.get(consultationId, organizationId, signal), [consultationId, organizationId]);
  const [busy, setBusy] = useState<string | null>(null);
  const s = synthesis.data && synthesis.data.organizationId === organizationId && synthesis.data.consultationId === consultationId ? synthesis.data : undefined;
  // A write's answer (setData) replaces an earlier failure to load.
  const error = s ? undefined : synthesis.error;

  /** Runs one write; true when it went through. */
  const run = useCallback(
    async (what: string, write: () => Promise<Synthesis>, done?: string): Promise<boolean> => {
      setBusy(what);
      try {
        synthesis.setData(await write());
        if (done) void message.success(done);
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.code === 'REVISION_CONFLICT') {
          void message.warning({ content: t('synthesis.conflict'), duration: 6 });
          synthesis.reload();
        } else {
          void message.error({ content: errorMessage(err), duration: 6 });
        }
        return false;
      } finally {
        setBusy(null);
      }
    },
    [synthesis, message, t],
  );

  const step = useCallback(
    (what: string, body: StepBody, done?: string) => {
      const revision = s?.revision ?? 0;
      return run(what, () => api.synthesis.step(consultationId, organizationId, { ...body, expectedRevision: revision } as CurationStep), done);
    },
    [run, s?.revision, consultationId, organizationId],
  );

  return { synthesis: s, loading: synthesis.loading, error, notBuilt: s?.status === 'not_built', reload: synthesis.reload, busy, run, step };
}
