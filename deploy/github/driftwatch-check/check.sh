#!/usr/bin/env bash
# driftwatch check for GitHub Actions: runs a check through the service's API, writes the answer to
# the job summary and to one pull-request comment (found again by its marker, then updated), and
# exits as `driftwatch check` does: 0 pass (or warn), 1 fail, 2 warn with strict, 3 the service or
# the check could not answer, 4 bad usage or a request the service refused. Needs bash, curl, jq.
set -uo pipefail

fail() { echo "::error title=driftwatch check::$2"; exit "$1"; }

for tool in curl jq; do
  command -v "$tool" >/dev/null 2>&1 || fail 4 "$tool is needed on the runner"
done
[[ -n "${DRIFTWATCH_SERVER:-}" ]] || fail 4 "the server input is empty"
[[ -n "${DRIFTWATCH_ENVIRONMENT:-}" ]] || fail 4 "the environment input is empty"
[[ -n "${DRIFTWATCH_REF:-}" ]] || fail 4 "the ref input is empty"
[[ -n "${DRIFTWATCH_TOKEN:-}" ]] || fail 4 "the token input is empty"
[[ "$DRIFTWATCH_ENVIRONMENT" =~ ^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$ ]] ||
  fail 4 "the environment input is not an environment name"

server="${DRIFTWATCH_SERVER%/}"
selectors() { jq -cn --arg list "$1" '$list | split(",") | map(gsub("^\\s+|\\s+$"; "")) | map(select(. != ""))'; }
body=$(jq -cn --arg ref "$DRIFTWATCH_REF" \
  --argjson failOn "$(selectors "${DRIFTWATCH_FAIL_ON:-}")" \
  --argjson warnOn "$(selectors "${DRIFTWATCH_WARN_ON:-}")" \
  '{ref: $ref} + (if ($failOn | length) > 0 or ($warnOn | length) > 0
     then {gate: ((if ($failOn | length) > 0 then {failOn: $failOn} else {} end)
                + (if ($warnOn | length) > 0 then {warnOn: $warnOn} else {} end))} else {} end)') ||
  fail 4 "the ref, fail-on or warn-on input cannot be sent"

answer=$(mktemp)
archive=$(mktemp)
trap 'rm -f "$answer" "$archive"' EXIT
# The token goes in a header read from stdin, never on the command line (ps shows that).
ask() {
  printf 'header = "Authorization: Bearer %s"\n' "$DRIFTWATCH_TOKEN" |
    curl -sS --config - --max-time "${DRIFTWATCH_TIMEOUT_SECONDS:-660}" --connect-timeout 10 \
      -o "$answer" -w '%{http_code}' -X POST -H 'Accept: application/json' "$@"
}
checks="$server/api/v1/environments/$DRIFTWATCH_ENVIRONMENT/checks"
if [[ -n "${DRIFTWATCH_UPLOAD:-}" ]]; then
  [[ -d "$DRIFTWATCH_UPLOAD" ]] || fail 4 "the upload input $DRIFTWATCH_UPLOAD is not a folder"
  tar czf "$archive" -C "$DRIFTWATCH_UPLOAD" . || fail 3 "cannot pack $DRIFTWATCH_UPLOAD"
  query=$(jq -rn --arg name "$DRIFTWATCH_REF" --argjson body "$body" \
    '"label=\($name | @uri)" + ([($body.gate.failOn // [])[] | "&failOn=\(@uri)"] | join(""))
       + ([($body.gate.warnOn // [])[] | "&warnOn=\(@uri)"] | join(""))') ||
    fail 4 "the ref, fail-on or warn-on input cannot be sent"
  status=$(ask -H 'Content-Type: application/gzip' --data-binary "@$archive" "$checks/upload?$query") ||
    fail 3 "cannot reach $server"
else
  status=$(ask -H 'Content-Type: application/json' --data "$body" "$checks") ||
    fail 3 "cannot reach $server"
fi

if [[ "$status" != 201 && "$status" != 200 ]]; then
  detail=$(jq -r '.detail // .title // empty' "$answer" 2>/dev/null)
  if [[ "$status" =~ ^4 ]]; then
    fail 4 "$server answered $status${detail:+: $detail}"
  fi
  fail 3 "$server answered $status${detail:+: $detail}"
fi

verdict=$(jq -r '.verdict // empty' "$answer")
id=$(jq -r '.id // empty' "$answer")
markdown=$(jq -r '.markdown // empty' "$answer")
[[ -n "$verdict" ]] || fail 3 "$server answered with no verdict"

if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
  { echo "verdict=$verdict"; echo "check-id=$id"; } >> "$GITHUB_OUTPUT"
fi
if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  printf '%s\n' "$markdown" >> "$GITHUB_STEP_SUMMARY"
fi
jq -r '.reasons[]? | "::\(if .effect == "FAIL" then "error" else "warning" end) title=\(.finding.code) \(.finding.name)::\(.finding.message | gsub("%"; "%25") | gsub("\r"; "%0D") | gsub("\n"; "%0A"))"' "$answer"

if [[ "${DRIFTWATCH_COMMENT:-true}" == true && -n "${DRIFTWATCH_PULL_REQUEST:-}" ]]; then
  [[ "$DRIFTWATCH_PULL_REQUEST" =~ ^[0-9]+$ ]] || fail 4 "the pull request number is not a number"
  api="${GITHUB_API_URL:-https://api.github.com}/repos/$GITHUB_REPOSITORY/issues"
  marker="<!-- driftwatch-check: $DRIFTWATCH_ENVIRONMENT -->"
  comment=$(jq -cn --arg body "$marker"$'\n'"$markdown" '{body: $body}')
  github() {
    printf 'header = "Authorization: Bearer %s"\n' "$GITHUB_TOKEN" |
      curl -sS --config - --max-time 30 -H 'Accept: application/vnd.github+json' "$@"
  }
  existing=$(github "$api/$DRIFTWATCH_PULL_REQUEST/comments?per_page=100" |
    jq -r --arg marker "$marker" 'if type == "array" then map(select(.body | startswith($marker))) | .[0].id // empty else empty end')
  if [[ -n "$existing" ]]; then
    github -X PATCH --data "$comment" "$api/comments/$existing" >/dev/null ||
      echo "::warning title=driftwatch check::the pull-request comment could not be updated"
  else
    github -X POST --data "$comment" "$api/$DRIFTWATCH_PULL_REQUEST/comments" >/dev/null ||
      echo "::warning title=driftwatch check::the pull-request comment could not be posted"
  fi
fi

case "$verdict" in
  PASS) exit 0 ;;
  WARN) [[ "${DRIFTWATCH_STRICT:-false}" == true ]] && exit 2; exit 0 ;;
  FAIL) exit 1 ;;
  *) exit 3 ;;
esac
