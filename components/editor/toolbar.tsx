"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { LINK_PROTOCOLS } from "@/lib/editor/extensions";

interface Button {
  label: string;
  text: string;
  shortcut?: string;
  run: (editor: Editor) => void;
  active?: (editor: Editor) => boolean;
}

const chain = (editor: Editor) => editor.chain().focus();

const BLOCKS: Button[] = [
  {
    label: "Paragraph",
    text: "¶",
    shortcut: "Mod-Alt-0",
    run: (e) => chain(e).setParagraph().run(),
    active: (e) => e.isActive("paragraph"),
  },
  ...([2, 3, 4] as const).map((level) => ({
    label: `Heading ${level}`,
    text: `H${level}`,
    shortcut: `Mod-Alt-${level}`,
    run: (e: Editor) => chain(e).toggleHeading({ level }).run(),
    active: (e: Editor) => e.isActive("heading", { level }),
  })),
];

const MARKS: Button[] = [
  {
    label: "Bold",
    text: "B",
    shortcut: "Mod-B",
    run: (e) => chain(e).toggleBold().run(),
    active: (e) => e.isActive("bold"),
  },
  {
    label: "Italic",
    text: "I",
    shortcut: "Mod-I",
    run: (e) => chain(e).toggleItalic().run(),
    active: (e) => e.isActive("italic"),
  },
  {
    label: "Underline",
    text: "U",
    shortcut: "Mod-U",
    run: (e) => chain(e).toggleUnderline().run(),
    active: (e) => e.isActive("underline"),
  },
  {
    label: "Strikethrough",
    text: "S",
    shortcut: "Mod-Shift-S",
    run: (e) => chain(e).toggleStrike().run(),
    active: (e) => e.isActive("strike"),
  },
];

const STRUCTURE: Button[] = [
  {
    label: "Block quote",
    text: "❝",
    shortcut: "Mod-Shift-B",
    run: (e) => chain(e).toggleBlockquote().run(),
    active: (e) => e.isActive("blockquote"),
  },
  {
    label: "Bulleted list",
    text: "•",
    shortcut: "Mod-Shift-8",
    run: (e) => chain(e).toggleBulletList().run(),
    active: (e) => e.isActive("bulletList"),
  },
  {
    label: "Numbered list",
    text: "1.",
    shortcut: "Mod-Shift-7",
    run: (e) => chain(e).toggleOrderedList().run(),
    active: (e) => e.isActive("orderedList"),
  },
  { label: "Section break", text: "—", run: (e) => chain(e).setHorizontalRule().run() },
];

const HISTORY: Button[] = [
  { label: "Undo", text: "↶", shortcut: "Mod-Z", run: (e) => chain(e).undo().run() },
  { label: "Redo", text: "↷", shortcut: "Mod-Shift-Z", run: (e) => chain(e).redo().run() },
];

/** Asks for a link address; only http, https and mailto are allowed (the server checks too). */
export function promptForLink(editor: Editor) {
  const previous = (editor.getAttributes("link").href as string | undefined) ?? "https://";
  const href = window.prompt("Link address (https://…, mailto:…). Leave empty to remove the link.", previous);
  if (href === null) return;
  if (href.trim() === "") {
    chain(editor).extendMarkRange("link").unsetLink().run();
    return;
  }
  const protocol = /^([a-z]+):/i.exec(href.trim())?.[1]?.toLowerCase();
  if (!protocol || !(LINK_PROTOCOLS as readonly string[]).includes(protocol)) {
    window.alert("Links may only use http, https or mailto addresses.");
    return;
  }
  chain(editor).extendMarkRange("link").setLink({ href: href.trim() }).run();
  // Continue after the link, as one expects after closing the dialog.
  editor.commands.focus(editor.state.selection.to);
}

function ToolbarGroup({
  editor,
  buttons,
  state,
}: {
  editor: Editor;
  buttons: Button[];
  state: Record<string, boolean>;
}) {
  return (
    <div role="group" className="toolbar-group">
      {buttons.map((button) => (
        <button
          key={button.label}
          type="button"
          className="tool"
          aria-label={button.label}
          title={
            button.shortcut ? `${button.label} (${button.shortcut.replace("Mod", "Ctrl/⌘")})` : button.label
          }
          aria-pressed={button.active ? state[button.label] : undefined}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => button.run(editor)}
        >
          {button.text}
        </button>
      ))}
    </div>
  );
}

const LINK: Button = {
  label: "Link",
  text: "🔗",
  shortcut: "Mod-K",
  run: promptForLink,
  active: (e) => e.isActive("link"),
};

const WITH_STATE = [...BLOCKS, ...MARKS, ...STRUCTURE, LINK].filter((b) => b.active);

export function Toolbar({ editor, onInsertImage }: { editor: Editor; onInsertImage: () => void }) {
  // Re-render only when the active states change, not on every keystroke.
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) =>
      Object.fromEntries(WITH_STATE.map((b) => [b.label, b.active!(e)])) as Record<string, boolean>,
  });
  const insert: Button[] = [LINK, { label: "Image", text: "🖼", run: onInsertImage }];
  return (
    <div role="toolbar" aria-label="Formatting" className="toolbar">
      <ToolbarGroup editor={editor} buttons={BLOCKS} state={state} />
      <ToolbarGroup editor={editor} buttons={MARKS} state={state} />
      <ToolbarGroup editor={editor} buttons={insert} state={state} />
      <ToolbarGroup editor={editor} buttons={STRUCTURE} state={state} />
      <ToolbarGroup editor={editor} buttons={HISTORY} state={state} />
    </div>
  );
}
