// Fixed pages of article-like sizes, prerendered at build time: the yardsticks `npm run bench`
// (scripts/bench/site.ts) compares the per-request pages with, each route with the one nearest
// its own size. They read no data, so Next serves them as files; crawlers are told to leave them.
// Only a server started by the benchmark serves them (../../layout.tsx).
import type { Metadata } from "next";
import { BENCH_STATIC_SIZES_KB } from "./sizes";

export const dynamicParams = false;

export function generateStaticParams(): Array<{ kb: string }> {
  return BENCH_STATIC_SIZES_KB.map((kb) => ({ kb: String(kb) }));
}

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

// Measured on the built pages: the layout weighs about 15 KB, and a paragraph about 0.9 KB (its
// text is in the HTML and again in the React payload).
const LAYOUT_BYTES = 15_000;
const PARAGRAPH_BYTES = 900;

export default async function BenchStaticPage({ params }: { params: Promise<{ kb: string }> }) {
  const kb = Number((await params).kb);
  const paragraphs = Math.max(1, Math.round((kb * 1024 - LAYOUT_BYTES) / PARAGRAPH_BYTES));
  return (
    <article>
      <h1 className="article-title">A fixed page of {kb} KB</h1>
      <p className="meta">By the benchmark · 1 January 2026 · 8 min read</p>
      <div className="article-body">
        {Array.from({ length: paragraphs }, (_, n) => (
          <p key={n}>{paragraph(n)}</p>
        ))}
      </div>
    </article>
  );
}
