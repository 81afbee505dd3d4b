import { Alert, Stack, Tabs } from '@mantine/core';
import { IconAlertCircle, IconColumns, IconFileImport, IconHistory } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { GenericMapping } from '../../../../shared/contract';
import { requiredMappingFields } from '../../../../shared/domain/import/mapping';
import { PageHeader } from '../../components/PageHeader/PageHeader';
import { useApiQuery } from '../../hooks/useApi';
import { ExportGuide } from './ExportGuide';
import { DropArea, DropOverlay, PickFilesButton, useWindowFileDrop } from './file-drop';
import { HistoryPanel } from './HistoryPanel';
import { ImportProgressCard } from './ImportProgressCard';
import { MappingEditor, type MappingDraft } from './MappingEditor';
import { MappingsPanel } from './MappingsPanel';
import { failureText } from './failure-text';
import { CommittedView, RejectedView } from './OutcomeViews';
import { PreviewView } from './PreviewView';
import { useImportFlow, type MappingPreview } from './useImportFlow';

const tabs = ['import', 'history', 'mappings'] as const;
type ImportTab = (typeof tabs)[number];

const draftFromPreview = (p: MappingPreview): MappingDraft => ({
  header: p.header,
  sample: p.sample,
  mapping: p.guess.mapping,
  reasons: p.guess.reasons,
  requiredFields: p.requiredFields,
  files: p.files,
  name: null,
});

/**
 * Import: drop or pick order exports, check the dry run, save it as one batch; the history lists
 * every batch with its undo. Files can be dropped anywhere on the page, whatever tab is open.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const flow = useImportFlow();
  const { stage } = flow;
  const [params, setParams] = useSearchParams();
  const tab: ImportTab = tabs.find((x) => x === params.get('tab')) ?? 'import';
  const setTab = (next: ImportTab) =>
    setParams(
      (p) => {
        if (next === 'import') p.delete('tab');
        else p.set('tab', next);
        return p;
      },
      { replace: true },
    );
  const [editing, setEditing] = useState<MappingDraft | null>(null);
  const [folderDropped, setFolderDropped] = useState(false);
  const savedMappings = useApiQuery('mappings.list', {});

  const busy = stage.kind === 'reading' || stage.kind === 'checking' || stage.kind === 'committing';
  const onFiles = (files: File[]) => {
    // A batch being written is not interrupted; the files can be dropped again once it is saved.
    if (stage.kind === 'committing') return;
    setFolderDropped(false);
    setEditing(null);
    setTab('import');
    void flow.pick(files);
  };
  const dragging = useWindowFileDrop(onFiles, () => setFolderDropped(true));

  const previewWithMapping = (mapping: GenericMapping, name: string | null) => {
    setEditing(null);
    void flow.reread(name ? { mapping, mappingName: name } : { mapping });
  };

  /** The mapping a ready preview was read with, for changing it: from this session, or a saved one. */
  const editMapping = (() => {
    if (stage.kind !== 'ready' || stage.preview.format.kind !== 'mapping') return null;
    const format = stage.preview.format;
    const context = flow.mappingContext;
    if (context && flow.options.mapping)
      return () =>
        setEditing({
          ...draftFromPreview(context),
          mapping: flow.options.mapping!,
          name: flow.options.mappingName ?? null,
        });
    const saved = savedMappings.data?.find((m) => m.name === format.mappingName);
    if (!saved) return null;
    return () =>
      setEditing({
        header: saved.header,
        sample: [],
        mapping: saved.mapping,
        reasons: {},
        requiredFields: requiredMappingFields,
        files: stage.preview.files,
        name: saved.name,
      });
  })();

  let body: ReactNode;
  if (editing) {
    body = <MappingEditor draft={editing} onPreview={previewWithMapping} onCancel={() => setEditing(null)} />;
  } else
    switch (stage.kind) {
      case 'idle':
        body = (
          <Stack gap="lg">
            <DropArea onFiles={onFiles} />
            <ExportGuide />
          </Stack>
        );
        break;
      case 'reading':
      case 'checking':
        body = <ImportProgressCard names={stage.names} progress={flow.progress} />;
        break;
      case 'needs_mapping':
        body = (
          <MappingEditor
            key={stage.preview.header.join('\u001f')}
            draft={draftFromPreview(stage.preview)}
            onPreview={previewWithMapping}
            onCancel={flow.reset}
          />
        );
        break;
      case 'rejected':
        body = <RejectedView preview={stage.preview} options={flow.options} onReread={flow.reread} />;
        break;
      case 'ready':
      case 'committing':
        body = (
          <Stack gap="md">
            {stage.kind === 'committing' && (
              <ImportProgressCard names={stage.preview.files.map((f) => f.name)} progress={flow.progress} />
            )}
            <PreviewView
              key={stage.preview.previewId}
              preview={stage.preview}
              options={flow.options}
              committing={stage.kind === 'committing'}
              commitError={null}
              onCommit={(skip) => void flow.commit(skip)}
              onCancel={flow.reset}
              onReread={flow.reread}
              onEditMapping={editMapping}
            />
          </Stack>
        );
        break;
      case 'committed':
        body = (
          <CommittedView
            result={stage.result}
            onAnother={flow.reset}
            onHistory={() => {
              flow.reset();
              setTab('history');
            }}
          />
        );
        break;
      case 'failed':
        body = stage.preview ? (
          <PreviewView
            key={stage.preview.previewId}
            preview={stage.preview}
            options={flow.options}
            committing={false}
            commitError={stage.error}
            onCommit={(skip) => void flow.commit(skip)}
            onCancel={flow.reset}
            onReread={flow.reread}
            onEditMapping={null}
          />
        ) : (
          <Stack gap="lg">
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertCircle aria-hidden />}
              role="alert"
              data-testid="import-failed"
            >
              {failureText(stage.error, t)}
            </Alert>
            <DropArea onFiles={onFiles} />
          </Stack>
        );
        break;
    }

  return (
    <>
      {dragging && <DropOverlay />}
      <PageHeader
        title={t('import.title')}
        description={t('import.description')}
        actions={!busy && stage.kind !== 'idle' ? <PickFilesButton onFiles={onFiles} /> : undefined}
      />
      <Tabs value={tab} onChange={(v) => setTab((v as ImportTab | null) ?? 'import')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="import" leftSection={<IconFileImport size={16} aria-hidden />}>
            {t('import.tabs.import')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('import.tabs.history')}
          </Tabs.Tab>
          <Tabs.Tab value="mappings" leftSection={<IconColumns size={16} aria-hidden />}>
            {t('import.tabs.mappings')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="import">
          {folderDropped && (
            <Alert
              color="orange"
              variant="light"
              mb="md"
              withCloseButton
              onClose={() => setFolderDropped(false)}
            >
              {t('import.pick.notFiles')}
            </Alert>
          )}
          {body}
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryPanel />
        </Tabs.Panel>
        <Tabs.Panel value="mappings">
          <MappingsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
