#!/bin/bash
# blast-radius: reviewed rm-recursive-unguarded by Ana
rm -rf "$BUILD_DIR"/*

rm -rf "$CACHE"/* # blast-radius: reviewed rm-recursive-unguarded by Bo

# blast-radius: reviewed rm-recursive-unguarded by Ana
rm -rf "$TMP_DIR"/*

# blast-radius: reviewed rm-recursive-unguarded by Ana
rm -rf "$OUT"/*

rm -rf "$LOGS"/* # blast-radius: reviewed rm-recursive-unguarded by Bo

echo done

# blast-radius: reviewed git-force-push by Ana
git push --force origin main
