import { useServerQuery } from '../api/use-server-query';
import { useJobCancel } from './job-cancel';
import { ErrorCallout } from './ui';

/**
 * A running job (a training, a simulation) is polled every second rather than subscribed to: the same
 * query brings the outcome the moment the job ends, and it needs no WebSocket through proxies.
 */
export const JOB_POLL_MS = 1000;

/** How a job's page reads one kind of job, cancels it, and tells that it has ended. */
export interface JobKind<Api, Job> {
  read(api: Api, id: string): Promise<Job>;
  cancel(api: Api, id: string): Promise<unknown>;
  finished(job: Job): boolean;
}

/** The job `id`, read again until it has ended, the error of the last read, and the way to cancel it. */
export function useJobRun<Api, Job>(kind: JobKind<Api, Job>, api: Api, id: string) {
  const { data, error, reload } = useServerQuery(() => kind.read(api, id), [kind, api, id], {
    poll: JOB_POLL_MS,
    pollWhile: (job) => !kind.finished(job),
  });
  const cancel = useJobCancel(() => kind.cancel(api, id), reload);
  return { job: data, error, cancel };
}

/** Why a job's page shows no fresh copy: contact lost while it has one (reading goes on), or none read yet. */
export function JobReadError({ error, loaded, what }: { error?: string; loaded: boolean; what: string }) {
  if (!error) return null;
  return (
    <ErrorCallout>
      {loaded ? `Lost contact with the server, retrying: ${error}` : `Could not load ${what}: ${error}`}
    </ErrorCallout>
  );
}
