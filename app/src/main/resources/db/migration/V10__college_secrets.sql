-- A college's credential set through the admin API, kept only encrypted (AES-256-GCM, key from SPO_SECRETS_KEY):
-- settings refer to it as "stored"; the value never leaves the hub's memory in clear.
CREATE TABLE college_secret (
    college_id VARCHAR(64) NOT NULL,
    field VARCHAR(100) NOT NULL,
    ciphertext TEXT NOT NULL,
    updated_by VARCHAR(100) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (college_id, field)
);
