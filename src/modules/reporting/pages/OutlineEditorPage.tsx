// Creating an outline, or a new version of one: paste the printed outline's text and check what the server read
// (sections, guidance, figures, and what it did not understand), or build it section by section; then save.
import { EyeOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Input, Row, Segmented, Skeleton, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { api, errorMessage } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { BackLink, ErrorAlert, PageTitle } from '../../../web/ui/Feedback';
import { useAsync } from '../../../web/ui/hooks';
import { MANAGE_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import { OrganizationSelect } from '../../organizations/pages/OrganizationSelect';
import { validateOutline } from '../outlines.model';
import { OutlineSchema, type Outline, type ReportIssue } from '../reporting.schema';
import { OutlineBuilder } from './OutlineBuilder';
import { OutlineView } from './OutlineSections';
import { IssueList, issuesOf } from './IssueList';
import { reportingPaths } from './paths';

const EMPTY: Outline = { title: '', guidance: '', sections: [] };

export function OutlineEditorPage() {
  const { id: idParam } = useParams();
  const id = idParam ? Number(idParam) : null;
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const mine = useMyOrganizations();
  const existing = useAsync((signal) => (id ? api.reporting.outline(id, undefined, signal) : Promise.resolve(undefined)), [id]);
  const [mode, setMode] = useState<'paste' | 'builder'>(id ? 'builder' : 'paste');
  const [organizationId, setOrganizationId] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [outline, setOutline] = useState<Outline>(EMPTY);
  const [parseIssues, setParseIssues] = useState<ReportIssue[]>([]);
  const [saveIssues, setSaveIssues] = useState<ReportIssue[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'parse' | 'save' | null>(null);

  useEffect(() => {
    if (existing.data) setOutline(existing.data.content);
  }, [existing.data]);
  useEffect(() => {
    if (organizationId === null && !id) setOrganizationId(mine.list.find((o) => mine.holdsAt(o.id, MANAGE_ROLES))?.id ?? null);
  }, [mine, organizationId, id]);

  // What the builder's own checks find, live; the server's answer to a save replaces them.
  const localIssues = useMemo(() => (outline.sections.length ? validateOutline(outline) : []), [outline]);
  const issues = saveIssues.length ? saveIssues : mode === 'paste' ? parseIssues : localIssues;

  const preview = async () => {
    setBusy('parse');
    setError(null);
    try {
      const parsed = await api.reporting.parseOutline({ text });
      setOutline(parsed.outline);
      setParseIssues(parsed.issues);
      setSaveIssues([]);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    setError(null);
    const parsed = OutlineSchema.safeParse(outline);
    if (!parsed.success) {
      setError(new Error(parsed.error.issues[0]?.message ?? t('outline.invalid')));
      return;
    }
    if (!id && !organizationId) {
      setError(new Error(t('users.organizationRequired')));
      return;
    }
    setBusy('save');
    try {
      const saved = id ? await api.reporting.addOutlineVersion(id, parsed.data) : await api.reporting.createOutline({ organizationId: organizationId!, outline: parsed.data });
      void message.success(id ? t('outlines.versionSaved', { n: saved.version }) : t('outlines.saved'));
      navigate(reportingPaths.outline(saved.id));
    } catch (err) {
      setSaveIssues(issuesOf(err));
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  if (existing.error) return <ErrorAlert error={existing.error} onRetry={existing.reload} />;
  if (id && !existing.data) return <Skeleton active />;
  const back = id ? <BackLink to={reportingPaths.outline(id)}>{existing.data?.title}</BackLink> : <BackLink to={reportingPaths.outlines}>{t('outlines.back')}</BackLink>;
  const saveButton = (
    <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={busy === 'save'} disabled={!outline.sections.length} onClick={() => void save()} data-testid="outline-save">
      {id ? t('outlines.saveVersion') : t('outlines.save')}
    </Button>
  );

  return (
    <>
      {back}
      <PageTitle sub={id ? t('outlines.newVersionHelp') : t('outlines.createHelp')} extra={saveButton}>
        {id ? t('outlines.newVersionOf', { title: existing.data?.title ?? '' }) : t('outlines.createTitle')}
      </PageTitle>
      {!id ? (
        <Card style={{ marginBottom: 16 }}>
          <label htmlFor="outline-org" className="field-label">
            {t('outlines.organization')}
          </label>
          <div style={{ maxWidth: 520 }}>
            <OrganizationSelect id="outline-org" value={organizationId} onChange={setOrganizationId} />
          </div>
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card>
            <Segmented
              aria-label={t('outlines.how')}
              value={mode}
              onChange={(v) => setMode(v as 'paste' | 'builder')}
              options={[
                { value: 'paste', label: <span data-testid="mode-paste">{t('outlines.paste')}</span> },
                { value: 'builder', label: <span data-testid="mode-builder">{t('outlines.builder')}</span> },
              ]}
              style={{ marginBottom: 16 }}
            />
            {mode === 'paste' ? (
              <>
                <label htmlFor="outline-text" className="field-label">
                  {t('outlines.text')}
                </label>
                <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                  {t('outlines.textHelp')}
                </Typography.Paragraph>
                <pre className="syntax-example">{t('outlines.textExample')}</pre>
                <Input.TextArea id="outline-text" value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 10, maxRows: 30 }} spellCheck={false} data-testid="outline-text" />
                <Flex gap={8} wrap style={{ marginTop: 12 }}>
                  <Button icon={<EyeOutlined aria-hidden />} loading={busy === 'parse'} disabled={!text.trim()} onClick={() => void preview()} data-testid="outline-preview">
                    {t('outlines.preview')}
                  </Button>
                  {outline.sections.length ? <Button onClick={() => setMode('builder')}>{t('outlines.editInBuilder')}</Button> : null}
                </Flex>
              </>
            ) : (
              <OutlineBuilder
                value={outline}
                onChange={(o) => {
                  setOutline(o);
                  setSaveIssues([]);
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card title={<h2 className="card-heading">{t('outlines.previewTitle')}</h2>} data-testid="outline-preview-card">
            {error ? <Alert type="error" showIcon role="alert" title={errorMessage(error)} style={{ marginBottom: 12 }} data-testid="outline-error" /> : null}
            <IssueList issues={issues} testId="outline-issues" />
            {outline.sections.length ? (
              <>
                <Typography.Title level={3} style={{ fontSize: 18 }} data-testid="preview-title">
                  {outline.title || t('outlines.untitled')}
                </Typography.Title>
                <OutlineView outline={outline} idPrefix="preview" />
              </>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outlines.nothingYet')} />
            )}
          </Card>
        </Col>
      </Row>
      <Flex justify="end" style={{ marginTop: 16 }}>
        {saveButton}
      </Flex>
    </>
  );
}
