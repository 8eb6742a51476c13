// Runs s3rver in a process of its own (tests/support/s3-server.ts starts it): node
// --openssl-legacy-provider, because s3rver encrypts ListObjectsV2 continuation tokens with DES,
// which OpenSSL 3 refuses otherwise ("digital envelope routines::unsupported" on any listing of
// more than 1000 keys). Prints {"port":…} once listening; ends when its parent closes stdin.
import S3rver from "s3rver";

const [directory, ...buckets] = process.argv.slice(2);
if (!directory) throw new Error("Usage: s3rver-process.ts <directory> <bucket>...");
const server = new S3rver({
  address: "127.0.0.1",
  port: 0,
  silent: true,
  directory,
  configureBuckets: buckets.map((name) => ({ name })),
});
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void server.close().finally(() => process.exit(0));
});
