-- wrk script for the "comment POST" row of scripts/bench/site.ts: every request is a new
-- reader's first comment on one article, so none trips the duplicate rule or a per-email or
-- per-IP limit. Each request has its own name, email, body and X-Forwarded-For; the bench server
-- trusts 127.0.0.1 as a reverse proxy (TRUSTED_PROXY), so it takes that header's address as the
-- client's. The addresses come from 198.18.0.0/15, the range set aside for benchmarks (RFC 2544):
-- they are only header text, no traffic goes to them. Each wrk thread takes its own block of
-- 32,768 of them (up to four threads), in the same order every run: run it once per fresh
-- database, or a second run within ten minutes meets the per-IP limits (429).
--
-- Usage: wrk -s comment-post.lua <base>/api/comments -- <articleId> <run tag>
-- Responses are counted by status in `statuses`; wrk-report.lua prints them with the latencies.

local here = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(here .. "wrk-report.lua")

local WORDS = {
  "alliance", "strait", "summit", "ministry", "trade", "border", "treaty", "election",
  "parliament", "diplomacy", "security", "economy", "energy", "maritime", "islands", "envoy",
  "talks", "cooperation", "tension", "reform", "region", "policy", "pacific", "exchange",
  "readers", "argument", "history", "agree", "disagree", "question", "evidence", "context",
}
local NAMES = { "Mei", "Kenji", "Olga", "Amir", "Lena", "Tomas", "Hana", "Ravi", "Sofia", "Jun" }
local BLOCK = 32768 -- addresses per thread

local article_id, run_tag
local sent = 0
statuses = {}

function init(args)
  article_id = args[1] or error("comment-post.lua: pass the article id after --")
  run_tag = args[2] or "bench"
  thread_number = thread_number or 1 -- set by wrk-report.lua's setup()
  math.randomseed(os.time() * 100 + thread_number)
end

local function words(n)
  local out = {}
  for i = 1, n do out[i] = WORDS[math.random(#WORDS)] end
  return table.concat(out, " ")
end

-- The n-th address of 198.18.0.0/15 (131,072 of them, wrapping around past that).
local function address(n)
  local i = n % 131072
  return string.format("198.%d.%d.%d", 18 + math.floor(i / 65536), math.floor(i / 256) % 256, i % 256)
end

local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"'
end

function request()
  local n = (thread_number - 1) * BLOCK + sent % BLOCK
  sent = sent + 1
  local name = NAMES[math.random(#NAMES)] .. " " .. words(1)
  local email = string.format("bench-%s-%d-%d@example.test", run_tag, thread_number, sent)
  local opening = (words(1):gsub("^%l", string.upper))
  local question = (words(8):gsub("^%l", string.upper))
  local body = string.format("%s %s.\n\n%s? (%s-%d-%d)", opening, words(14), question, run_tag, thread_number, sent)
  local payload = "{" .. table.concat({
    '"articleId":' .. json_string(article_id),
    '"name":' .. json_string(name),
    '"email":' .. json_string(email),
    '"website":""',
    '"body":' .. json_string(body),
    '"website2":""',
  }, ",") .. "}"
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = address(n),
  }, payload)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
