#!/bin/sh
# Lighthouse scores of the five redesigned pages, mobile (Lighthouse's default: a mid-range phone on a slow 4G line)
# and desktop, with Debian's chromium; the figures go into docs/design.md. A measurement, not a test: the scores
# move with the machine's load, so CI does not run it.
#
#   make prod-local                       # the demo behind the production front, in another terminal
#   sh tools/lighthouse.sh [BASE_URL] [OUT_DIR]    # default http://127.0.0.1:8080, /tmp/lighthouse
#
# Lighthouse is fetched by npx at a pinned version (12.2.3: the newest that installs on this project's Node 20) into
# npm's cache, not into package.json: `npm ci` would otherwise download it for every test run, and no test uses it.
set -eu
BASE=${1:-http://127.0.0.1:8080}
OUT=${2:-/tmp/lighthouse}
mkdir -p "$OUT"
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
FLAGS="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"
for page in home:/ listing:/kommuner/ strategy:/kommuner/odense/strategi-for-groen-kultur/ \
            meeting:/netvaerksmoeder/februar-2024/ search:/soeg/?q=kultur; do
  name=${page%%:*}
  path=${page#*:}
  for form in mobile desktop; do
    preset=""
    [ "$form" = desktop ] && preset="--preset=desktop"
    npx --yes lighthouse@12.2.3 "$BASE$path" $preset --quiet --chrome-flags="$FLAGS" \
      --only-categories=performance,accessibility,best-practices,seo \
      --output=json --output-path="$OUT/$name-$form.json"
    node -e '
      const r = require(process.argv[1]);
      const c = r.categories, a = r.audits;
      const s = k => Math.round(c[k].score * 100);
      console.log([process.argv[2], process.argv[3], "performance " + s("performance"),
        "accessibility " + s("accessibility"), "best practices " + s("best-practices"), "SEO " + s("seo"),
        "LCP " + a["largest-contentful-paint"].displayValue, "CLS " + a["cumulative-layout-shift"].displayValue,
        "TBT " + a["total-blocking-time"].displayValue].join(" | "));
    ' "$OUT/$name-$form.json" "$name" "$form"
  done
done
