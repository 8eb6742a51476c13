// The first, uncached search of `npm run bench` (scripts/bench/site.ts): searches nobody asked
// before, one at a time, on the bulk site (bench-site.ts), each timed to the last byte of its page
// and each checked to be a miss that Next rendered anew (first-requests.ts). Most use the words the
// bulk articles are written in (lib/seed/bulk.ts), so they find thousands of articles to rank; a
// few find nothing, and a few are narrowed to a tag or a source.
import { PLACES, WORDS } from "@/lib/seed/bulk";
import { latencies, renderedAnew, timedGet, type Latencies } from "./first-requests";

/** Searches that warm the search path (first-run compilation, connections) and are not counted. */
const WARM_UP = WORDS.slice(27, 30).map((q) => ({ q }));
/** Words no article contains. */
const NOWHERE = ["zeppelin", "marmalade quokka", "quixotic bassoon"];

/** The measured searches, each a first request of its own: every one differs from the others. */
function searches(run8: string): Array<Record<string, string>> {
  const tag = (n: number) => `bulk-tag-${run8}-${n}`;
  return [
    ...WORDS.slice(0, 12).map((q) => ({ q })),
    // Taiwan alone is the search row's, asked already.
    ...PLACES.filter((place) => place !== "Taiwan").map((q) => ({ q })),
    ...WORDS.slice(12, 22).map((word, i) => ({ q: `${PLACES[i % PLACES.length]} ${word}` })),
    { q: `"${WORDS[22]} ${WORDS[23]}"` },
    { q: `${WORDS[24]} -${WORDS[25]}` },
    { q: WORDS[1]!, page: "2" },
    { q: WORDS[26]!, tag: tag(7) },
    { q: PLACES[1]!, tag: tag(11) },
    { tag: tag(13) },
    { q: WORDS[3]!, source: `bulk-source-${run8}-3` },
    ...NOWHERE.map((q) => ({ q })),
  ];
}

export interface FirstSearches {
  latencies: Latencies;
  warmUp: number;
  /** Answers that showed results, and that said "No results". */
  found: number;
  empty: number;
  /** Narrowed to a tag or a source. */
  filtered: number;
  /** Answers that were not 200, or that Next did not render anew (a cache answered). */
  failures: string[];
}

export async function measureFirstSearches(base: string, run8: string): Promise<FirstSearches> {
  const url = (params: Record<string, string>) => `${base}/search?${new URLSearchParams(params)}`;
  for (const params of WARM_UP) await timedGet(url(params));
  const times: number[] = [];
  const failures: string[] = [];
  let empty = 0;
  const measured = searches(run8);
  for (const params of measured) {
    const answer = await timedGet(url(params));
    times.push(answer.ms);
    if (answer.status !== 200 || !renderedAnew(answer)) {
      const nextCache = answer.headers["x-nextjs-cache"];
      failures.push(`/search?${new URLSearchParams(params)}: ${answer.status}, x-nextjs-cache ${nextCache}`);
    }
    if (answer.text.includes(">No results<")) empty += 1;
  }
  return {
    latencies: latencies(times),
    warmUp: WARM_UP.length,
    found: measured.length - empty,
    empty,
    filtered: measured.filter((params) => params.tag || params.source).length,
    failures,
  };
}
