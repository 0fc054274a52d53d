import { useState } from 'react';
import { useServerQuery } from '../api/use-server-query';
import { Button, ErrorCallout } from '../shared/ui';
import { errorMessage } from '../shared/error-message';
import { usePeople } from '../shared/people';
import { type ReviewApi, type ReviewData } from './review-api';
import { personName, when } from './review-words';
import { deniedReason } from '../app/access';

export interface StepChoice {
  id: string;
  label?: string;
}

const stepName = (id: string, steps?: readonly StepChoice[]) => steps?.find((n) => n.id === id)?.label ?? id;

const KIND_WORDS: Record<string, string> = {
  APPROVAL: 'approved',
  REJECTION: 'rejected',
  JUSTIFICATION: 'approved over the failed fairness check, because',
  COMMENT: '',
};

export function CommentsPanel({
  api,
  versionId,
  me,
  steps,
}: {
  api: ReviewApi;
  versionId: string;
  me: ReviewData['me'];
  /** The version's steps, offered for "About step" and used to name the step a comment is about. */
  steps?: readonly StepChoice[];
}) {
  const loaded = useServerQuery(() => api.comments(versionId), [api, versionId]);
  const comments = loaded.data;
  const authors = usePeople(comments?.map((c) => c.authorId) ?? []);
  const [addError, setAddError] = useState<string>();
  const error = addError ?? loaded.error;
  const [body, setBody] = useState('');
  const [nodeId, setNodeId] = useState('');
  const add = async () => {
    try {
      const created = await api.addComment(versionId, body.trim(), nodeId || undefined);
      loaded.setData((c) => [...(c ?? []), created]);
      setBody('');
      setNodeId('');
      setAddError(undefined);
    } catch (err) {
      setAddError(errorMessage(err));
    }
  };
  const rejected = comments?.some((c) => c.kind === 'REJECTION');
  const commentDenied = deniedReason('commentOnVersions', me);
  return (
    <section className="comments" aria-label="Comments">
      <h3>Comments {rejected && <span className="status-pill status-rejected">was rejected</span>}</h3>
      {error && <ErrorCallout>{error}</ErrorCallout>}
      {!comments && !error && <p className="muted small">Loading comments…</p>}
      {comments?.length === 0 && (
        <p className="muted small">No comments yet. Ask a question or note what to check before approving.</p>
      )}
      <ul className="comment-list">
        {comments?.map((c) => (
          <li key={c.id} className={`comment comment-${c.kind.toLowerCase()}`}>
            <span className="small muted">
              {personName(c.authorId, me, authors)}
              {KIND_WORDS[c.kind] ? ` ${KIND_WORDS[c.kind]}` : ''}
              {c.nodeId ? ` · on step “${stepName(c.nodeId, steps)}”` : ''} · {when(c.createdAt)}
            </span>
            <p>{c.body}</p>
          </li>
        ))}
      </ul>
      {commentDenied && <p className="muted small">{commentDenied}</p>}
      {!commentDenied && (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (body.trim()) void add();
          }}
        >
          <label className="field-label" htmlFor={`comment-${versionId}`}>
            Add a comment
          </label>
          <textarea
            id={`comment-${versionId}`}
            rows={2}
            value={body}
            onChange={(e) => setBody(e.target.value)}
          />
          <label className="field-label" htmlFor={`comment-node-${versionId}`}>
            About step (optional)
          </label>
          <input
            id={`comment-node-${versionId}`}
            value={nodeId}
            onChange={(e) => setNodeId(e.target.value)}
            placeholder={steps ? 'pick a step from the list, or type its id' : 'step id, e.g. adults'}
            list={steps ? `nodes-${versionId}` : undefined}
          />
          {steps && (
            <datalist id={`nodes-${versionId}`}>
              {steps.map((n) => (
                <option key={n.id} value={n.id} label={n.label} />
              ))}
            </datalist>
          )}
          <Button type="submit" disabled={!body.trim()}>
            Comment
          </Button>
        </form>
      )}
    </section>
  );
}
