import { useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { errorMessage } from '../shared/error-message';
import type { DatasetsApi, UploadRequest } from './datasets-api';
import { newDatasetId, rowsPerSecond } from './upload';

export interface UploadProgressState {
  sent: number;
  total: number;
  rowsRead?: number;
  bytesRead?: number;
  rate?: number;
}

const POLL_MS = 1000;

/**
 * Uploads a dataset and follows its import: bytes sent from the request, rows read by polling the
 * dataset meanwhile. `cancel` aborts the request; the error says why an upload ended without a dataset.
 */
export function useDatasetUpload(api: DatasetsApi, onUploaded: (id: string) => void) {
  const [progress, setProgress] = useState<UploadProgressState>();
  const [error, setError] = useState<string>();
  const abort = useRef<AbortController | undefined>(undefined);

  const start = async (request: Omit<UploadRequest, 'id' | 'signal' | 'onProgress'>) => {
    setError(undefined);
    const controller = new AbortController();
    abort.current = controller;
    const startedAt = Date.now();
    setProgress({ sent: 0, total: request.file.size });
    // The server answers only once the file is imported: the id chosen here lets us follow it meanwhile.
    const id = newDatasetId();
    let polling = true;
    const poll = async () => {
      while (polling) {
        await new Promise((r) => setTimeout(r, POLL_MS));
        if (!polling) return;
        try {
          const current = await api.get(id);
          if (!polling) return;
          const rate = rowsPerSecond(current.rowsRead, startedAt, Date.now());
          setProgress((p) => p && { ...p, rowsRead: current.rowsRead, bytesRead: current.bytesRead, rate });
        } catch {
          // Not there yet, or a hiccup: progress is a nicety, the upload's own answer says how it ended.
        }
      }
    };
    try {
      void poll();
      const done = await api.upload({
        ...request,
        id,
        signal: controller.signal,
        onProgress: ({ sent, total }) => setProgress((p) => p && { ...p, sent, total }),
      });
      polling = false;
      onUploaded(done.id);
    } catch (err) {
      polling = false;
      setProgress(undefined);
      setError(
        err instanceof ApiError && err.code === 'ABORTED'
          ? 'you cancelled it, and nothing of it was kept.'
          : errorMessage(err),
      );
    } finally {
      abort.current = undefined;
    }
  };

  return {
    progress,
    error,
    clearError: () => setError(undefined),
    start,
    cancel: () => abort.current?.abort(),
  };
}
