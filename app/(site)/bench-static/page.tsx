// A fixed page of article size, prerendered at build time: the yardstick that `npm run bench`
// (scripts/bench/site.ts) compares the per-request pages with. It reads no data, so Next serves
// it as a file; crawlers are told to leave it alone.
import type { Metadata } from "next";

export const dynamic = "force-static";

export const metadata: Metadata = {
  title: "Benchmark yardstick",
  robots: { index: false, follow: false },
};

const WORDS = (
  "alliance strait summit ministry defense trade sanctions border treaty election parliament " +
  "diplomacy security economy energy maritime islands envoy talks cooperation tension reform"
).split(" ");

function paragraph(n: number): string {
  const text = Array.from({ length: 60 }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]).join(" ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

export default function BenchStaticPage() {
  return (
    <article>
      <h1 className="article-title">A fixed page of article size</h1>
      <p className="meta">By the benchmark · 1 January 2026 · 8 min read</p>
      <div className="article-body">
        {Array.from({ length: 30 }, (_, n) => (
          <p key={n}>{paragraph(n)}</p>
        ))}
      </div>
    </article>
  );
}
