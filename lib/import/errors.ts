export type ImportMissingPart = "title" | "body";

export const MAX_TITLE_LENGTH = 300;

export class ImportError extends Error {
  readonly missing: readonly ImportMissingPart[];

  constructor(missing: readonly ImportMissingPart[], message: string) {
    super(message);
    this.name = "ImportError";
    this.missing = missing;
  }
}

export function emptyError(): ImportError {
  return new ImportError(
    ["title", "body"],
    "Nothing to import: the pasted text is empty. Paste the article with its title on the first line and its paragraphs below it.",
  );
}

export function binaryError(): ImportError {
  return new ImportError(
    ["title", "body"],
    "The pasted content is not readable text (it looks like binary data, such as an image or a file). " +
      "Copy the article's text from the page and paste it again.",
  );
}

export function missingPartsError(title: string, titleTooLong: boolean, hasBody: boolean): ImportError {
  const missing: ImportMissingPart[] = [];
  if (!title || titleTooLong) missing.push("title");
  if (!hasBody) missing.push("body");
  if (titleTooLong) {
    return new ImportError(
      missing,
      `The pasted text has no title: its first line is ${title.length} characters long, which reads as a paragraph ` +
        `(a title has at most ${MAX_TITLE_LENGTH}). Put the article's title alone on the first line.` +
        (hasBody ? "" : " The article's paragraphs should follow it, separated by blank lines."),
    );
  }
  if (missing.length === 2) {
    return new ImportError(
      missing,
      "The pasted text has no title and no body: it holds no article text, only page furniture such as share " +
        "buttons or a comment form. Paste the article with its title on the first line and its paragraphs below it.",
    );
  }
  if (!title) {
    return new ImportError(
      missing,
      "The pasted text has no title: the first non-empty line should be the article's title.",
    );
  }
  return new ImportError(
    missing,
    `The pasted text has no body: nothing follows the title “${title}” but metadata or page furniture. ` +
      "Paste the article's paragraphs below the title, separated by blank lines.",
  );
}
