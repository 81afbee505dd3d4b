import { Button, FileButton, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './Import.module.css';

/** Exports come as .csv, Amazon's as .txt (TAB); some tools save .tsv. */
const ACCEPT = '.csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** Files of a drop, without folders (a dropped folder arrives as an empty "file" that cannot be read). */
function droppedFiles(data: DataTransfer): { files: File[]; folders: boolean } {
  const files: File[] = [];
  let folders = false;
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    if (item.webkitGetAsEntry?.()?.isDirectory) {
      folders = true;
      continue;
    }
    const file = item.getAsFile();
    if (file) files.push(file);
  }
  return { files, folders };
}

/**
 * Lets files be dropped anywhere on the page (sellers drag from the download folder onto whatever is
 * in front of them). Returns whether files are being dragged over the window, for the overlay.
 */
export function useWindowFileDrop(onFiles: (files: File[]) => void, onFolders: () => void): boolean {
  const [dragging, setDragging] = useState(false);
  const latest = useRef({ onFiles, onFolders });
  useEffect(() => {
    latest.current = { onFiles, onFolders };
  });
  useEffect(() => {
    // enter/leave fire for every child element crossed; a counter tells when the pointer left the window.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Without this the browser would open the file itself and leave the app.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const { files, folders } = droppedFiles(e.dataTransfer);
      if (files.length > 0) latest.current.onFiles(files);
      else if (folders) latest.current.onFolders();
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}

/** The whole-window hint while files are dragged over the app. */
export function DropOverlay() {
  const { t } = useTranslation();
  return (
    <div className={classes.overlay} aria-hidden>
      <div className={classes.overlayBox}>
        <IconUpload size={40} />
        <Text fw={700} size="lg">
          {t('import.pick.overlay')}
        </Text>
      </div>
    </div>
  );
}

/** The picker button; `multiple` because Yahoo!ショッピング comes as two files. */
export function PickFilesButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  const reset = useRef<() => void>(null);
  return (
    <FileButton
      multiple
      accept={ACCEPT}
      resetRef={reset}
      onChange={(files) => {
        onFiles(files);
        // The same file picked again (after fixing it) must still count as a choice.
        reset.current?.();
      }}
    >
      {(props) => (
        <Button {...props} leftSection={<IconFileUpload size={18} aria-hidden />}>
          {t('import.pick.button')}
        </Button>
      )}
    </FileButton>
  );
}

/** The start of an import: a large target to drop on, with the picker for those who prefer it. */
export function DropArea({ onFiles }: { onFiles: (files: File[]) => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="xl" className={classes.dropArea} data-testid="import-drop">
      <Stack align="center" gap="sm">
        <ThemeIcon size={56} radius="xl" variant="light">
          <IconUpload size={30} aria-hidden />
        </ThemeIcon>
        <Text fw={700} size="lg" ta="center">
          {t('import.pick.dropTitle')}
        </Text>
        <Text size="sm" c="dimmed" ta="center" maw={560}>
          {t('import.pick.dropHint')}
        </Text>
        <PickFilesButton onFiles={onFiles} />
        <Text size="xs" c="dimmed" ta="center">
          {t('import.pick.accepts')}
        </Text>
      </Stack>
    </Paper>
  );
}
