import type { SessionUser } from '../auth/session';

// Placeholder: being built.
export function DatasetsScreen(props: { user: SessionUser; datasetId?: string }) {
  void props;
  return <main className="page-main">Datasets</main>;
}
