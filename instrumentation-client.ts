// Runs in the browser before the app's own code. zod compiles object schemas with `new Function`
// when it may; under the site's Content-Security-Policy (no eval) its probe for that would be
// reported as a violation, so the browser build skips the probe and parses without compiling.
import { z } from "zod";

z.config({ jitless: true });
