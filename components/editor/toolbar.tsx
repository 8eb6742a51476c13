"use client";

import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import {
  Bold,
  Heading2,
  Heading3,
  Heading4,
  Image as ImageIcon,
  Italic,
  Link as LinkIcon,
  List,
  ListOrdered,
  Pilcrow,
  Redo2,
  SeparatorHorizontal,
  Strikethrough,
  TextQuote,
  Underline,
  Undo2,
  type LucideIcon,
} from "lucide-react";
import { LinkPopover } from "./link-popover";

interface Button {
  label: string;
  icon: LucideIcon;
  shortcut?: string;
  run: (editor: Editor) => void;
  active?: (editor: Editor) => boolean;
}

const chain = (editor: Editor) => editor.chain().focus();

const BLOCKS: Button[] = [
  {
    label: "Paragraph",
    icon: Pilcrow,
    shortcut: "Mod-Alt-0",
    run: (e) => chain(e).setParagraph().run(),
    active: (e) => e.isActive("paragraph"),
  },
  ...([2, 3, 4] as const).map((level) => ({
    label: `Heading ${level}`,
    icon: { 2: Heading2, 3: Heading3, 4: Heading4 }[level],
    shortcut: `Mod-Alt-${level}`,
    run: (e: Editor) => chain(e).toggleHeading({ level }).run(),
    active: (e: Editor) => e.isActive("heading", { level }),
  })),
];

const MARKS: Button[] = [
  {
    label: "Bold",
    icon: Bold,
    shortcut: "Mod-B",
    run: (e) => chain(e).toggleBold().run(),
    active: (e) => e.isActive("bold"),
  },
  {
    label: "Italic",
    icon: Italic,
    shortcut: "Mod-I",
    run: (e) => chain(e).toggleItalic().run(),
    active: (e) => e.isActive("italic"),
  },
  {
    label: "Underline",
    icon: Underline,
    shortcut: "Mod-U",
    run: (e) => chain(e).toggleUnderline().run(),
    active: (e) => e.isActive("underline"),
  },
  {
    label: "Strikethrough",
    icon: Strikethrough,
    shortcut: "Mod-Shift-S",
    run: (e) => chain(e).toggleStrike().run(),
    active: (e) => e.isActive("strike"),
  },
];

const STRUCTURE: Button[] = [
  {
    label: "Block quote",
    icon: TextQuote,
    shortcut: "Mod-Shift-B",
    run: (e) => chain(e).toggleBlockquote().run(),
    active: (e) => e.isActive("blockquote"),
  },
  {
    label: "Bulleted list",
    icon: List,
    shortcut: "Mod-Shift-8",
    run: (e) => chain(e).toggleBulletList().run(),
    active: (e) => e.isActive("bulletList"),
  },
  {
    label: "Numbered list",
    icon: ListOrdered,
    shortcut: "Mod-Shift-7",
    run: (e) => chain(e).toggleOrderedList().run(),
    active: (e) => e.isActive("orderedList"),
  },
  { label: "Section break", icon: SeparatorHorizontal, run: (e) => chain(e).setHorizontalRule().run() },
];

const HISTORY: Button[] = [
  { label: "Undo", icon: Undo2, shortcut: "Mod-Z", run: (e) => chain(e).undo().run() },
  { label: "Redo", icon: Redo2, shortcut: "Mod-Shift-Z", run: (e) => chain(e).redo().run() },
];

function ToolButton({ editor, button, pressed }: { editor: Editor; button: Button; pressed?: boolean }) {
  return (
    <button
      type="button"
      className="tool"
      aria-label={button.label}
      title={button.shortcut ? `${button.label} (${button.shortcut.replace("Mod", "Ctrl/⌘")})` : button.label}
      aria-pressed={button.active ? pressed : undefined}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => button.run(editor)}
    >
      <button.icon aria-hidden size={18} />
    </button>
  );
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
        <ToolButton key={button.label} editor={editor} button={button} pressed={state[button.label]} />
      ))}
    </div>
  );
}

const WITH_STATE = [...BLOCKS, ...MARKS, ...STRUCTURE].filter((b) => b.active);

export function Toolbar({
  editor,
  onInsertImage,
  linkOpen,
  onLinkOpenChange,
}: {
  editor: Editor;
  onInsertImage: () => void;
  /** The link popover, also opened by Ctrl/⌘+K in the body. */
  linkOpen: boolean;
  onLinkOpenChange: (open: boolean) => void;
}) {
  // Re-render only when the active states change, not on every keystroke.
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      ...(Object.fromEntries(WITH_STATE.map((b) => [b.label, b.active!(e)])) as Record<string, boolean>),
      Link: e.isActive("link"),
    }),
  });
  const image: Button = { label: "Image", icon: ImageIcon, run: onInsertImage };
  return (
    <div role="toolbar" aria-label="Formatting" className="toolbar">
      <ToolbarGroup editor={editor} buttons={BLOCKS} state={state} />
      <ToolbarGroup editor={editor} buttons={MARKS} state={state} />
      <div role="group" className="toolbar-group">
        <LinkPopover
          editor={editor}
          open={linkOpen}
          onOpenChange={onLinkOpenChange}
          active={state.Link ?? false}
        >
          <LinkIcon aria-hidden size={18} />
        </LinkPopover>
        <ToolButton editor={editor} button={image} />
      </div>
      <ToolbarGroup editor={editor} buttons={STRUCTURE} state={state} />
      <ToolbarGroup editor={editor} buttons={HISTORY} state={state} />
    </div>
  );
}
