import { useServerQuery } from '../api/use-server-query';
import type { ModelsApi } from './models-api';
import { ModelReportView } from './ModelReportView';
import { ErrorCallout } from '../shared/ui';

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
  if (error) return <ErrorCallout>Could not load the report: {error}</ErrorCallout>;
  if (!version)
    return (
      <p className="muted" role="status">
        Loading the report…
      </p>
    );
  return <ModelReportView version={version} title={title ?? `Report of version ${version.version}`} />;
}
