// The benchmark's yardstick pages (bench-static/), kept out of the public site: only a server
// started by `npm run bench` serves them (lib/platform/server/bench-pages.ts); every other answers
// 404. They wear the public site's layout so that they weigh what a public page of their size does.
export { default, generateMetadata } from "../(site)/layout";
