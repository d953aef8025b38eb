#!/usr/bin/env bash
# Applies docs/package-moves.txt (one "old.Fqcn -> new.Fqcn" a line) to every tracked text file of
# this work tree, or to the files or directories given: Java sources, templates, resources, poms, docs,
# README code blocks. For a branch that still names runtime classes by their former packages:
#   scripts/package-moves.sh            # the whole work tree
#   scripts/package-moves.sh cli/src    # one directory
# It rewrites whole names only (io.synapse.plugins.context.EventSink, not ...EventSinkFactory) and
# leaves CHANGELOG.md and docs/package-moves.txt, which name the former packages on purpose. Classes
# that used a moved class from its former package without an import need the import added by hand:
# the build says where.
set -euo pipefail
cd "$(dirname "$0")/.."
moves=docs/package-moves.txt
script=$(mktemp)
trap 'rm -f "$script"' EXIT
while read -r old arrow new; do
  [[ -z "$old" || "$old" == \#* ]] && continue
  [[ "$arrow" == "->" ]] || { echo "package-moves.sh: bad line in $moves: $old $arrow $new" >&2; exit 2; }
  printf 's/\\b%s\\b/%s/g\n' "${old//./\\.}" "$new" >>"$script"
  # The two-string form generated-code writers use: ClassName.get("io.synapse.plugins.context", "EventSink").
  printf 's/"%s", "%s"/"%s", "%s"/g\n' "${old%.*}" "${old##*.}" "${new%.*}" "${new##*.}" >>"$script"
done <"$moves"
git ls-files -z -- "${@:-.}" \
  | grep -zv -e '^CHANGELOG.md$' -e "^$moves\$" -e 'package-moves.sh$' \
  | xargs -0 grep -lIZ 'io\.synapse\.plugins\.' 2>/dev/null \
  | xargs -0 -r sed -i -f "$script"
