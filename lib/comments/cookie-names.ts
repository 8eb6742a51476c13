// The saved-commenter cookies, named apart from their server-side handling
// (lib/comments/saved-commenter.ts) so the comment form can read the name cookie in the browser.

/** HttpOnly: the sealed name and email; no page script can read it. */
export const COMMENTER_COOKIE = "cc_commenter";
/** Readable by the page: the name alone (URI-encoded, as cookie values are). */
export const COMMENTER_NAME_COOKIE = "cc_commenter_name";
