#!/usr/bin/env bash
# Regenerates the spreadsheet fixtures with LibreOffice (Debian's libreoffice-calc-nogui) from the
# seed's appendix text: the same table as old Excel (.xls) and as LibreOffice (.ods). The text is
# read with the Vietnamese locale (1066), so `3.500` is three thousand five hundred, as printed.
set -euo pipefail
cd "$(dirname "$0")/.."
profile=$(mktemp -d)
for fmt in xls ods; do
  soffice -env:UserInstallation=file://"$profile" --headless --infilter="CSV:9,34,76,1,,1066" \
    --convert-to "$fmt" --outdir fixtures fixtures/quang-tri-2011-2015-appendix.tsv >/dev/null
done
ls -l fixtures/quang-tri-2011-2015-appendix.{xls,ods}
