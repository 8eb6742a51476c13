// The one place that sets script content. JSON-LD is data, but a string in it such as
// "</script><script>…" would end the element early, so every "<" (and ">", "&", and the line
// separators U+2028/U+2029 that older JavaScript parsers treat as newlines) is written as a
// \uXXXX escape: still the same JSON to a parser, inert to the HTML tokenizer.

const UNSAFE = /[<>&\u2028\u2029]/g;

export function serializeJsonLd(data: object | readonly object[]): string {
  return JSON.stringify(data).replace(
    UNSAFE,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function JsonLd({ data }: { data: object | readonly object[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
