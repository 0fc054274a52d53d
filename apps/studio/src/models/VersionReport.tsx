import { useEffect, useState } from 'react';
import { errorMessage } from '../shared/error-message';
import type { ModelsApi, VersionDetail } from './models-api';
import { ModelReportView } from './ModelReportView';

/** Loads a model version and shows its report. */
export function VersionReport({
  api,
  versionId,
  title,
}: {
  api: ModelsApi;
  versionId: string;
  title?: string;
}) {
  const [version, setVersion] = useState<VersionDetail>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    api.version(versionId).then(
      (v) => current && setVersion(v),
      (err: unknown) => current && setError(errorMessage(err)),
    );
    return () => {
      current = false;
    };
  }, [api, versionId]);
  if (error)
    return (
      <p className="callout callout-error" role="alert">
        Could not load the report: {error}
      </p>
    );
  if (!version)
    return (
      <p className="muted" role="status">
        Loading the report…
      </p>
    );
  return <ModelReportView version={version} title={title ?? `Report of version ${version.version}`} />;
}
