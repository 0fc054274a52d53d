import { type ButtonHTMLAttributes } from 'react';

type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

export function Button({
  variant = 'secondary',
  shortcut,
  className,
  title,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; shortcut?: string }) {
  const tip = shortcut ? `${title ?? ''}${title ? ' ' : ''}(${shortcut})` : title;
  return (
    <button
      type="button"
      className={`btn btn-${variant} ${className ?? ''}`}
      title={tip}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
      {...rest}
    />
  );
}

/** "Ctrl+Z" → "Control+Z" for aria-keyshortcuts. */
function ariaShortcut(shortcut: string): string {
  return shortcut.replace(/Ctrl/g, 'Control').replace(/⌘/g, 'Meta').replace(/ or /g, ' ');
}
