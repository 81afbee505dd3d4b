import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  EventMap,
  GenericMapping,
  ImportCommitDto,
  ImportPreviewDto,
  InputOf,
  PresetId,
  TextEncoding,
} from '../../../../shared/contract';
import { useApiClient } from '../../hooks/api-context';
import { encodeFiles, type EncodedFile } from './read-files';

export type ReadyPreview = Extract<ImportPreviewDto, { status: 'ready' }>;
export type MappingPreview = Extract<ImportPreviewDto, { status: 'needs_mapping' }>;
export type RejectedPreview = Extract<ImportPreviewDto, { status: 'rejected' }>;

/** How to read the files: automatic, or with what the user chose by hand. */
export interface ReadOptions {
  presetId?: PresetId;
  encoding?: TextEncoding;
  mapping?: GenericMapping;
  mappingName?: string;
}

/** Where the import stands; one screen per kind. */
export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'reading'; names: string[] }
  | { kind: 'checking'; names: string[] }
  | { kind: 'ready'; preview: ReadyPreview }
  | { kind: 'needs_mapping'; preview: MappingPreview }
  | { kind: 'rejected'; preview: RejectedPreview }
  | { kind: 'committing'; preview: ReadyPreview }
  | { kind: 'committed'; preview: ReadyPreview; result: ImportCommitDto }
  | { kind: 'failed'; error: unknown; preview: ReadyPreview | null };

/** `send` is the browser's own phase (before the backend reports anything); the rest come from the backend. */
export type ProgressPhase = 'read' | 'send' | EventMap['imports.progress']['phase'];
export interface ImportProgress {
  phase: ProgressPhase;
  /** Unknown until the backend's first report: the bar is then indeterminate. */
  done: number | null;
  total: number | null;
  /** The bar belongs to the browser (reading the files) or the backend. */
  source: 'client' | 'server';
}

export interface ImportFlow {
  stage: ImportStage;
  progress: ImportProgress | null;
  options: ReadOptions;
  /** The header and samples of the last file that needed a mapping (for editing the mapping again). */
  mappingContext: MappingPreview | null;
  pick(files: readonly File[]): Promise<void>;
  reread(options: ReadOptions): Promise<void>;
  commit(skipInvalid: boolean): Promise<void>;
  /** Forgets the preview (nothing was written) and returns to the start. */
  reset(): void;
}

/**
 * A uuid naming one call's progress events. `randomUUID` needs a secure context; the browser-mode
 * host opened from another PC of the household is plain http, where only getRandomValues exists.
 */
function newToken(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The import as a sequence: read the files in the browser, let the backend preview them, then commit
 * or cancel. The encoded files stay in memory so choosing another format or mapping reads them again
 * without asking for them again.
 */
export function useImportFlow(): ImportFlow {
  const client = useApiClient();
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' });
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [options, setOptions] = useState<ReadOptions>({});
  const [mappingContext, setMappingContext] = useState<MappingPreview | null>(null);
  const files = useRef<EncodedFile[]>([]);
  const token = useRef<string | null>(null);
  const previewId = useRef<string | null>(null);
  // A newer action (another file dropped) makes the answers of older calls irrelevant.
  const generation = useRef(0);

  useEffect(
    () =>
      client.on('imports.progress', (event) => {
        if (event.token !== token.current) return;
        setProgress({ phase: event.phase, done: event.done, total: event.total, source: 'server' });
      }),
    [client],
  );

  const forgetPreview = useCallback(() => {
    const id = previewId.current;
    previewId.current = null;
    // The backend would drop it after a while anyway; this frees a large preview's memory now.
    if (id) void client.call('imports.cancel', { previewId: id }).catch(() => undefined);
  }, [client]);

  const runPreview = useCallback(
    async (read: ReadOptions, names: string[], run: number) => {
      forgetPreview();
      setStage({ kind: 'checking', names });
      token.current = newToken();
      setProgress({ phase: 'send', done: null, total: null, source: 'client' });
      const input: InputOf<'imports.preview'> = {
        files: files.current.map((f) => ({ name: f.name, contentBase64: f.contentBase64 })),
        progressToken: token.current,
        ...read,
      };
      try {
        const preview = await client.call('imports.preview', input);
        if (run !== generation.current) {
          if (preview.status === 'ready')
            void client.call('imports.cancel', { previewId: preview.previewId }).catch(() => undefined);
          return;
        }
        setOptions(read);
        if (preview.status === 'ready') {
          previewId.current = preview.previewId;
          setStage({ kind: 'ready', preview });
        } else if (preview.status === 'needs_mapping') {
          setMappingContext(preview);
          setStage({ kind: 'needs_mapping', preview });
        } else setStage({ kind: 'rejected', preview });
      } catch (error) {
        if (run === generation.current) setStage({ kind: 'failed', error, preview: null });
      } finally {
        if (run === generation.current) setProgress(null);
      }
    },
    [client, forgetPreview],
  );

  const pick = useCallback(
    async (picked: readonly File[]) => {
      if (picked.length === 0) return;
      const run = ++generation.current;
      const names = picked.map((f) => f.name);
      setMappingContext(null);
      setStage({ kind: 'reading', names });
      setProgress({ phase: 'read', done: 0, total: 1, source: 'client' });
      try {
        files.current = await encodeFiles(picked, (done, total) => {
          if (run === generation.current) setProgress({ phase: 'read', done, total, source: 'client' });
        });
      } catch (error) {
        if (run === generation.current) {
          setProgress(null);
          setStage({ kind: 'failed', error, preview: null });
        }
        return;
      }
      if (run === generation.current) await runPreview({}, names, run);
    },
    [runPreview],
  );

  const reread = useCallback(
    (read: ReadOptions) =>
      runPreview(
        read,
        files.current.map((f) => f.name),
        ++generation.current,
      ),
    [runPreview],
  );

  const commit = useCallback(
    async (skipInvalid: boolean) => {
      if (stage.kind !== 'ready' && stage.kind !== 'failed') return;
      const preview = stage.preview;
      if (!preview) return;
      const run = ++generation.current;
      setStage({ kind: 'committing', preview });
      token.current = newToken();
      setProgress({ phase: 'commit', done: null, total: null, source: 'client' });
      try {
        const result = await client.call('imports.commit', {
          previewId: preview.previewId,
          skipInvalid,
          progressToken: token.current,
        });
        // The backend forgot the preview when it committed it.
        previewId.current = null;
        if (run === generation.current) setStage({ kind: 'committed', preview, result });
      } catch (error) {
        if (run === generation.current) setStage({ kind: 'failed', error, preview });
      } finally {
        if (run === generation.current) setProgress(null);
      }
    },
    [client, stage],
  );

  const reset = useCallback(() => {
    generation.current++;
    forgetPreview();
    files.current = [];
    token.current = null;
    setProgress(null);
    setOptions({});
    setMappingContext(null);
    setStage({ kind: 'idle' });
  }, [forgetPreview]);

  // Leaving the page forgets the preview: it holds memory in the backend and cannot be reached again.
  // A preview still being made when the page is left is cancelled when it arrives (its run is stale).
  useEffect(() => {
    const runs = generation;
    return () => {
      runs.current++;
      forgetPreview();
    };
  }, [forgetPreview]);

  return { stage, progress, options, mappingContext, pick, reread, commit, reset };
}
