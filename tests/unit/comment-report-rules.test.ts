import { describe, expect, it } from "vitest";
import { reportNetwork } from "@/lib/platform/http/address-keys";
import {
  hidingReason,
  isUnreliableReporter,
  networksToHide,
  REPORT_NETWORK_FLOOR,
  TRUSTED_REPORTS_TO_HIDE,
} from "@/lib/comments/report-rules";

const none = { staff: 0, trustedReaders: 0, knownNetworks: 0 };

describe("when reader reports hide a comment", () => {
  it("never for known readers from fewer separate networks than the floor, however small the discussion", () => {
    for (let knownNetworks = 0; knownNetworks < REPORT_NETWORK_FLOOR; knownNetworks++) {
      expect(hidingReason({ ...none, knownNetworks }, 0)).toBeNull();
      expect(hidingReason({ ...none, knownNetworks }, 1)).toBeNull();
    }
    expect(hidingReason({ ...none, knownNetworks: REPORT_NETWORK_FLOOR }, 1)).toMatch(
      /Known readers from 10 separate networks/,
    );
  });

  it("asks for as many networks as the article has approved commenters, above the floor", () => {
    expect(networksToHide(0)).toBe(REPORT_NETWORK_FLOOR);
    expect(networksToHide(40)).toBe(40);
    expect(hidingReason({ ...none, knownNetworks: 39 }, 40)).toBeNull();
    expect(hidingReason({ ...none, knownNetworks: 40 }, 40)).not.toBeNull();
  });

  it("at once for a staff member, and at two trusted readers", () => {
    expect(hidingReason({ ...none, staff: 1, knownNetworks: 1 }, 100)).toMatch(/staff/);
    expect(
      hidingReason({ ...none, trustedReaders: TRUSTED_REPORTS_TO_HIDE - 1, knownNetworks: 1 }, 100),
    ).toBeNull();
    expect(hidingReason({ ...none, trustedReaders: TRUSTED_REPORTS_TO_HIDE, knownNetworks: 2 }, 100)).toMatch(
      /trusted readers/,
    );
  });

  it("stops trusting a reader whose reports moderators mostly dismiss", () => {
    expect(isUnreliableReporter({ upheld: 0, dismissed: 2 })).toBe(false);
    expect(isUnreliableReporter({ upheld: 0, dismissed: 3 })).toBe(true);
    expect(isUnreliableReporter({ upheld: 3, dismissed: 3 })).toBe(false);
    expect(isUnreliableReporter({ upheld: 2, dismissed: 5 })).toBe(true);
  });
});

describe("the network a report counts for", () => {
  it("is an IPv4 /24 or an IPv6 /48", () => {
    expect(reportNetwork("203.0.113.7")).toBe(reportNetwork("203.0.113.200"));
    expect(reportNetwork("203.0.113.7")).not.toBe(reportNetwork("203.0.114.7"));
    expect(reportNetwork("::ffff:203.0.113.9")).toBe(reportNetwork("203.0.113.7"));
    expect(reportNetwork("2001:db8:1:2::a")).toBe(reportNetwork("2001:db8:1:ffff::b"));
    expect(reportNetwork("2001:db8:1:2::a")).not.toBe(reportNetwork("2001:db8:2:2::a"));
    expect(reportNetwork("not an address")).toBeNull();
  });
});
