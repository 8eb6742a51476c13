// Until when a reprint stays public, as the visibility rule will answer if nobody decides
// anything more: the run of terms in force (the linked grant's and its renewals'), no end for
// open terms or keep-existing ones, nothing for what covers nothing now.
import { describe, expect, it } from "vitest";
import { RENEWAL_DEPTH } from "@/lib/articles/visibility";
import { coverageEnd, coverageSelect, type CoverageLink } from "@/lib/rights/coverage";
import { authorizationPubstatus } from "@/lib/rights/ninjs-fields";

const HOUR = 3_600_000;
const T0 = new Date("2026-06-01T08:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

function term(from: number, until: number | null, more: Partial<CoverageLink> = {}): CoverageLink {
  return {
    status: "GRANTED",
    validFrom: at(from),
    validUntil: until === null ? null : at(until),
    onTermination: "TAKE_DOWN",
    ...more,
  };
}

describe("coverageEnd", () => {
  it("ends with the linked grant when nothing renews it", () => {
    expect(coverageEnd(term(-1, 2), T0)).toEqual({ covered: true, until: at(2) });
    expect(coverageEnd(term(-1, null), T0)).toEqual({ covered: true, until: null });
  });

  it("carries on through renewals that start before or as the one in force ends, and stops at a gap", () => {
    const chain = term(-1, 2, {
      renewedBy: [term(2, 4, { renewedBy: [term(3, 6, { renewedBy: [term(7, 9)] })] })],
    });
    expect(coverageEnd(chain, T0)).toEqual({ covered: true, until: at(6) });
    // Between 6 and 7 nothing is in force: the article goes, whatever comes later.
    expect(coverageEnd(chain, at(6))).toEqual({ covered: false });
    expect(coverageEnd(chain, at(8))).toEqual({ covered: true, until: at(9) });
  });

  it("counts only granted renewals, through a requested one in the middle of a chain", () => {
    const chain = term(-1, 2, {
      renewedBy: [
        term(2, null, { status: "REQUESTED", renewedBy: [term(2, 5)] }),
        term(2, null, { status: "DENIED" }),
      ],
    });
    expect(coverageEnd(chain, T0)).toEqual({ covered: true, until: at(5) });
  });

  it("has no end for keep-existing terms, even revoked or lapsed, and covers nothing revoked otherwise", () => {
    expect(coverageEnd(term(-2, -1, { onTermination: "KEEP_EXISTING" }), T0)).toEqual({
      covered: true,
      until: null,
    });
    expect(coverageEnd(term(-2, 5, { status: "REVOKED", onTermination: "KEEP_EXISTING" }), T0)).toEqual({
      covered: true,
      until: null,
    });
    expect(coverageEnd(term(-2, 5, { status: "REVOKED" }), T0)).toEqual({ covered: false });
    expect(coverageEnd(term(1, 5), T0)).toEqual({ covered: false });
  });

  it("selects renewals exactly as deep as the visibility rule follows them", () => {
    let depth = 0;
    let level: { renewedBy?: unknown } = coverageSelect;
    while (level.renewedBy) {
      depth++;
      level = (level.renewedBy as { select: { renewedBy?: unknown } }).select;
    }
    expect(depth).toBe(RENEWAL_DEPTH);
  });
});

describe("authorizationPubstatus", () => {
  it("is usable in force, withheld before (asked, or granted for later), canceled after", () => {
    const of = (more: Partial<CoverageLink>, from = -1, until: number | null = 1) =>
      authorizationPubstatus(term(from, until, more), T0);
    expect(of({})).toBe("usable");
    expect(of({ status: "REQUESTED" })).toBe("withheld");
    expect(of({}, 1, 2)).toBe("withheld");
    expect(of({}, -2, -1)).toBe("canceled");
    expect(of({ status: "REVOKED" })).toBe("canceled");
    expect(of({ status: "DENIED" })).toBe("canceled");
  });
});
