"use client";

import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  archiveArticle,
  createArticle,
  publishArticle,
  saveArticle,
  scheduleArticle,
  submitArticle,
  unpublishArticle,
} from "@/app/(admin)/admin/articles/actions";
import type { ActionResult } from "@/lib/platform/actions/result";
import { countWords, documentToPlainText, readingMinutes, type ArticleDocument } from "@/lib/editor/document";
import { articleExtensions } from "@/lib/editor/extensions";
import { createPerson } from "@/app/(admin)/admin/people/actions";
import { createSourceNamed } from "@/app/(admin)/admin/sources/actions";
import { createTag } from "@/app/(admin)/admin/tags/actions";
import { MediaPicker, type PickedMedia } from "@/components/admin/media/media-picker";
import type { PickerItem } from "@/components/ui/searchable-picker";
import { useToast } from "@/components/ui/toaster";
import { ConflictDialog } from "./conflict-dialog";
import { readLocalDraft, type LocalDraft } from "./local-draft";
import { EditorTopBar } from "./editor-top-bar";
import { SidePanel } from "./side-panel";
import { Toolbar } from "./toolbar";
import type { EditorFields, EditorOptions, EditorState, ServerArticle } from "@/lib/articles/editor-types";
import type { RightsPreview } from "@/lib/rights/publish-preview";
import { RightsPanel } from "./rights-panel";
import { useAutosave } from "./use-autosave";
import { useRightsCheck } from "./use-rights-check";
import { WorkflowBar } from "./workflow-bar";

const BODY_SYNC_MS = 250;

/**
 * The editor's document as plain JSON. ProseMirror keeps attributes in null-prototype objects,
 * which a server action would receive as opaque references rather than data.
 */
function editorDocument(editor: Editor): ArticleDocument {
  return JSON.parse(JSON.stringify(editor.getJSON())) as ArticleDocument;
}

export function ArticleEditor(props: {
  /** The article's id, also before its first save. */
  articleId: string;
  article: ServerArticle | null;
  initialFields: EditorFields;
  options: EditorOptions;
  canPublish: boolean;
  /** Whether this user may add tags and people from the editor's pickers. */
  canCreate: { tags: boolean; people: boolean; sources: boolean };
  featuredImageUrl: string | null;
  /** The rights check's answer when the page was loaded (null for a new article or a writer). */
  initialRights: RightsPreview | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const [options, setOptions] = useState(props.options);
  const [fields, setFields] = useState(props.initialFields);
  const [article, setArticle] = useState(props.article);
  const [restorable, setRestorable] = useState<LocalDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [picking, setPicking] = useState<"body" | "featured" | null>(null);
  const [featuredUrl, setFeaturedUrl] = useState(props.featuredImageUrl);
  const [linkOpen, setLinkOpen] = useState(false);
  /** A publish or schedule refused because the original has a newer revision: confirming retries it. */
  const [outOfDateRetry, setOutOfDateRetry] = useState<(() => void) | null>(null);
  const bodyTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const update = useCallback(<K extends keyof EditorFields>(key: K, value: EditorFields[K]) => {
    setFields((current) => ({ ...current, [key]: value }));
  }, []);

  // Options that stay the same object across renders: Tiptap re-applies changed options to the
  // view on every render, which can put back a selection the browser has just moved.
  const [initialBody] = useState(props.initialFields.body);
  const editorProps = useMemo(
    () => ({
      attributes: {
        class: "article-body editor-surface",
        "aria-label": "Article body",
        role: "textbox",
        "aria-multiline": "true",
      },
      handleKeyDown: (_view: unknown, event: KeyboardEvent) => {
        if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
          event.preventDefault();
          setLinkOpen(true);
          return true;
        }
        return false;
      },
    }),
    [],
  );

  const editor = useEditor({
    extensions: articleExtensions,
    content: initialBody,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps,
    // Typing stays fast: the body reaches the form state a moment after the last keystroke.
    onUpdate: ({ editor: e }) => {
      clearTimeout(bodyTimer.current);
      bodyTimer.current = setTimeout(() => update("body", editorDocument(e)), BODY_SYNC_MS);
    },
  });

  const onSaved = useCallback((saved: ServerArticle) => setArticle(saved), []);
  const autosave = useAutosave({
    articleId: props.articleId,
    article: props.article,
    fields,
    create: createArticle,
    save: saveArticle,
    onSaved,
  });

  const rights = useRightsCheck(article, props.initialRights);
  const refused = rights !== null && !rights.allowed;
  const publishBlocked = refused
    ? "The rights check refuses publication: see Rights in the side panel."
    : null;
  // An authorization that starts later still allows scheduling for after its start.
  const scheduleBlocked =
    refused && rights.reasons.some((r) => r.code !== "NOT_YET_VALID") ? publishBlocked : null;

  const saveOnScreen = useCallback(() => {
    clearTimeout(bodyTimer.current);
    void autosave.saveNow(editor ? { ...fields, body: editorDocument(editor) } : fields);
  }, [autosave, editor, fields]);

  // Ctrl/⌘+S saves, wherever the focus is on the page, instead of saving the page as a file.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && !event.altKey && event.key.toLowerCase() === "s") {
        event.preventDefault();
        saveOnScreen();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [saveOnScreen]);

  // A newer unsaved copy in this browser (a failed save, a closed tab): offer it back.
  useEffect(() => {
    const draft = readLocalDraft(props.articleId);
    const serverTime = props.article ? Date.parse(props.article.updatedAt) : 0;
    if (
      draft &&
      draft.savedAt > serverTime &&
      JSON.stringify(draft.fields) !== JSON.stringify(props.initialFields)
    ) {
      // Browser storage is only readable after hydration, so this cannot be initial state.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setRestorable(draft);
    }
  }, [props.articleId, props.article, props.initialFields]);

  function restoreLocal(draft: LocalDraft) {
    setFields(draft.fields);
    editor?.commands.setContent(draft.fields.body);
    setRestorable(null);
  }

  async function runWorkflow(
    action: (input: unknown) => Promise<ActionResult>,
    extra: Record<string, unknown> = {},
  ) {
    setNotice(null);
    setOutOfDateRetry(null);
    clearTimeout(bodyTimer.current);
    // Save what is on screen first, so what gets published is exactly what the editor sees.
    const onScreen = editor ? { ...fields, body: editorDocument(editor) } : fields;
    setFields(onScreen);
    if (!(await autosave.saveNow(onScreen))) return;
    const confirmed = autosave.confirmed();
    if (!confirmed) return;
    const result = await action({ id: confirmed.id, version: confirmed.version, ...extra });
    if (result.ok) {
      // Publishing may link the covering grant and give the article its address: show all of it.
      const moved = result.data as EditorState;
      autosave.adopt(moved.server, moved.fields);
      setArticle(moved.server);
      setFields(moved.fields);
      if (result.message) toast(result.message);
    } else {
      // A refusal stays in the top bar until the next attempt: it says what to fix.
      setNotice(result.message);
      const outOfDate = (result.data as { outOfDate?: unknown } | undefined)?.outOfDate;
      if (outOfDate)
        setOutOfDateRetry(() => () => void runWorkflow(action, { ...extra, confirmOutOfDate: true }));
    }
    router.refresh();
  }

  function onPick(media: PickedMedia) {
    if (picking === "body") editor?.chain().focus().setImage({ src: media.url, alt: media.alt }).run();
    if (picking === "featured") {
      update("featuredImageId", media.id);
      update("featuredImageAlt", media.alt);
      setFeaturedUrl(media.url);
    }
    setPicking(null);
  }

  async function createTagNamed(name: string): Promise<PickerItem | string> {
    const result = await createTag({ name });
    if (!result.ok) return result.message;
    const tag = result.data as { id: string; name: string; kind: string };
    setOptions((current) => ({ ...current, tags: [...current.tags, tag] }));
    toast(`Created the tag “${tag.name}”.`);
    return { id: tag.id, name: tag.name };
  }

  async function createPersonNamed(name: string): Promise<PickerItem | string> {
    const result = await createPerson({ name });
    if (!result.ok) return result.message;
    const person = result.data as { id: string; name: string };
    setOptions((current) => ({ ...current, people: [...current.people, person] }));
    toast(`Added “${person.name}” to the people.`);
    return { id: person.id, name: person.name };
  }

  async function createSourceFromName(name: string): Promise<PickerItem | string> {
    const result = await createSourceNamed({ name });
    if (!result.ok) return result.message;
    const source = result.data as { id: string; name: string };
    setOptions((current) => ({
      ...current,
      sources: [...current.sources, { id: source.id, name: source.name }],
    }));
    toast(`Added the source “${source.name}”. Its kind is Website; change it on the source's page.`);
    return { id: source.id, name: source.name };
  }

  const plainText = documentToPlainText(fields.body);

  return (
    <div className="editor-layout">
      <EditorTopBar
        article={article}
        canPublish={props.canPublish}
        saveStatus={autosave.status}
        words={countWords(plainText)}
        minutes={readingMinutes(plainText)}
        notice={notice}
        onSave={saveOnScreen}
        onSubmit={() => void runWorkflow(submitArticle)}
        onPublish={() => void runWorkflow(publishArticle)}
        publishBlocked={publishBlocked}
      />
      <div className="editor-main">
        {outOfDateRetry && (
          <div className="notice" role="alert" data-testid="out-of-date-confirm">
            The translation is out of date with its original.{" "}
            <button type="button" onClick={outOfDateRetry}>
              Publish it as it is
            </button>{" "}
            <a href={`/admin/articles/${props.articleId}/original`}>See what changed</a>
          </div>
        )}
        {restorable && (
          <div className="notice" role="alert">
            This browser has unsaved changes from {new Date(restorable.savedAt).toLocaleString()}.{" "}
            <button type="button" onClick={() => restoreLocal(restorable)}>
              Restore them
            </button>{" "}
            <button type="button" className="link-button" onClick={() => setRestorable(null)}>
              Discard
            </button>
          </div>
        )}
        {autosave.status.kind === "conflict" && (
          <ConflictDialog
            mine={fields}
            server={autosave.status.server}
            onKeepMine={(server) => void autosave.keepMine(server)}
            onTakeTheirs={autosave.takeTheirs}
          />
        )}
        <label className="title-field">
          <span className="visually-hidden">Title</span>
          {/* Grows with the title (CSS field-sizing); Enter goes on to the body, titles are one line. */}
          <textarea
            name="title"
            placeholder="Title"
            rows={1}
            value={fields.title}
            maxLength={300}
            onChange={(e) => update("title", e.target.value.replace(/\s*\n\s*/g, " "))}
            onKeyDown={(e) => {
              if (e.key !== "Enter") return;
              e.preventDefault();
              editor?.commands.focus("start");
            }}
          />
        </label>
        {editor && (
          <Toolbar
            editor={editor}
            onInsertImage={() => setPicking("body")}
            linkOpen={linkOpen}
            onLinkOpenChange={setLinkOpen}
          />
        )}
        {picking && (
          <section className="picker" aria-label="Choose an image">
            <MediaPicker onPick={onPick} onCancel={() => setPicking(null)} />
          </section>
        )}
        <EditorContent editor={editor} />
      </div>
      <div className="editor-side">
        {props.canPublish && <RightsPanel kind={fields.kind} preview={rights} />}
        <WorkflowBar
          article={article}
          canPublish={props.canPublish}
          isReprint={fields.kind === "REPRINT"}
          onSchedule={(publishAt) => void runWorkflow(scheduleArticle, { publishAt })}
          onUnpublish={() => void runWorkflow(unpublishArticle)}
          onArchive={() => void runWorkflow(archiveArticle)}
          publishBlocked={scheduleBlocked}
        />
        <SidePanel
          address={article?.path ?? null}
          addressReserved={article !== null && article.slug !== ""}
          fields={fields}
          update={update}
          options={options}
          onCreateTag={props.canCreate.tags ? createTagNamed : undefined}
          onCreatePerson={props.canCreate.people ? createPersonNamed : undefined}
          onCreateSource={props.canCreate.sources ? createSourceFromName : undefined}
          featuredImageUrl={featuredUrl}
          onChooseFeaturedImage={() => setPicking("featured")}
          onRemoveFeaturedImage={() => {
            update("featuredImageId", null);
            setFeaturedUrl(null);
          }}
        />
      </div>
    </div>
  );
}
