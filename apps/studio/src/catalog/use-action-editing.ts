import { useState } from 'react';
import { errorMessage } from '../shared/error-message';
import {
  createInput,
  editedFields,
  parseDraft,
  rebaseDraft,
  updateInput,
  type ActionDraft,
  type ActionField,
  type FieldErrors,
} from './action-fields';
import type { RowMessage } from './ActionRows';
import type { CatalogAction, CatalogApi } from './catalog-api';
import { needsConfirmation, type ChangeImpact } from './change-impact';
import { saveError } from './save-error';

export interface Editing {
  /** The action as it was when editing started; undefined for a new one. */
  original?: CatalogAction;
  draft: ActionDraft;
  errors: FieldErrors;
  message?: RowMessage;
  saving: boolean;
  /** Strategy versions that read the action: shown before the edit is saved. */
  impact?: ChangeImpact;
}

/**
 * The catalog row being edited (or added): its draft and field errors, saving it (after showing
 * which strategy versions read the action) and reloading it when someone else changed it meanwhile.
 * `saved` puts the stored action into the list; `notify` says what happened.
 */
export function useActionEditing(
  api: CatalogApi,
  saved: (action: CatalogAction) => void,
  notify: (notice: string) => void,
) {
  const [editing, setEditing] = useState<Editing>();

  const change = (field: ActionField, text: string) =>
    setEditing(
      (e) => e && { ...e, draft: { ...e.draft, [field]: text }, errors: { ...e.errors, [field]: undefined } },
    );

  /** `confirmed`: the user has seen which strategy versions read the action, and saves anyway. */
  const save = async (confirmed = false) => {
    if (!editing || editing.saving) return;
    const { values, errors } = parseDraft(editing.draft);
    if (!values) return setEditing({ ...editing, errors, message: undefined });
    const { original, draft } = editing;
    if (original && editedFields(original, draft).length === 0) return setEditing(undefined);
    setEditing({ ...editing, errors: {}, message: undefined, saving: true, impact: undefined });
    try {
      if (!confirmed) {
        // The preview is a courtesy: without it the server still refuses an edit that breaks a version.
        const impact = await api
          .impact(createInput({ ...values, id: original?.id ?? values.id }))
          .catch(() => undefined);
        if (needsConfirmation(impact)) return setEditing((e) => e && { ...e, saving: false, impact });
      }
      const result = original
        ? await api.update(original.id, updateInput(values, editedFields(original, draft), original.revision))
        : await api.create(createInput(values));
      saved(result);
      setEditing(undefined);
      notify(`Saved ${result.id}.`);
    } catch (err) {
      setEditing((e) => e && { ...e, ...saveError(err, draft.id), saving: false });
    }
  };

  const reloadRow = async () => {
    if (!editing?.original) return;
    try {
      const latest = await api.get(editing.original.id);
      saved(latest);
      setEditing({
        original: latest,
        draft: rebaseDraft(editing.draft, editing.original, latest),
        errors: {},
        saving: false,
      });
      notify(
        `Reloaded ${latest.id} (revision ${latest.revision}); your edits are on top. Save to apply them.`,
      );
    } catch (err) {
      setEditing({ ...editing, message: { text: `Could not reload: ${errorMessage(err)}` } });
    }
  };

  return { editing, setEditing, change, save, reloadRow };
}
