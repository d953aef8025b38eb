-- Version 1: pipeline runs and their actions. Written in the SQL that SQLite and PostgreSQL both take.
-- Timestamps are epoch milliseconds; params, results and errors are JSON text.
CREATE TABLE pipeline_runs (
  run_id VARCHAR(128) NOT NULL PRIMARY KEY,
  plugin VARCHAR(255) NOT NULL,
  pipeline VARCHAR(255) NOT NULL,
  kind VARCHAR(16) NOT NULL,
  mode VARCHAR(16),
  status VARCHAR(16) NOT NULL,
  initial_params TEXT NOT NULL,
  masked_keys TEXT NOT NULL,
  result TEXT,
  error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  owner VARCHAR(255),
  lease_until BIGINT,
  cancel_requested INTEGER NOT NULL DEFAULT 0,
  job_id VARCHAR(255)
);
CREATE INDEX pipeline_runs_by_created ON pipeline_runs (created_at);
CREATE TABLE pipeline_actions (
  run_id VARCHAR(128) NOT NULL REFERENCES pipeline_runs (run_id) ON DELETE CASCADE,
  action_index INTEGER NOT NULL,
  action VARCHAR(255) NOT NULL,
  status VARCHAR(16) NOT NULL,
  progress DOUBLE PRECISION NOT NULL DEFAULT 0,
  params TEXT,
  result TEXT,
  accumulated TEXT,
  error TEXT,
  started_at BIGINT,
  finished_at BIGINT,
  attempts INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (run_id, action_index)
);
