#!/usr/bin/env bash
# Nightly backup: a PostgreSQL dump (custom format, restorable with pg_restore) and a copy of
# MEDIA_ROOT (hard links to yesterday's copy for unchanged files), kept BACKUP_KEEP_DAYS days.
# Reads DATABASE_URL and MEDIA_ROOT from the environment (the site's /etc/gronne/env).
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL is needed}"
: "${MEDIA_ROOT:?MEDIA_ROOT is needed}"
backup_dir="${BACKUP_DIR:-/var/backups/gronne}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
stamp="$(date -u +%Y-%m-%dT%H%MZ)"
mkdir -p "$backup_dir/db" "$backup_dir/media"

pg_dump --format=custom --no-owner --file="$backup_dir/db/gronne-$stamp.dump" "$DATABASE_URL"

latest="$(ls -1d "$backup_dir"/media/*/ 2>/dev/null | tail -n 1 || true)"
rsync -a --delete ${latest:+--link-dest="$latest"} "$MEDIA_ROOT"/ "$backup_dir/media/$stamp/"

find "$backup_dir/db" -name 'gronne-*.dump' -mtime +"$keep_days" -delete
find "$backup_dir/media" -mindepth 1 -maxdepth 1 -type d -mtime +"$keep_days" -exec rm -rf {} +
echo "Backup $stamp written to $backup_dir"
