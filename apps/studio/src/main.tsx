// First: configures libraries before any of them runs.
import './app/no-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './shared/ui.css';
import './editor/editor.css';
import './review/review.css';
import './catalog/catalog.css';
import './schema/schema.css';
import './datasets/datasets.css';
import './simulations/simulations.css';
import './admin/admin.css';
import { App } from './app/App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
