/**
 * The messages of a setting, one line each under it: errors unless `warning`; `alert` reads them
 * out as they appear (for messages that come while the designer types).
 */
export function FieldMessages({
  messages,
  warning,
  alert,
}: {
  messages: readonly string[];
  warning?: boolean;
  alert?: boolean;
}) {
  return (
    <>
      {messages.map((m) => (
        <div key={m} className={warning ? 'field-warning' : 'field-error'} role={alert ? 'alert' : undefined}>
          {m}
        </div>
      ))}
    </>
  );
}
