"""Table definitions; flexible documents (profiles, intakes, rooms) are JSON text columns."""

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
    code TEXT PRIMARY KEY, api_key TEXT NOT NULL, api_secret TEXT NOT NULL,
    doc TEXT NOT NULL, settings TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rooms (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, account_code TEXT NOT NULL,
    domain TEXT NOT NULL, slug TEXT NOT NULL, doc TEXT NOT NULL,
    created INTEGER NOT NULL, modified INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY AUTOINCREMENT, account_code TEXT NOT NULL, type INTEGER NOT NULL,
    code TEXT NOT NULL, username TEXT NOT NULL UNIQUE, email TEXT, password_hash TEXT,
    email_token TEXT, active INTEGER NOT NULL DEFAULT 1, doc TEXT NOT NULL,
    created INTEGER NOT NULL, modified INTEGER NOT NULL, UNIQUE (account_code, code));
CREATE TABLE IF NOT EXISTS user_rooms (
    user_id INTEGER NOT NULL REFERENCES users(id), room_code TEXT NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (user_id, room_code));
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL, session TEXT NOT NULL, expiry INTEGER NOT NULL, created INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS tokens_session ON tokens(session);
CREATE TABLE IF NOT EXISTS heartbeats (
    user_id INTEGER PRIMARY KEY REFERENCES users(id), last_connected INTEGER NOT NULL,
    heartbeat INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS intakes (
    id TEXT PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), doc TEXT NOT NULL,
    created INTEGER NOT NULL, modified INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS visits (
    id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL, member_id INTEGER NOT NULL,
    provider_id INTEGER, room_code TEXT NOT NULL, intake_id TEXT, type INTEGER NOT NULL,
    status INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    actual_start INTEGER, actual_end INTEGER, completed_by INTEGER, close_reason TEXT,
    one_time_link_token TEXT, queued_at INTEGER, payment TEXT,
    created INTEGER NOT NULL, modified INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS visits_room_status ON visits(room_code, status);
CREATE INDEX IF NOT EXISTS visits_member ON visits(member_id);
CREATE TABLE IF NOT EXISTS files (
    id TEXT PRIMARY KEY, owner_id INTEGER, account_code TEXT NOT NULL, name TEXT NOT NULL,
    ext TEXT NOT NULL, size INTEGER NOT NULL, category TEXT NOT NULL, target_type TEXT NOT NULL,
    target_id TEXT NOT NULL, content_type TEXT NOT NULL, stored_name TEXT NOT NULL,
    created INTEGER NOT NULL, modified INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS emr (
    user_id INTEGER NOT NULL, name TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (user_id, name));
CREATE TABLE IF NOT EXISTS pharmacy_directory (code TEXT PRIMARY KEY, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS user_pharmacies (
    user_id INTEGER NOT NULL, code TEXT NOT NULL, doc TEXT NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (user_id, code));
CREATE TABLE IF NOT EXISTS prescriptions (
    id TEXT PRIMARY KEY, user_id INTEGER NOT NULL, status TEXT NOT NULL, doc TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS billing_sources (
    id TEXT PRIMARY KEY, user_id INTEGER NOT NULL, doc TEXT NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0, created INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS promo_codes (code TEXT PRIMARY KEY, percent_off INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS invoices (
    id TEXT PRIMARY KEY, user_id INTEGER NOT NULL, intake_id TEXT NOT NULL, doc TEXT NOT NULL,
    created INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS notifications (
    id TEXT PRIMARY KEY, user_id INTEGER NOT NULL, doc TEXT NOT NULL, is_new INTEGER NOT NULL,
    read INTEGER NOT NULL, mtime INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS endpoints (
    id TEXT PRIMARY KEY, user_id INTEGER NOT NULL, key TEXT NOT NULL, type INTEGER NOT NULL,
    created INTEGER NOT NULL, modified INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS portal_sessions (
    id TEXT PRIMARY KEY, user_id INTEGER NOT NULL, created INTEGER NOT NULL);
"""
