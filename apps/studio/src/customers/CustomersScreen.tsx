import { useState, type FormEvent } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { deniedReason } from '../app/access';
import type { Grants } from '../auth/session';
import { Button, ErrorCallout } from '../shared/ui';
import { graphqlCustomersApi, type CustomersApi } from './customers-api';
import { CustomerProfile } from './CustomerProfile';
import { ProfileImport } from './ProfileImport';
import type { ProfileImportApi } from './profile-import-api';
import { SourceQuality } from './SourceQuality';
import './customers.css';

/**
 * Customers (analyst, admin): one customer's profile with the source and age of each field, the
 * interaction history and recent decisions; and how fresh and complete each source keeps the profiles.
 */
export function CustomersScreen({
  user,
  api = graphqlCustomersApi,
  importApi,
}: {
  user: Grants;
  api?: CustomersApi;
  importApi?: ProfileImportApi;
}) {
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState<string>();
  const withHistory = !deniedReason('readInteractions', user);
  const quality = useServerQuery(() => api.quality(), [api]);
  const customer = useServerQuery(() => api.customer(asked!, withHistory), [api, asked, withHistory], {
    pause: asked === undefined,
  });
  const error = customer.error ?? quality.error;

  const lookUp = (e: FormEvent) => {
    e.preventDefault();
    const id = query.trim();
    if (!id) return;
    if (id === asked) void customer.reload();
    else setAsked(id);
  };

  return (
    <div className="customers-screen">
      <header className="toolbar">
        <div className="toolbar-title">
          <h1>Customers</h1>
        </div>
      </header>
      <main className="customers-main">
        <form onSubmit={lookUp} aria-label="Look up a customer">
          <label className="field-label">
            Customer id
            <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder="e.g. C-42" />
          </label>
          <Button variant="primary" type="submit" disabled={!query.trim() || customer.loading}>
            Look up
          </Button>
        </form>
        {error && <ErrorCallout>{error}</ErrorCallout>}
        {customer.data && (
          <CustomerProfile customer={customer.data} staleAfterDays={quality.data?.staleAfterDays ?? 30} />
        )}
        {/* The import reads the file's columns as the dataset upload does, which analysts may do. */}
        {!deniedReason('uploadDataset', user) && (
          <ProfileImport {...(importApi && { api: importApi })} onImported={() => void quality.reload()} />
        )}
        <SourceQuality quality={quality.data} />
      </main>
    </div>
  );
}
