#!/usr/bin/env bash
# Runs once, when the postgres container initialises an empty data directory: one login role per
# service, allowed to create its own schema (Flyway creates and migrates it at the service's start).
set -euo pipefail
for service in levels evidence promotion; do
  password_var="${service^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v role="$service" -v password="${!password_var}" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
GRANT CONNECT, CREATE ON DATABASE leveling TO :"role";
SQL
done
