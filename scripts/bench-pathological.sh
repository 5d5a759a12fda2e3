#!/usr/bin/env bash
# Pathological texts through the whole analysis (newsapi analyze, Release), each shape at two sizes: if the
# analysis is linear, the larger takes about SIZE2/SIZE1 times as long (less the fixed start-up). Prints one
# line per shape and size: seconds (whole process, median of RUNS) and peak RSS.
#
#   scripts/bench-pathological.sh [SIZE1] [SIZE2] [RUNS]     defaults: 2000 8000 3
#
# The analysis is also bounded (AnalysisLimits: 200,000 characters, 5,000 mentions, 500 quotes, 200 event
# reports), so past about 200 KB every shape costs the same; sizes here stay below that to show the scaling.
set -euo pipefail
cd "$(dirname "$0")/.."
small=${1:-2000}
large=${2:-8000}
runs=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build src/NewsApi.Cli/NewsApi.Cli.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >&2
cli=src/NewsApi.Cli/bin/Release/net10.0/newsapi.dll

generate() {
  local shape=$1 n=$2
  awk -v shape="$shape" -v n="$n" 'BEGIN {
    srand(7)
    split("Alan Beth Carl Dana Ed Fay Gus Hal Ida Jon", given, " ")
    split("Smith Jones Brown Taylor Wilson Evans Thomas Roberts Walker Wright", family, " ")
    print "A headline for the test\n"
    for (i = 0; i < n; i++) {
      if (shape == "sentence") printf "The minister said the talks in Geneva would resume on Monday. "
      else if (shape == "quotes") printf "\"It is fine,\" said John Smith. "
      else if (shape == "names") printf "%s %s%d met %s %s in Paris. ", given[int(rand()*10)+1], family[int(rand()*10)+1], int(rand()*n/5), given[int(rand()*10)+1], family[int(rand()*10)+1]
      else if (shape == "paragraphs") printf "Paragraph %d says that the Prime Minister met President Biden in Washington on Tuesday.\n\n", i
      else if (shape == "surnames") printf "John Smith arrived in London. Smith spoke. Mary Smith arrived in Paris. Smith replied. "
      else if (shape == "open-quotes") printf "\"Quote %d starts here and never ends ", i
      else if (shape == "roles") printf "US Secretary of State %s %s visited Cairo. He met the top US diplomat. ", given[int(rand()*10)+1], family[int(rand()*10)+1]
      else if (shape == "lines") printf "Line %d of the report.\n", i
    }
    print ""
  }' > "$work/$shape-$n.txt"
}

measure() {
  local file=$1 times=() peak=0
  for _ in $(seq 1 "$runs"); do
    local out
    out=$( { /usr/bin/time -f '%e %M' dotnet "$cli" analyze "$file" >/dev/null; } 2>&1 | tail -1)
    times+=("${out% *}")
    [ "${out#* }" -gt "$peak" ] && peak=${out#* }
  done
  printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")" "$peak"
}

printf '%-12s %8s %8s %10s %10s\n' shape size bytes seconds peak_MB
for shape in sentence quotes names paragraphs surnames open-quotes roles lines; do
  for n in "$small" "$large"; do
    generate "$shape" "$n"
    read -r seconds peak < <(measure "$work/$shape-$n.txt")
    printf '%-12s %8d %8d %10s %10d\n' "$shape" "$n" "$(stat -c %s "$work/$shape-$n.txt")" "$seconds" $((peak / 1024))
  done
done
