#!/usr/bin/env bash
# Regenerates the spreadsheet fixtures with LibreOffice (Debian's libreoffice-calc-nogui) from the
# seed’s appendix text (.xls, .ods) and from a hand-written messy appendix (.xlsx, .xls). The text is
# read with the Vietnamese locale (1066), so `3.500` is three thousand five hundred, as printed.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=$(mktemp -d)
for fmt in xls ods; do
  soffice -env:UserInstallation=file://"$profile" --headless --infilter="CSV:9,34,76,1,,1066" \
    --convert-to "$fmt" --outdir fixtures fixtures/quang-tri-2011-2015-appendix.tsv >/dev/null
done
ls -l fixtures/quang-tri-2011-2015-appendix.{xls,ods}
# A messy appendix typed as a web page (merged title block and header, code row repeated at a page
# break, total row above the data, a name split over two rows), read with the Vietnamese locale.
for fmt in xlsx xls; do
  soffice -env:UserInstallation=file://"$profile" --headless --infilter="HTML (StarCalc):1066" \
    --convert-to "$fmt" --outdir fixtures/shapes fixtures/shapes/phu-tho-2018-2020.html >/dev/null
done
ls -l fixtures/shapes/phu-tho-2018-2020.{xlsx,xls}
# The same appendix typed in the legacy TCVN3 (ABC) encoding, saved as old Excel.
npx tsx scripts/make-legacy-fixture.mts
soffice -env:UserInstallation=file://"$profile" --headless --infilter="CSV:9,34,76,1,,1066" \
  --convert-to xls --outdir fixtures/shapes fixtures/shapes/quang-tri-tcvn3.tsv >/dev/null
ls -l fixtures/shapes/quang-tri-tcvn3.xls
