#!/bin/bash
# blast-radius: reviewed rm-recursive-unguarded by Ana
# ^ review-stale
rm -rf "$BUILD_DIR"/../*
# <- rm-recursive-unguarded

rm -rf "$HOME"/* # blast-radius: reviewed rm-recursive-unguarded by Bo
# <- rm-recursive-unguarded
#                  ^ review-stale

# blast-radius: reviewed rm-recursive-unguarded by Ana
rm -rf "$TMP_DIR"/*
# <- rm-recursive-unguarded [reviewed]
# ok review-stale: neither the directive nor its line changed

echo starting
# blast-radius: reviewed rm-recursive-unguarded by Cy
rm -rf "$OUT"/* /var/cache/app
# <- rm-recursive-unguarded [reviewed]
# ok review-stale: the directive was rewritten with the line, a new review

rm -rf "$LOGS"/* # blast-radius: reviewed rm-recursive-unguarded by Bo
# <- rm-recursive-unguarded [reviewed]
# ok review-stale: the line and its directive are unchanged

echo done

# blast-radius: reviewed git-force-push by Ana
# ^ review-stale
git push --force origin release
# <- git-force-push
