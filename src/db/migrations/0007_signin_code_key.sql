-- The key of this database's 签到码 (src/meetings/codes.rs): 32 random bytes as hex, made once
-- here so that printing an invitation only reads it. SQLite's randomblob() draws on the
-- operating system's randomness. A backup restored later keeps its key, and so its codes.
INSERT OR IGNORE INTO settings (key, value)
VALUES ('signin_code_key', lower(hex(randomblob(32))));
