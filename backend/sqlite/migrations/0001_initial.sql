-- The first schema: libraries, imagor profiles, preferences, recent files and editor sessions.
-- Secret columns hold a value sealed by the secrets package, never plain text.

CREATE TABLE libraries (
	id         TEXT PRIMARY KEY,
	kind       TEXT NOT NULL CHECK (kind IN ('folder', 's3')),
	name       TEXT NOT NULL,
	path       TEXT NOT NULL,          -- absolute folder, or s3://bucket/prefix
	position   INTEGER NOT NULL,
	s3_bucket      TEXT NOT NULL DEFAULT '',
	s3_prefix      TEXT NOT NULL DEFAULT '',
	s3_region      TEXT NOT NULL DEFAULT '',
	s3_endpoint    TEXT NOT NULL DEFAULT '',
	s3_path_style  INTEGER NOT NULL DEFAULT 0,
	s3_access_key  BLOB,               -- sealed
	s3_secret_key  BLOB,               -- sealed
	created_at INTEGER NOT NULL
);

CREATE TABLE profiles (
	id            TEXT PRIMARY KEY,
	name          TEXT NOT NULL,
	base_url      TEXT NOT NULL,
	secret        BLOB,                -- sealed
	signer        TEXT NOT NULL DEFAULT 'sha1' CHECK (signer IN ('sha1', 'sha256', 'sha512')),
	truncate      INTEGER NOT NULL DEFAULT 0 CHECK (truncate >= 0),
	escapes_names INTEGER NOT NULL DEFAULT 1,
	renders_previews INTEGER NOT NULL DEFAULT 0,
	position      INTEGER NOT NULL,
	created_at    INTEGER NOT NULL
);

CREATE TABLE profile_libraries (
	profile_id  TEXT NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
	library_id  TEXT NOT NULL REFERENCES libraries (id) ON DELETE CASCADE,
	path_prefix TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (profile_id, library_id)
);

CREATE TABLE preferences (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE recent_files (
	library_id TEXT NOT NULL REFERENCES libraries (id) ON DELETE CASCADE,
	path       TEXT NOT NULL,
	opened_at  INTEGER NOT NULL,
	PRIMARY KEY (library_id, path)
);
CREATE INDEX recent_files_opened_at ON recent_files (opened_at DESC);

CREATE TABLE editor_sessions (
	library_id TEXT NOT NULL REFERENCES libraries (id) ON DELETE CASCADE,
	path       TEXT NOT NULL,
	state      TEXT NOT NULL,          -- JSON of the editor state
	version    TEXT NOT NULL,          -- file version the state was made on
	saved_at   INTEGER NOT NULL,
	PRIMARY KEY (library_id, path)
);

-- Secrets owned by the app itself (the URL signing secret, the API token), one row per name.
CREATE TABLE app_secrets (
	name  TEXT PRIMARY KEY,
	value BLOB NOT NULL                -- sealed
);
