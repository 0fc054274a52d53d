import { useServerQuery } from '../api/use-server-query';
import type { ModelsApi } from './models-api';
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
  const { data: version, error } = useServerQuery(() => api.version(versionId), [api, versionId]);
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
