// nginx in front of several instances of the app: the one place its configuration is written.
// docs/production.md ("Load balancer: nginx in front of several instances") shows siteConfig() for
// three instances, as Debian's nginx (1.22) takes it (tests/unit/nginx-config.test.ts keeps the two
// alike); the cluster test and `npm run bench:cluster` run an nginx of their own on
// standaloneConfig(), the same site inside a whole nginx.conf.

export interface SiteOptions {
  /** `host:port` of each instance. */
  instances: string[];
  /** What follows `listen`: "443 ssl http2", or "127.0.0.1:8080". */
  listen: string;
  serverName?: string;
  /** Certificate and key files, for an https listener. */
  tls?: { certificate: string; key: string };
  accessLog: string;
}

/**
 * Passive health checks: an instance that fails this many attempts within FAIL_TIMEOUT_SECONDS
 * (refused or reset connection, timeout, or a 502/503/504 answer) gets no requests for
 * FAIL_TIMEOUT_SECONDS; then one request tries it again.
 */
export const MAX_FAILS = 3;
export const FAIL_TIMEOUT_SECONDS = 10;
/** Idle connections to the instances each nginx worker keeps open. */
export const UPSTREAM_KEEPALIVE = 32;

/** The upstream, its log format and the server: a file of Debian's /etc/nginx/sites-available. */
export function siteConfig(options: SiteOptions): string {
  const servers = options.instances.map(
    (instance) => `    server ${instance} max_fails=${MAX_FAILS} fail_timeout=${FAIL_TIMEOUT_SECONDS}s;`,
  );
  const tls = options.tls
    ? [`    ssl_certificate ${options.tls.certificate};`, `    ssl_certificate_key ${options.tls.key};`]
    : [];
  return [
    "upstream crosscurrent {",
    ...servers,
    `    keepalive ${UPSTREAM_KEEPALIVE};`,
    "    # The app closes a connection idle for 5 s (Node's default); nginx lets go of it first, or",
    "    # it could send a request on a connection the app is closing.",
    "    keepalive_timeout 4s;",
    "}",
    "",
    "# One JSON line per request; requestId is the X-Request-Id the app logs too. upstream lists",
    '# every instance tried, in order ("10.0.0.13:3000, 10.0.0.11:3000" after a failover).',
    "log_format crosscurrent escape=json",
    `    '{"time":"$time_iso8601","requestId":"$request_id","method":"$request_method",'`,
    `    '"path":"$uri","status":$status,"upstream":"$upstream_addr",'`,
    `    '"upstreamStatus":"$upstream_status","seconds":$request_time}';`,
    "",
    "server {",
    `    listen ${options.listen};`,
    ...(options.serverName ? [`    server_name ${options.serverName};`] : []),
    ...tls,
    "",
    "    # Media uploads are up to 10 MB, authorization evidence up to 20 MB.",
    "    client_max_body_size 21m;",
    `    access_log ${options.accessLog} crosscurrent;`,
    "",
    "    location / {",
    "        proxy_pass http://crosscurrent;",
    "        proxy_http_version 1.1;",
    '        proxy_set_header Connection "";',
    "        # The host and port the browser used: Next runs a server action only when the page's",
    "        # Origin names both ($host drops the port: fine on 443, not on any other).",
    "        proxy_set_header Host $http_host;",
    "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
    "        proxy_set_header X-Forwarded-Proto $scheme;",
    "        proxy_set_header X-Request-Id $request_id;",
    "",
    "        # A dead instance refuses at once; one that takes over 2 s to accept is taken for down.",
    "        # A request no instance received goes to the next one, and so does a GET that failed",
    "        # on the way; a POST or PATCH that reached an instance never does (non_idempotent is",
    "        # left out on purpose: that instance may have done the write before it failed).",
    "        proxy_connect_timeout 2s;",
    "        proxy_next_upstream error timeout http_502 http_503 http_504;",
    "        proxy_next_upstream_timeout 10s;",
    "    }",
    "}",
    "",
  ].join("\n");
}

export interface StandaloneOptions {
  listenPort: number;
  instancePorts: number[];
  /** A directory of its own for the pid file, the logs and nginx's temporary files. */
  dir: string;
  /** The user worker processes run as, when nginx is started as root (else nobody). */
  user?: string;
  /** "auto": one per core, as Debian's nginx.conf has it. */
  workerProcesses: number | "auto";
}

/** A whole nginx.conf, for an nginx run in the foreground on 127.0.0.1 (tests, benchmarks). */
export function standaloneConfig(options: StandaloneOptions): string {
  const { dir } = options;
  const site = siteConfig({
    instances: options.instancePorts.map((port) => `127.0.0.1:${port}`),
    listen: `127.0.0.1:${options.listenPort}`,
    accessLog: `${dir}/access.log`,
  });
  return [
    "daemon off;",
    ...(options.user ? [`user ${options.user};`] : []),
    `worker_processes ${options.workerProcesses};`,
    `pid ${dir}/nginx.pid;`,
    `error_log ${dir}/error.log warn;`,
    "",
    "events {",
    "    worker_connections 1024;",
    "}",
    "",
    "http {",
    `    client_body_temp_path ${dir}/client_body;`,
    `    proxy_temp_path ${dir}/proxy;`,
    `    fastcgi_temp_path ${dir}/fastcgi;`,
    `    uwsgi_temp_path ${dir}/uwsgi;`,
    `    scgi_temp_path ${dir}/scgi;`,
    "",
    ...site
      .trimEnd()
      .split("\n")
      .map((line) => (line ? `    ${line}` : "")),
    "}",
    "",
  ].join("\n");
}
