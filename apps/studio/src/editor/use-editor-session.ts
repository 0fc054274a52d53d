import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { StrategyDocument } from '@arbiter/engine';
import { ApiError } from '../api/client';
import type { OpenedVersion, StrategySource } from '../strategies/strategy-source';
import {
  autosaveReducer,
  hasUnsavedChanges,
  initialAutosave,
  nextAttemptDelay,
} from './autosave/autosave-machine';
import type { EditorEnvironment } from './editor-context';
import { environmentChanges } from './environment-changes';
import { EditorStore } from './editor-store';

export type SessionLoad =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; env: EditorEnvironment };

const backupKey = (versionId: string) => `arbiter.unsaved.${versionId}`;
const BACKUP_DELAY_MS = 300;

/**
 * Loads a version into an EditorStore and keeps it saved: debounced autosave with optimistic
 * locking, back-off on failures, a local backup of unsaved work, and the conflict choices.
 */
export function useEditorSession(
  source: StrategySource,
  strategyId: string,
  onOpenStrategy: (id: string) => void,
) {
  const [store] = useState(() => new EditorStore({ schemaVersion: 1, nodes: [], edges: [] }));
  const [load, setLoad] = useState<SessionLoad>({ status: 'loading' });
  const [version, setVersion] = useState<OpenedVersion>();
  const [autosave, dispatch] = useReducer(autosaveReducer, initialAutosave(0));
  const [savedDoc, setSavedDoc] = useState<StrategyDocument>();
  const [busy, setBusy] = useState(false);
  const [restoredBackup, setRestoredBackup] = useState(false);
  const versionRef = useRef(version);
  versionRef.current = version;
  const autosaveRevision = useRef(autosave.revision);
  autosaveRevision.current = autosave.revision;

  const open = useCallback(
    (opened: OpenedVersion) => {
      setVersion(opened);
      store.reset(opened.document);
      setSavedDoc(opened.document);
      dispatch({ type: 'loaded', revision: opened.revision });
    },
    [store],
  );

  useEffect(() => {
    let cancelled = false;
    setLoad({ status: 'loading' });
    Promise.all([source.open(strategyId), source.environment(strategyId)])
      .then(([opened, env]) => {
        if (cancelled) return;
        open(opened);
        setLoad({ status: 'ready', env });
        // Unsaved work from a tab that closed before it could save: offer it back as edits.
        const backup = readBackup(opened.versionId);
        if (
          backup &&
          backup.revision === opened.revision &&
          opened.status === 'DRAFT' &&
          JSON.stringify(backup.document) !== JSON.stringify(opened.document)
        ) {
          store.edit(() => backup.document);
          setRestoredBackup(true);
        }
      })
      .catch((err: unknown) => !cancelled && setLoad({ status: 'error', message: (err as Error).message }));
    return () => {
      cancelled = true;
    };
  }, [source, strategyId, open, store]);

  // Never stale: when the page gets the focus back (another tab, another window), the catalog, schema
  // and models are read again; a change is applied to the open draft's checks and said in a banner.
  const [environmentNote, setEnvironmentNote] = useState<string>();
  const envRef = useRef<EditorEnvironment | undefined>(undefined);
  envRef.current = load.status === 'ready' ? load.env : undefined;
  useEffect(() => {
    let checking = false;
    const refresh = () => {
      const before = envRef.current;
      if (!before || checking || document.visibilityState === 'hidden') return;
      checking = true;
      source
        .environment(strategyId)
        .then((after) => {
          const note = environmentChanges(before, after);
          if (note && envRef.current === before) {
            setLoad({ status: 'ready', env: after });
            setEnvironmentNote(note);
          }
        })
        .catch(() => undefined) // the next focus tries again; the editor keeps what it has
        .finally(() => (checking = false));
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [source, strategyId]);

  // Every edit: count it for autosave, and keep a copy in this browser until it is saved. The copy
  // is written once a burst of keys pauses (serialising a large strategy at every key cost a frame),
  // and at once when the page goes away.
  useEffect(() => {
    let pending: { versionId: string; backup: Backup } | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (pending) writeBackup(pending.versionId, pending.backup);
      pending = undefined;
    };
    const stop = store.onEdit((doc) => {
      dispatch({ type: 'edited' });
      const v = versionRef.current;
      if (!v) return;
      pending = { versionId: v.versionId, backup: { revision: autosaveRevision.current, document: doc } };
      timer ??= setTimeout(flush, BACKUP_DELAY_MS);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      stop();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [store]);
  // Timers: debounce after edits, back-off after failures.
  useEffect(() => {
    const delay = nextAttemptDelay(autosave);
    if (delay === undefined) return;
    const t = setTimeout(() => dispatch({ type: 'due' }), delay);
    return () => clearTimeout(t);
  }, [autosave]);

  // A save is due: send the document as it is now.
  const inFlight = useRef(false);
  useEffect(() => {
    if (autosave.status !== 'saving' || inFlight.current || !version) return;
    inFlight.current = true;
    const doc = store.doc;
    source
      .save(version.versionId, doc, autosave.revision)
      .then((revision) => {
        dispatch({ type: 'saved', revision });
        setSavedDoc(doc);
        if (store.doc === doc) clearBackup(version.versionId);
      })
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.code === 'CONFLICT')
          dispatch({ type: 'conflict', message: err.message });
        else
          dispatch({ type: 'failed', message: err instanceof ApiError ? err.message : 'unexpected error' });
      })
      .finally(() => (inFlight.current = false));
  }, [autosave, version, source, store]);

  useEffect(() => {
    if (!hasUnsavedChanges(autosave)) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [autosave]);

  const saveNow = useCallback(() => dispatch({ type: 'due' }), []);

  const resolveConflict = useCallback(
    async (choice: 'reload' | 'overwrite' | 'copy') => {
      if (!version) return;
      setBusy(true);
      try {
        if (choice === 'reload') {
          open(await source.reload(version.versionId));
          clearBackup(version.versionId);
        } else if (choice === 'overwrite') {
          const latest = await source.reload(version.versionId);
          dispatch({ type: 'overwrite', revision: latest.revision });
        } else {
          const id = await source.create(`${version.strategyName} (my copy)`, store.doc);
          clearBackup(version.versionId);
          onOpenStrategy(id);
        }
      } catch (err) {
        dispatch({ type: 'failed', message: (err as Error).message });
      } finally {
        setBusy(false);
      }
    },
    [version, source, open, store, onOpenStrategy],
  );

  const editAsNewDraft = useCallback(async () => {
    if (!version) return;
    setBusy(true);
    try {
      open(await source.newDraftFrom(version.versionId));
    } finally {
      setBusy(false);
    }
  }, [version, source, open]);

  return {
    store,
    load,
    version,
    autosave,
    savedDoc,
    saveNow,
    resolveConflict,
    editAsNewDraft,
    busy,
    restoredBackup,
    dismissRestored: () => setRestoredBackup(false),
    environmentNote,
    dismissEnvironmentNote: () => setEnvironmentNote(undefined),
  };
}

interface Backup {
  revision: number;
  document: StrategyDocument;
}

function readBackup(versionId: string): Backup | undefined {
  try {
    return JSON.parse(window.localStorage.getItem(backupKey(versionId)) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

function writeBackup(versionId: string, backup: Backup): void {
  try {
    window.localStorage.setItem(backupKey(versionId), JSON.stringify(backup));
  } catch {
    // storage full or disabled: autosave still runs
  }
}

function clearBackup(versionId: string): void {
  window.localStorage.removeItem(backupKey(versionId));
}
