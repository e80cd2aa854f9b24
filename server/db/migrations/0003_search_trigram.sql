-- Registry search (code or name contains the text) through trigram indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS projects_name_trgm_idx ON projects USING gin (pro_name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS projects_code_trgm_idx ON projects USING gin (pro_code gin_trgm_ops);
