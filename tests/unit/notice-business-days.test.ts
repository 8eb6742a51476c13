import { describe, expect, it } from "vitest";
import { addBusinessDays } from "@/lib/rights/notices/business-days";

describe("addBusinessDays", () => {
  it("skips the weekend: ten business days from a Wednesday end on the second Wednesday after", () => {
    // 2026-12-02 is a Wednesday.
    expect(addBusinessDays(new Date("2026-12-02T10:00:00Z"), 10).toISOString()).toBe(
      "2026-12-16T10:00:00.000Z",
    );
  });

  it("counts Monday as the first day after a Friday", () => {
    expect(addBusinessDays(new Date("2026-12-04T16:30:00Z"), 1).toISOString()).toBe(
      "2026-12-07T16:30:00.000Z",
    );
  });

  it("starts counting on Monday when the counter-notice came on a Saturday or a Sunday", () => {
    expect(addBusinessDays(new Date("2026-12-05T09:00:00Z"), 1).toISOString()).toBe(
      "2026-12-07T09:00:00.000Z",
    );
    expect(addBusinessDays(new Date("2026-12-06T09:00:00Z"), 5).toISOString()).toBe(
      "2026-12-11T09:00:00.000Z",
    );
  });

  it("crosses two weekends for ten days from a Friday", () => {
    expect(addBusinessDays(new Date("2026-12-04T12:00:00Z"), 10).toISOString()).toBe(
      "2026-12-18T12:00:00.000Z",
    );
  });
});
