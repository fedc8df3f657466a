// An organization's synthesis of a consultation: build or bring it up to date, state its coverage ("Tổng hợp từ
// 26/34 đơn vị") and totals, curate its groups (merge, split, move, summary, undo), approve, reopen and send it
// up; for a superior, the units received (open one, send one back); and the report as DOCX and XLSX.
import { CheckOutlined, DownloadOutlined, MergeCellsOutlined, ReloadOutlined, RollbackOutlined, SendOutlined, UndoOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, Input, Modal, Popconfirm, Radio, Result, Row, Skeleton, Space, Statistic, Table, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, type Consultation, type SynthesisGroup } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { ErrorAlert } from '../../../web/ui/Feedback';
import { useAsync, useIsPhone } from '../../../web/ui/hooks';
import { SYNTHESIS_STATUS_COLORS } from '../../../web/ui/labels';
import { APPROVE_ROLES, MANAGE_ROLES, useMyOrganizations } from '../../../web/ui/myOrganizations';
import { decodeTarget, SectionPicker, sectionTreeOptions, useSectionHeading, useTargetLabel, type ConsultationDraftSections } from '../../../web/ui/sections';
import { ReturnBody } from '../synthesis.schema';
import { GroupDrawer } from './GroupDrawer';
import { ReportDialog } from './ReportDialog';
import { useSynthesis } from './useSynthesis';
import { groupLabel } from '../report/report.text';

const PAGE_SIZE = 50;
/** Statuses in which groups may still be curated. */
const EDITABLE = new Set(['draft', 'returned']);

export interface SynthesisPanelProps {
  consultation: Consultation;
  organizationId: number;
  /** Open another organization's synthesis (a unit received). */
  onOrganization: (id: number) => void;
  drafts: ConsultationDraftSections[];
}

export function SynthesisPanel({ consultation, organizationId, onOrganization, drafts }: SynthesisPanelProps) {
  const { t, enumLabel, formatNumber, formatDateTime } = useI18n();
  const isPhone = useIsPhone();
  const mine = useMyOrganizations();
  const cid = consultation.id;
  const { synthesis: s, loading, error, notBuilt, reload, busy, run, step } = useSynthesis(cid, organizationId);
  const [target, setTarget] = useState<string | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<number[]>([]);
  const [openGroup, setOpenGroup] = useState<number | null>(null);
  const [merging, setMerging] = useState(false);
  const [mergeInto, setMergeInto] = useState<number | null>(null);
  const [returning, setReturning] = useState<{ id: number; name: string } | null>(null);
  const [reporting, setReporting] = useState(false);
  const [returnForm] = Form.useForm<{ note: string }>();
  const targetLabel = useTargetLabel(drafts);
  const { draftId, sectionAddress } = decodeTarget(target);
  const revision = s?.revision ?? -1;
  const built = !!s && !notBuilt;
  // Expected units whose synthesis has not come at all (those sent but not merged yet are waiting, not missing).
  const notSent = useMemo(() => {
    const waiting = new Set(s?.pending.syntheses.map((p) => p.organizationId));
    return (s?.coverage.missing ?? []).filter((m) => !waiting.has(m.organizationId));
  }, [s]);

  // What waits before the first build, in the interface's language (the server's coverage text is Vietnamese).
  const notBuiltText = useMemo(() => {
    if (!s) return '';
    const parts: string[] = [];
    if (s.coverage.expected) parts.push(t('synthesis.notBuiltSent', { sent: formatNumber(s.coverage.expected - notSent.length), expected: formatNumber(s.coverage.expected) }));
    else if (s.pending.syntheses.length) parts.push(t('synthesis.notBuiltSentCount', { n: formatNumber(s.pending.syntheses.length) }));
    if (s.pending.comments) parts.push(t('synthesis.notBuiltComments', { n: formatNumber(s.pending.comments), name: s.organizationName }));
    return t('synthesis.notBuiltText', { parts: parts.length ? parts.join('; ') : t('synthesis.notBuiltNone') });
  }, [s, notSent, t, formatNumber]);

  const groups = useAsync(
    (signal) => (built ? api.synthesis.groups(cid, organizationId, { draftId, sectionAddress, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal) : Promise.resolve(undefined)),
    [cid, organizationId, built, revision, s?.builtAt, draftId, sectionAddress, page],
  );
  // Every group, for "move to": loaded when a group is open.
  const allGroups = useAsync(
    (signal) => (built && openGroup !== null ? api.synthesis.groups(cid, organizationId, { limit: 1000 }, signal) : Promise.resolve(undefined)),
    [cid, organizationId, openGroup !== null, revision],
  );
  const items = groups.data?.items ?? [];
  const selectedGroups = items.filter((g) => selected.includes(g.id));

  const heading = useSectionHeading();
  const tree = useMemo(
    () => [{ key: 'all', value: 'all', title: t('synthesis.allGroups') }, ...sectionTreeOptions(drafts, (title) => t('sections.whole', { title }), heading)],
    [drafts, t, heading],
  );

  const editable = !!s && EDITABLE.has(s.status) && mine.holdsAny(MANAGE_ROLES);
  const canApprove = mine.holdsAny(APPROVE_ROLES);
  const canCurate = mine.holdsAny(MANAGE_ROLES);
  const filterBy = (value: string | undefined) => {
    setTarget(value === 'all' ? undefined : value);
    setPage(1);
    setSelected([]);
  };

  const build = () => run('build', () => api.synthesis.build(cid, organizationId), t('synthesis.builtMessage'));
  const transition = (action: 'approve' | 'reopen' | 'send', done: string) => run(action, () => api.synthesis.transition(cid, organizationId, action), done);

  const openMerge = () => {
    const largest = [...selectedGroups].sort((a, b) => b.count - a.count)[0];
    setMergeInto(largest?.id ?? null);
    setMerging(true);
  };
  const merge = async () => {
    if (mergeInto === null) return;
    const others = selected.filter((id) => id !== mergeInto);
    if (await step('merge', { kind: 'merge', into: mergeInto, groupIds: others }, t('synthesis.mergeDone', { n: others.length + 1 }))) {
      setMerging(false);
      setSelected([]);
    }
  };
  const sendBack = async () => {
    if (!returning) return;
    const { note } = await returnForm.validateFields();
    const parsed = ReturnBody.safeParse({ note });
    if (!parsed.success) return returnForm.setFields([{ name: 'note', errors: [parsed.error.issues[0]?.message ?? ''] }]);
    // The answer is the unit's synthesis, now returned; this panel shows ours, read again without it.
    const sendBack = async () => {
      await api.synthesis.returnReceived(cid, organizationId, returning.id, parsed.data.note);
      return api.synthesis.get(cid, organizationId);
    };
    if (await run('return', sendBack, t('synthesis.returned', { name: returning.name }))) {
      setReturning(null);
      returnForm.resetFields();
    }
  };

  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (s && notBuilt) {
    const opened = consultation.status !== 'preparing';
    return (
      <Card data-testid="synthesis-panel">
        <Result
          status="info"
          title={t('synthesis.notBuilt')}
          subTitle={canCurate ? t('synthesis.notBuiltHelp') : t('synthesis.notBuiltReadOnly')}
          extra={
            canCurate ? (
              <Flex vertical align="center" gap={8}>
                <Button type="primary" icon={<ReloadOutlined aria-hidden />} loading={busy === 'build'} disabled={!opened} onClick={() => void build()} data-testid="synthesis-build">
                  {t('synthesis.build')}
                </Button>
                {opened ? null : <Typography.Text type="secondary">{t('synthesis.notOpen')}</Typography.Text>}
              </Flex>
            ) : null
          }
        >
          <Typography.Paragraph data-testid="not-built-coverage">{notBuiltText}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={12}>
              <Statistic title={t('synthesis.pendingComments')} value={formatNumber(s.pending.comments)} />
            </Col>
            {s.coverage.expected > 0 ? (
              <Col xs={12}>
                <Statistic title={t('synthesis.unitsSent')} value={`${formatNumber(s.coverage.expected - notSent.length)}/${formatNumber(s.coverage.expected)}`} />
              </Col>
            ) : null}
          </Row>
          <UnitLists waiting={s.pending.syntheses} notSent={notSent} />
        </Result>
      </Card>
    );
  }
  if (!s) return loading ? <Skeleton active paragraph={{ rows: 8 }} /> : null;

  const cov = s.coverage;
  const pendingParts = [
    ...(s.pending.comments ? [t('synthesis.pendingNewComments', { n: formatNumber(s.pending.comments) })] : []),
    ...(s.pending.syntheses.length ? [t('synthesis.pendingNewSyntheses', { n: formatNumber(s.pending.syntheses.length) })] : []),
  ];
  return (
    <div data-testid="synthesis-panel">
      <Card style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="start" wrap gap={12}>
          <div style={{ minWidth: 0 }}>
            <Space wrap size={8}>
              <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
                {t('synthesis.of', { name: s.organizationName })}
              </Typography.Title>
              <Tag color={SYNTHESIS_STATUS_COLORS[s.status]} data-testid="synthesis-status">
                {enumLabel('synthesisStatus', s.status)}
              </Tag>
            </Space>
            <Typography.Paragraph className="coverage-line" data-testid="coverage">
              {cov.text}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.builtAt ? t('synthesis.builtAt', { at: formatDateTime(s.builtAt) }) : null}
              {s.sentAt ? ` · ${t('synthesis.sentAt', { at: formatDateTime(s.sentAt) })}` : null}
              {' · '}
              <span data-testid="synthesis-revision">{t('synthesis.revision', { n: s.revision })}</span>
            </Typography.Text>
          </div>
          <Flex wrap gap={8} justify="end">
            {canCurate && (EDITABLE.has(s.status) || !s.builtAt) ? (
              <Button icon={<ReloadOutlined aria-hidden />} loading={busy === 'build'} onClick={() => void build()} data-testid="synthesis-build">
                {t('synthesis.update')}
              </Button>
            ) : null}
            {editable && s.canUndo ? (
              <Button icon={<UndoOutlined aria-hidden />} loading={busy === 'undo'} onClick={() => void step('undo', { kind: 'undo' }, t('synthesis.undone'))} data-testid="synthesis-undo">
                {t('synthesis.undo')}
              </Button>
            ) : null}
            {canApprove && EDITABLE.has(s.status) ? (
              <Popconfirm title={t('synthesis.approveConfirm')} onConfirm={() => void transition('approve', t('synthesis.approved'))} okText={t('common.yes')} cancelText={t('common.no')}>
                <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={busy === 'approve'} data-testid="synthesis-approve">
                  {t('synthesis.approve')}
                </Button>
              </Popconfirm>
            ) : null}
            {canApprove && s.status === 'approved' ? (
              <>
                <Button icon={<UnlockOutlined aria-hidden />} loading={busy === 'reopen'} onClick={() => void transition('reopen', t('synthesis.reopened'))} data-testid="synthesis-reopen">
                  {t('synthesis.reopen')}
                </Button>
                <Popconfirm title={t('synthesis.sendConfirm')} onConfirm={() => void transition('send', t('synthesis.sent'))} okText={t('common.yes')} cancelText={t('common.no')}>
                  <Button type="primary" icon={<SendOutlined aria-hidden />} loading={busy === 'send'} data-testid="synthesis-send">
                    {t('synthesis.send')}
                  </Button>
                </Popconfirm>
              </>
            ) : null}
            <Button icon={<DownloadOutlined aria-hidden />} onClick={() => setReporting(true)} disabled={!s.builtAt} data-testid="synthesis-report">
              {t('synthesis.report')}
            </Button>
          </Flex>
        </Flex>
        {s.status === 'returned' && s.returnNote ? <Alert type="warning" showIcon title={t('synthesis.returnedNote')} description={s.returnNote} style={{ marginTop: 12 }} data-testid="return-note" /> : null}
        {canCurate && EDITABLE.has(s.status) && pendingParts.length ? (
          <Alert type="info" showIcon title={t('synthesis.pendingAlert', { what: pendingParts.join(', ') })} description={t('synthesis.pendingAlertHelp')} style={{ marginTop: 12 }} data-testid="synthesis-pending" />
        ) : null}
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={8}>
            <Statistic title={t('synthesis.commentCount')} value={formatNumber(s.totals.comments)} />
          </Col>
          <Col xs={8}>
            <Statistic title={t('synthesis.people')} value={formatNumber(s.totals.people)} />
          </Col>
          <Col xs={8}>
            <Statistic title={t('synthesis.groups')} value={formatNumber(s.totals.groups)} />
          </Col>
        </Row>
      </Card>

      {cov.expected > 0 || cov.included.length > 0 || s.pending.syntheses.length > 0 ? (
        <Card title={<h3 className="card-heading">{t('synthesis.received')}</h3>} style={{ marginBottom: 16 }} data-testid="received-units">
          <Table
            rowKey="organizationId"
            size="small"
            dataSource={cov.included}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t('synthesis.noneReceived') }}
            columns={[
              { key: 'name', title: t('comments.organization'), render: (_, u) => u.name },
              { key: 'comments', title: t('synthesis.commentCount'), align: 'right', render: (_, u) => formatNumber(u.comments) },
              {
                key: 'actions',
                title: <span className="visually-hidden">{t('common.actions')}</span>,
                render: (_, u) => (
                  <Space wrap>
                    <Button size="small" onClick={() => onOrganization(u.organizationId)}>
                      {t('synthesis.openUnit')}
                    </Button>
                    {canApprove ? (
                      <Button size="small" danger icon={<RollbackOutlined aria-hidden />} onClick={() => setReturning({ id: u.organizationId, name: u.name })} aria-label={t('synthesis.returnUnit', { name: u.name })}>
                        {t('synthesis.return')}
                      </Button>
                    ) : null}
                  </Space>
                ),
              },
            ]}
          />
          <UnitLists waiting={s.pending.syntheses} notSent={notSent} />
        </Card>
      ) : null}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7}>
          <Card title={<h3 className="card-heading">{t('synthesis.bySection')}</h3>} size="small">
            {isPhone ? (
              <SectionPicker drafts={drafts} value={target} onChange={filterBy} placeholder={t('synthesis.allGroups')} aria-label={t('synthesis.bySection')} />
            ) : (
              <nav aria-label={t('synthesis.bySection')} className="section-filter">
                <Tree treeData={tree} selectedKeys={[target ?? 'all']} defaultExpandAll blockNode onSelect={(keys) => keys[0] !== undefined && filterBy(String(keys[0]))} />
              </nav>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={17}>
          <Card
            title={<h3 className="card-heading">{target ? targetLabel(draftId, sectionAddress) : t('synthesis.allGroups')}</h3>}
            extra={
              editable ? (
                <Button icon={<MergeCellsOutlined aria-hidden />} disabled={selected.length < 2} onClick={openMerge} data-testid="groups-merge">
                  {selected.length >= 2 ? t('synthesis.merge', { n: selected.length }) : t('synthesis.mergeHint')}
                </Button>
              ) : null
            }
          >
            <ErrorAlert error={groups.error} onRetry={groups.reload} />
            <Table<SynthesisGroup>
              rowKey="id"
              loading={groups.loading}
              dataSource={items}
              scroll={{ x: true }}
              locale={{ emptyText: t('synthesis.noGroups') }}
              data-testid="groups-table"
              rowSelection={editable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), columnTitle: <span className="visually-hidden">{t('synthesis.selectGroup')}</span> } : undefined}
              pagination={{ current: page, pageSize: PAGE_SIZE, total: groups.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true, onChange: setPage }}
              columns={[
                { key: 'count', title: t('synthesis.people'), width: 90, align: 'right', render: (_, g) => <span className="group-count">{formatNumber(g.count)}</span> },
                {
                  key: 'text',
                  title: t('synthesis.group'),
                  render: (_, g) => (
                    <div style={{ minWidth: 240 }}>
                      <Button type="link" className="group-link" onClick={() => setOpenGroup(g.id)} data-testid={`group-${g.id}`}>
                        {groupLabel(g)}
                      </Button>
                      {g.summary ? (
                        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0, fontSize: 12 }}>
                          {g.representative}
                        </Typography.Paragraph>
                      ) : null}
                      <Space size={4} wrap style={{ marginTop: 2 }}>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {targetLabel(g.draftId, g.sectionAddress)}
                        </Typography.Text>
                        {g.minority ? <Tag color="purple">{t('synthesis.minorityTag')}</Tag> : null}
                      </Space>
                    </div>
                  ),
                },
                { key: 'comments', title: t('synthesis.commentCount'), align: 'right', responsive: ['md'], render: (_, g) => formatNumber(g.comments) },
                { key: 'units', title: t('synthesis.units'), align: 'right', responsive: ['md'], render: (_, g) => formatNumber(g.units) },
              ]}
            />
          </Card>
        </Col>
      </Row>

      <GroupDrawer
        consultationId={cid}
        organizationId={organizationId}
        groupId={openGroup}
        revision={s.revision}
        editable={editable}
        groups={allGroups.data?.items ?? items}
        busy={busy}
        step={step}
        onClose={() => setOpenGroup(null)}
      />
      <Modal
        open={merging}
        title={t('synthesis.mergeTitle', { n: selected.length })}
        onCancel={() => setMerging(false)}
        onOk={() => void merge()}
        okText={t('synthesis.mergeOk')}
        cancelText={t('common.cancel')}
        confirmLoading={busy === 'merge'}
      >
        <Typography.Paragraph>{t('synthesis.mergeHelp')}</Typography.Paragraph>
        <Radio.Group value={mergeInto} onChange={(e) => setMergeInto(e.target.value)}>
          <Flex vertical gap={8}>
            {selectedGroups.map((g) => (
              <Radio key={g.id} value={g.id}>
                ({formatNumber(g.count)}) {groupLabel(g)}
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Modal>
      <Modal
        open={!!returning}
        title={t('synthesis.returnTitle', { name: returning?.name ?? '' })}
        onCancel={() => setReturning(null)}
        onOk={() => void sendBack()}
        okText={t('synthesis.return')}
        okButtonProps={{ danger: true }}
        cancelText={t('common.cancel')}
        confirmLoading={busy === 'return'}
        forceRender
      >
        <Form form={returnForm} layout="vertical" name="return-synthesis">
          <Form.Item label={t('synthesis.returnNote')} name="note" rules={[{ required: true, whitespace: true, message: t('synthesis.returnNoteRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <ReportDialog consultationId={cid} organizationId={organizationId} open={reporting} onClose={() => setReporting(false)} />
    </div>
  );
}

/** Units whose synthesis was sent but is not merged yet, and expected units that have not sent theirs. */
function UnitLists({ waiting, notSent }: { waiting: Array<{ organizationId: number; name: string }>; notSent: Array<{ organizationId: number; name: string }> }) {
  const { t, formatNumber } = useI18n();
  const list = (units: typeof waiting, summary: string, testId: string, color?: string) =>
    units.length ? (
      <details style={{ marginTop: 12 }} data-testid={testId}>
        <summary>{summary}</summary>
        <Flex wrap gap={4} style={{ marginTop: 8 }}>
          {units.map((u) => (
            <Tag key={u.organizationId} color={color}>
              {u.name}
            </Tag>
          ))}
        </Flex>
      </details>
    ) : null;
  return (
    <>
      {list(waiting, t('synthesis.waiting', { n: formatNumber(waiting.length) }), 'waiting-units', 'blue')}
      {list(notSent, t('synthesis.missing', { n: formatNumber(notSent.length) }), 'missing-units')}
    </>
  );
}
