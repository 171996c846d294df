#!/usr/bin/env bash
# Writes the spreadsheet import fixtures (e2e/import-files/*) from their source sheets
# (e2e/import-files/source/*.fods, flat OpenDocument files: open, edit and save them in
# LibreOffice Calc) with a real LibreOffice, the way organisers make their files:
#   <name>.xlsx and <name>.ods                      — as Calc saves them;
#   <name>-fr.csv  — French settings: ";", Windows-1252, decimal comma;
#   <name>-en.csv  — English settings: ",", UTF-8, decimal point.
# Sources: producers, catalogue, members (the imports); orders-form-export (an online form's
# export of 20 responses, one column per product) and order-form-returned (a member's filled-in
# order form, the layout of electron/services/order-forms.ts) for the orders intake.
# The generated files are committed, so tests and CI never need LibreOffice. A run rewrites every
# .xlsx/.ods (their zip holds the save time): commit only the files whose source changed.
# Needs Debian's libreoffice-calc-nogui (apt-get install -y libreoffice-calc-nogui).
#
# CSV filter options: separator (59 = ";", 44 = ","), text delimiter (34 = '"'), character set
# (LibreOffice's own numbers: 1 = Windows-1252, 76 = UTF-8 — "1252" is NOT Windows-1252 and
# writes garbage), first line (1). The decimal separator follows the locale of the profile.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-calc-nogui" >&2; exit 1; }

source_dir=e2e/import-files/source
out_dir=e2e/import-files
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One throwaway LibreOffice profile per locale, so the user's own settings never leak in.
profile() {
  local locale=$1 dir="$work/profile-$1"
  mkdir -p "$dir/user"
  cat >"$dir/user/registrymodifications.xcu" <<XCU
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>$locale</value></prop></item>
</oor:items>
XCU
  echo "file://$dir"
}
fr=$(profile fr-FR)
en=$(profile en-US)

convert() {
  local profile=$1 filter=$2 dir=$3
  shift 3
  soffice "-env:UserInstallation=$profile" --headless --convert-to "$filter" --outdir "$dir" "$@" >/dev/null
}

sources=("$source_dir"/*.fods)
convert "$fr" xlsx "$out_dir" "${sources[@]}"
convert "$fr" ods "$out_dir" "${sources[@]}"
convert "$fr" 'csv:Text - txt - csv (StarCalc):59,34,1,1' "$work/fr" "${sources[@]}"
convert "$en" 'csv:Text - txt - csv (StarCalc):44,34,76,1' "$work/en" "${sources[@]}"
for source in "${sources[@]}"; do
  name=$(basename "$source" .fods)
  mv "$work/fr/$name.csv" "$out_dir/$name-fr.csv"
  mv "$work/en/$name.csv" "$out_dir/$name-en.csv"
done
ls -l "$out_dir"
