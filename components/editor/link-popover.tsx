"use client";

import * as Popover from "@radix-ui/react-popover";
import type { Editor } from "@tiptap/react";
import { useState, type FormEvent, type ReactNode } from "react";
import { linkAddress } from "@/lib/editor/link-address";

/**
 * The toolbar's link button and the small form it opens: the address of the link under the
 * cursor (or a new one for the selection), Apply, and Remove for an existing link.
 */
export function LinkPopover({
  editor,
  open,
  onOpenChange,
  active,
  children,
}: {
  editor: Editor;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  active: boolean;
  children: ReactNode;
}) {
  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Trigger asChild>
        <button
          type="button"
          className="tool"
          aria-label="Link"
          title="Link (Ctrl/⌘+K)"
          aria-pressed={active}
          onMouseDown={(event) => event.preventDefault()}
        >
          {children}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover"
          side="bottom"
          align="start"
          sideOffset={6}
          collisionPadding={8}
          // Back to the text, where the editor was, rather than to the toolbar button; on Escape at
          // once, not when the popover has gone.
          onEscapeKeyDown={() => focusNow(editor)}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            focusNow(editor);
          }}
        >
          {/* Mounted on open, so the form starts from the link under the cursor. */}
          <LinkForm
            editor={editor}
            initialHref={(editor.getAttributes("link").href as string | undefined) ?? ""}
            close={() => onOpenChange(false)}
          />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function LinkForm({
  editor,
  initialHref,
  close,
}: {
  editor: Editor;
  initialHref: string;
  close: () => void;
}) {
  const [href, setHref] = useState(initialHref);
  const [error, setError] = useState<string | null>(null);

  function apply(event: FormEvent) {
    event.preventDefault();
    const address = linkAddress(href);
    if (!address.ok) return setError(address.message);
    editor.chain().extendMarkRange("link").setLink({ href: address.href }).run();
    // Continue typing after the link, not inside it: links take what is typed at their end.
    editor.chain().setTextSelection(editor.state.selection.to).unsetMark("link").run();
    focusNow(editor);
    close();
  }

  function remove() {
    editor.chain().extendMarkRange("link").unsetLink().run();
    focusNow(editor);
    close();
  }

  return (
    <form className="link-form" onSubmit={apply} noValidate>
      <label>
        Link address
        <input
          type="text"
          inputMode="url"
          autoComplete="off"
          placeholder="https://…"
          value={href}
          aria-invalid={error !== null}
          aria-describedby={error ? "link-error" : undefined}
          onChange={(event) => {
            setHref(event.target.value);
            setError(null);
          }}
        />
      </label>
      {error && (
        <p id="link-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="link-form-buttons">
        <button type="submit">Apply</button>
        {initialHref && (
          <button type="button" className="link-button" onClick={remove}>
            Remove link
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * Focus on the text before the next key arrives. Tiptap's focus command waits for the next frame,
 * and keys typed until then went to the closing form (an Enter submitting it again) or nowhere.
 */
function focusNow(editor: Editor) {
  if (!editor.isDestroyed) editor.view.focus();
}
