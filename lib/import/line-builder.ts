import type { RawLine } from "./types";

/**
 * Collects HTML text into lines the plain-text rules read: a paragraph boundary is one blank line and a
 * section break (an image, an embed, <hr>) two, however many tags produced them.
 */
export class LineBuilder {
  /** The heading level (0 for none) of text added from now on. */
  heading = 0;
  private readonly lines: RawLine[] = [];
  private current = "";
  private currentHeading = 0;
  private pendingNewlines = 0;

  text(text: string): void {
    if (text === "") return;
    if (text.trim() === "" && (this.current.trim() === "" || this.pendingNewlines > 0)) return;
    if (this.pendingNewlines > 0) this.flush();
    if (this.current === "") this.currentHeading = this.heading;
    this.current += text;
  }

  /** <br>: a run of them makes at most a paragraph boundary, never a section break. */
  newline(): void {
    if (this.pendingNewlines < 2) this.pendingNewlines++;
  }

  boundary(): void {
    this.pendingNewlines = Math.max(this.pendingNewlines, 2);
  }

  sectionBreak(): void {
    this.pendingNewlines = 3;
  }

  finish(): RawLine[] {
    if (this.current.trim() !== "") this.lines.push({ text: this.current, heading: this.currentHeading });
    return this.lines;
  }

  private flush(): void {
    if (this.current.trim() !== "") {
      this.lines.push({ text: this.current, heading: this.currentHeading });
      for (let i = 1; i < this.pendingNewlines; i++) this.lines.push({ text: "", heading: 0 });
    }
    this.current = "";
    this.pendingNewlines = 0;
  }
}
