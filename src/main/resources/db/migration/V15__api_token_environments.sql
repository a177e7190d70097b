-- A token may be limited to named environments (one per line); NULL reaches every environment its role allows.
ALTER TABLE api_token ADD COLUMN environments TEXT;
